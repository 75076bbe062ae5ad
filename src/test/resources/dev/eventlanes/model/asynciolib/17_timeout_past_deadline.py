import asyncio

START = 0.0


def p(msg):
    print(f"[{asyncio.get_running_loop().time() - START:.1f}] {msg}")


def init():
    global START
    START = asyncio.get_running_loop().time()


async def ticker():
    for i in range(4):
        p(f"tick {i}")
        await asyncio.sleep(0)


async def main():
    init()
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(ticker())
    try:
        async with asyncio.timeout_at(loop.time() - 1):
            p("body starts")
            await asyncio.sleep(0)
            p("body after first yield (wrong)")
    except TimeoutError:
        p("timed out")
    await t


asyncio.run(main())
