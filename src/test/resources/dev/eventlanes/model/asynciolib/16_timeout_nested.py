import asyncio

START = 0.0


def p(msg):
    print(f"[{asyncio.get_running_loop().time() - START:.1f}] {msg}")


def init():
    global START
    START = asyncio.get_running_loop().time()


async def main():
    init()
    try:
        async with asyncio.timeout(0.2) as outer:
            try:
                async with asyncio.timeout(0.5) as inner:
                    await asyncio.sleep(1)
            except TimeoutError:
                p("inner timeout (wrong)")
            except asyncio.CancelledError:
                p(f"inner passes CancelledError inner.expired={inner.expired()}")
                raise
    except TimeoutError:
        p(f"outer timeout outer.expired={outer.expired()}")
    async with asyncio.timeout(0.5) as outer2:
        try:
            async with asyncio.timeout(0.2) as inner2:
                await asyncio.sleep(1)
        except TimeoutError:
            p(f"inner2 timeout expired={inner2.expired()}")
        await asyncio.sleep(0.1)
        p(f"outer2 still active expired={outer2.expired()}")
    p(f"done outer2.expired={outer2.expired()}")


asyncio.run(main())
