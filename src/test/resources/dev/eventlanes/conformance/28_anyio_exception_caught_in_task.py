import anyio


async def risky(start):
    await anyio.sleep(0.2)
    try:
        raise ValueError("bad value")
    except ValueError as e:
        print(f"[{anyio.current_time() - start:.1f}] risky: caught {e!r}")
    await anyio.sleep(0.2)
    print(f"[{anyio.current_time() - start:.1f}] risky: carries on")


async def steady(start):
    for i in range(3):
        await anyio.sleep(0.3)
        print(f"[{anyio.current_time() - start:.1f}] steady: tick {i}")


async def main():
    start = anyio.current_time()
    async with anyio.create_task_group() as tg:
        tg.start_soon(risky, start)
        tg.start_soon(steady, start)
    print(f"[{anyio.current_time() - start:.1f}] main: nothing escaped the group")


anyio.run(main)
