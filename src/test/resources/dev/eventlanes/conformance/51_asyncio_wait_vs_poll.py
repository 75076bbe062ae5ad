import asyncio


async def waiter(event, start):
    await event.wait()
    print(f"[{asyncio.get_running_loop().time() - start:.1f}] waiter: woke at once")


async def poller(event, start):
    n = 0
    while not event.is_set():
        n += 1
        await asyncio.sleep(0.25)
    print(f"[{asyncio.get_running_loop().time() - start:.1f}] poller: saw it after {n} polls")


async def main():
    start = asyncio.get_running_loop().time()
    event = asyncio.Event()
    p = asyncio.create_task(poller(event, start))
    w = asyncio.create_task(waiter(event, start))
    await asyncio.sleep(0.6)
    event.set()
    print(f"[{asyncio.get_running_loop().time() - start:.1f}] main: set()")
    await w
    await p
    print(f"[{asyncio.get_running_loop().time() - start:.1f}] main: done")


asyncio.run(main())
