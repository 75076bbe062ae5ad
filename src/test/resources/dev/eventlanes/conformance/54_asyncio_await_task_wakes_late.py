import asyncio


async def child(start):
    await asyncio.sleep(0.2)
    print(f"[{asyncio.get_running_loop().time() - start:.1f}] child: returning")
    return 7


async def other(start):
    await asyncio.sleep(0.2)
    print(f"[{asyncio.get_running_loop().time() - start:.1f}] other: timer due with child's runs in between")


async def main():
    start = asyncio.get_running_loop().time()
    t = asyncio.create_task(child(start))
    o = asyncio.create_task(other(start))
    value = await t
    print(f"[{asyncio.get_running_loop().time() - start:.1f}] main: got {value}, a loop pass after the child finished")
    await o


asyncio.run(main())
