import anyio


async def crasher(start):
    await anyio.sleep(0.2)
    raise KeyError("k")


async def main():
    start = anyio.current_time()
    try:
        async with anyio.create_task_group() as tg:
            tg.start_soon(crasher, start)
            await anyio.sleep(1)
    except Exception as e:
        print(f"[{anyio.current_time() - start:.1f}] main: caught {type(e).__name__}")
        inner = e.exceptions if hasattr(e, "exceptions") else [e]
        print(f"[{anyio.current_time() - start:.1f}] main: inside it: {[type(x).__name__ for x in inner]}")


anyio.run(main)
