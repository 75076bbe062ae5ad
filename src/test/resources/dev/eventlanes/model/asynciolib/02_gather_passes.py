import asyncio

START = 0.0


def p(msg):
    print(f"[{asyncio.get_running_loop().time() - START:.1f}] {msg}")


def init():
    global START
    START = asyncio.get_running_loop().time()


async def ticker():
    for i in range(6):
        p(f"tick {i}")
        await asyncio.sleep(0)


async def quick():
    p("quick runs")
    return "q"


async def main():
    init()
    t = asyncio.create_task(ticker())
    await asyncio.sleep(0)
    f = asyncio.get_running_loop().create_future()
    f.set_result("f")
    c = quick()
    res = await asyncio.gather(f, c, c)
    p(f"gathered {res!r}")
    res = await asyncio.gather()
    p(f"empty {res!r}")
    await t


asyncio.run(main())
