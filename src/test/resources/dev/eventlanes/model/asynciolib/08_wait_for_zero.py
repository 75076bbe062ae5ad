import asyncio

START = 0.0


def p(msg):
    print(f"[{asyncio.get_running_loop().time() - START:.1f}] {msg}")


def init():
    global START
    START = asyncio.get_running_loop().time()


async def quick():
    p("quick runs")
    return 1


async def main():
    init()
    try:
        await asyncio.wait_for(quick(), 0)
    except TimeoutError as e:
        p(f"timeout {e!r} cause={e.__cause__!r}")
    f = asyncio.get_running_loop().create_future()
    f.set_result("ready")
    r = await asyncio.wait_for(f, 0)
    p(f"done future -> {r!r}")
    t = asyncio.create_task(quick())
    await asyncio.sleep(0)
    r = await asyncio.wait_for(t, -1)
    p(f"done task -> {r!r}")


asyncio.run(main())
