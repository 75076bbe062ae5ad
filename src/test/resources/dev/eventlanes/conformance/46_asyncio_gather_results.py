import asyncio


async def fetch(name, delay, start):
    await asyncio.sleep(delay)
    print(f"[{asyncio.get_running_loop().time() - start:.1f}] {name}: finished")
    return f"{name}:{delay}"


async def main():
    start = asyncio.get_running_loop().time()
    results = await asyncio.gather(fetch("a", 0.3, start), fetch("b", 0.1, start), fetch("c", 0.2, start))
    print(f"[{asyncio.get_running_loop().time() - start:.1f}] main: results in argument order: {results}")
    empty = await asyncio.gather()
    print(f"[{asyncio.get_running_loop().time() - start:.1f}] main: gather() of nothing -> {empty}")


asyncio.run(main())
