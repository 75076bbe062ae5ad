import asyncio

START = 0.0


def p(msg):
    print(f"[{asyncio.get_running_loop().time() - START:.1f}] {msg}")


def init():
    global START
    START = asyncio.get_running_loop().time()


async def both():
    cm = asyncio.timeout(0.3)
    try:
        async with cm:
            try:
                await asyncio.sleep(5)
            except asyncio.CancelledError:
                p("body cancelled externally, cleaning up")
                try:
                    await asyncio.sleep(1)
                except asyncio.CancelledError:
                    p("cleanup interrupted by the timeout")
                    raise
    except TimeoutError:
        p("TimeoutError (wrong)")
    except asyncio.CancelledError:
        p(f"CancelledError expired={cm.expired()} cancelling={asyncio.current_task().cancelling()}")
        raise


async def main():
    init()
    b = asyncio.create_task(both())
    await asyncio.sleep(0.1)
    b.cancel()
    try:
        await b
    except asyncio.CancelledError:
        p(f"both cancelled={b.cancelled()}")


asyncio.run(main())
