import anyio


async def other(start):
    print(f"[{anyio.current_time() - start:.1f}] other: running")


async def main():
    start = anyio.current_time()
    event = anyio.Event()
    event.set()
    async with anyio.create_task_group() as tg:
        tg.start_soon(other, start)
        print(f"[{anyio.current_time() - start:.1f}] main: wait() on an already-set event")
        await event.wait()
        print(f"[{anyio.current_time() - start:.1f}] main: wait() returned (anyio still checkpoints, so other ran first)")
    print(f"[{anyio.current_time() - start:.1f}] main: done")


anyio.run(main)
