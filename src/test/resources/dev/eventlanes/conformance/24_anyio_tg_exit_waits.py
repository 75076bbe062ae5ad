import anyio


async def child(name, delay, start):
    await anyio.sleep(delay)
    print(f"[{anyio.current_time() - start:.1f}] {name}: finished after {delay}s")


async def main():
    start = anyio.current_time()
    async with anyio.create_task_group() as tg:
        for name, delay in [("slow", 0.7), ("fast", 0.1), ("mid", 0.4)]:
            tg.start_soon(child, name, delay, start)
        print(f"[{anyio.current_time() - start:.1f}] main: end of the async with body")
    print(f"[{anyio.current_time() - start:.1f}] main: task group exit waited for the slowest child")
    async with anyio.create_task_group() as tg:
        print(f"[{anyio.current_time() - start:.1f}] main: empty task group")
    print(f"[{anyio.current_time() - start:.1f}] main: empty group exits at once")


anyio.run(main)
