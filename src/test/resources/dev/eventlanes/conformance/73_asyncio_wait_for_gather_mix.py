import asyncio

async def waiter(i, ev, start):
    try:
        await asyncio.wait_for(ev.wait(), timeout=0.3 * (i + 1))
        print(f"[{asyncio.get_running_loop().time() - start:.1f}] w{i}: got it")
        return i
    except asyncio.TimeoutError:
        print(f"[{asyncio.get_running_loop().time() - start:.1f}] w{i}: timed out")
        return -i

async def main():
    start = asyncio.get_running_loop().time()
    ev = asyncio.Event()
    async def setter():
        await asyncio.sleep(0.5)
        ev.set()
        print(f"[{asyncio.get_running_loop().time() - start:.1f}] set")
    results = await asyncio.gather(*[waiter(i, ev, start) for i in range(3)], setter())
    print(results, ev.is_set())
    counts = {r: results.count(r) for r in results if r is not None}
    print(sorted(counts.items(), key=lambda kv: str(kv[0])))

asyncio.run(main())
