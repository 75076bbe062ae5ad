import asyncio


async def never(start):
    print(f"[{asyncio.get_running_loop().time() - start:.1f}] never: not printed, cancelled before first step")


async def main():
    start = asyncio.get_running_loop().time()
    t = asyncio.create_task(never(start))
    print(f"[{asyncio.get_running_loop().time() - start:.1f}] main: cancel -> {t.cancel()}, again -> {t.cancel()}")
    await asyncio.sleep(0)
    print(f"[{asyncio.get_running_loop().time() - start:.1f}] main: done={t.done()} cancelled={t.cancelled()}")
    print(f"[{asyncio.get_running_loop().time() - start:.1f}] main: cancel a finished task -> {t.cancel()}")


asyncio.run(main())
