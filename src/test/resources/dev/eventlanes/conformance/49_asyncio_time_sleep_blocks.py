import asyncio
import time


async def ticker(start):
    for i in range(3):
        await asyncio.sleep(0.2)
        print(f"[{asyncio.get_running_loop().time() - start:.1f}] ticker: tick {i}")


async def main():
    start = asyncio.get_running_loop().time()
    task = asyncio.create_task(ticker(start))
    await asyncio.sleep(0.1)
    print(f"[{asyncio.get_running_loop().time() - start:.1f}] main: time.sleep(0.4) blocks the loop")
    time.sleep(0.4)
    print(f"[{asyncio.get_running_loop().time() - start:.1f}] main: unblocked")
    await task
    print(f"[{asyncio.get_running_loop().time() - start:.1f}] main: done")


asyncio.run(main())
