import asyncio


async def waiter(name, delay, event, start):
    await asyncio.sleep(delay)
    print(f"[{asyncio.get_running_loop().time() - start:.1f}] {name}: waiting")
    await event.wait()
    print(f"[{asyncio.get_running_loop().time() - start:.1f}] {name}: woke")


async def main():
    start = asyncio.get_running_loop().time()
    event = asyncio.Event()
    tasks = []
    for name, delay in [("late", 0.4), ("early", 0.1), ("middle", 0.2)]:
        tasks.append(asyncio.create_task(waiter(name, delay, event, start)))
    await asyncio.sleep(0.6)
    print(f"[{asyncio.get_running_loop().time() - start:.1f}] main: set() wakes all, in waiting order")
    event.set()
    print(f"[{asyncio.get_running_loop().time() - start:.1f}] main: still running after set()")
    for t in tasks:
        await t
    print(f"[{asyncio.get_running_loop().time() - start:.1f}] main: done")


asyncio.run(main())
