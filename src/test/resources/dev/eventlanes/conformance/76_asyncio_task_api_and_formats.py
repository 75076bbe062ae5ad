import asyncio

async def ticker(n, ev):
    i = 0
    while not ev.is_set():
        i += 1
        await asyncio.sleep(0)
    return i

async def main():
    ev = asyncio.Event()
    t = asyncio.create_task(ticker(0, ev), name="ticker")
    for _ in range(5):
        await asyncio.sleep(0)
    ev.set()
    n = await t
    print(t.get_name(), n, t.done(), t.result())
    t2 = asyncio.create_task(asyncio.sleep(10))
    await asyncio.sleep(0)
    print(t2.cancel(), t2.cancelled(), t2.done())
    try:
        await t2
    except asyncio.CancelledError:
        print("cancelled as expected", t2.cancelled())
    print(repr(ev)[:22], str(1e300 * 10), -7 // 2, 2 ** 64, f"{12345.678:,.2f}", f"{0.5:%}")
    async with asyncio.timeout(0.2) as cm:
        pass
    print(cm.expired())

asyncio.run(main())
