import asyncio


async def compute(x, delay, start):
    print(f"[{asyncio.get_running_loop().time() - start:.1f}] compute({x}): started")
    await asyncio.sleep(delay)
    print(f"[{asyncio.get_running_loop().time() - start:.1f}] compute({x}): returning {x * x}")
    return x * x


async def main():
    start = asyncio.get_running_loop().time()
    t1 = asyncio.create_task(compute(3, 0.5, start))
    t2 = asyncio.create_task(compute(4, 0.2, start))
    print(f"[{asyncio.get_running_loop().time() - start:.1f}] main: created two tasks, done={t1.done()}")
    r1 = await t1
    print(f"[{asyncio.get_running_loop().time() - start:.1f}] main: t1 -> {r1}, t2 already done={t2.done()}")
    r2 = await t2
    print(f"[{asyncio.get_running_loop().time() - start:.1f}] main: awaiting a finished task returns at once: {r2}")
    print(f"[{asyncio.get_running_loop().time() - start:.1f}] main: t2.result()={t2.result()}")


asyncio.run(main())
