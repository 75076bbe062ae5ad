import asyncio


async def slow(start):
    try:
        await asyncio.sleep(2)
        return "slow result"
    finally:
        print(f"[{asyncio.get_running_loop().time() - start:.1f}] slow: finally (cancelled by wait_for)")


async def quick():
    await asyncio.sleep(0.1)
    return "quick result"


async def main():
    start = asyncio.get_running_loop().time()
    try:
        await asyncio.wait_for(slow(start), timeout=0.4)
    except asyncio.TimeoutError:
        print(f"[{asyncio.get_running_loop().time() - start:.1f}] main: wait_for timed out")
    r = await asyncio.wait_for(quick(), timeout=1)
    print(f"[{asyncio.get_running_loop().time() - start:.1f}] main: got {r!r}")


asyncio.run(main())
