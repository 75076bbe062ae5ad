import asyncio


async def hello(name, start):
    print(f"[{asyncio.get_running_loop().time() - start:.1f}] {name}: first step")
    await asyncio.sleep(0.1)
    print(f"[{asyncio.get_running_loop().time() - start:.1f}] {name}: second step")


async def main():
    start = asyncio.get_running_loop().time()
    names = ["x", "y", "z"]
    tasks = {n: asyncio.create_task(hello(n, start)) for n in names}
    print(f"[{asyncio.get_running_loop().time() - start:.1f}] main: created {sorted(tasks)}; none has run")
    await tasks["z"]
    print(f"[{asyncio.get_running_loop().time() - start:.1f}] main: z done; all done={[t.done() for t in tasks.values()]}")


asyncio.run(main())
