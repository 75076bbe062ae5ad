import asyncio

START = 0.0


def p(msg):
    print(f"[{asyncio.get_running_loop().time() - START:.1f}] {msg}")


def init():
    global START
    START = asyncio.get_running_loop().time()


async def main():
    init()
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout(None) as cm:
            p(f"when={cm.when()}")
            await asyncio.sleep(0.1)
            cm.reschedule(loop.time() + 0.2)
            p("rescheduled to +0.2")
            await asyncio.sleep(0.1)
            cm.reschedule(loop.time() + 0.3)
            p("rescheduled to +0.3")
            await asyncio.sleep(1)
    except TimeoutError:
        p(f"timed out expired={cm.expired()}")
    try:
        cm.reschedule(None)
    except RuntimeError as e:
        p(f"reschedule after: {e}")


asyncio.run(main())
