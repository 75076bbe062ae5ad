import asyncio


async def spinner(name, rounds, start):
    for i in range(rounds):
        print(f"[{asyncio.get_running_loop().time() - start:.1f}] {name}: round {i}")
        await asyncio.sleep(0)
    print(f"[{asyncio.get_running_loop().time() - start:.1f}] {name}: done")


async def main():
    start = asyncio.get_running_loop().time()
    tasks = [asyncio.create_task(spinner(n, r, start)) for n, r in [("A", 3), ("B", 2), ("C", 1)]]
    print(f"[{asyncio.get_running_loop().time() - start:.1f}] main: created {len(tasks)} tasks")
    await asyncio.sleep(0)
    print(f"[{asyncio.get_running_loop().time() - start:.1f}] main: back after sleep(0)")
    for t in tasks:
        await t
    print(f"[{asyncio.get_running_loop().time() - start:.1f}] main: all done")


asyncio.run(main())
