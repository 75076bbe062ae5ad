import asyncio
import time


async def ticker(start):
    for i in range(4):
        print(f"[{asyncio.get_running_loop().time() - start:.1f}] ticker: tick {i}")
        await asyncio.sleep(0.5)


async def blocker(start):
    await asyncio.sleep(0.2)
    print(f"[{asyncio.get_running_loop().time() - start:.1f}] blocker: time.sleep(2) - the whole loop stops")
    time.sleep(2)
    print(f"[{asyncio.get_running_loop().time() - start:.1f}] blocker: done, the ticker missed its ticks")


async def main():
    start = asyncio.get_running_loop().time()
    await asyncio.gather(ticker(start), blocker(start))


asyncio.run(main())
