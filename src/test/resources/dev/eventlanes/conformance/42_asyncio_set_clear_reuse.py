import asyncio


async def consumer(ready, start):
    for i in range(3):
        await ready.wait()
        ready.clear()
        print(f"[{asyncio.get_running_loop().time() - start:.1f}] consumer: got signal {i}, cleared")


async def main():
    start = asyncio.get_running_loop().time()
    ready = asyncio.Event()
    task = asyncio.create_task(consumer(ready, start))
    for i in range(3):
        await asyncio.sleep(0.3)
        print(f"[{asyncio.get_running_loop().time() - start:.1f}] main: set() #{i}")
        ready.set()
    await task
    print(f"[{asyncio.get_running_loop().time() - start:.1f}] main: done, is_set={ready.is_set()}")


asyncio.run(main())
