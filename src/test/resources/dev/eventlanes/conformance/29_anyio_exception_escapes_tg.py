import anyio


async def crasher(start):
    await anyio.sleep(0.3)
    print(f"[{anyio.current_time() - start:.1f}] crasher: raising")
    raise RuntimeError("boom")


async def bystander(start):
    try:
        await anyio.sleep(5)
    finally:
        print(f"[{anyio.current_time() - start:.1f}] bystander: cancelled because a sibling failed")


async def main():
    start = anyio.current_time()
    async with anyio.create_task_group() as tg:
        tg.start_soon(bystander, start)
        tg.start_soon(crasher, start)
        print(f"[{anyio.current_time() - start:.1f}] main: children started")
    print(f"[{anyio.current_time() - start:.1f}] main: never printed")


anyio.run(main)
