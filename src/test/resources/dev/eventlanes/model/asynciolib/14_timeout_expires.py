import asyncio

START = 0.0


def p(msg):
    print(f"[{asyncio.get_running_loop().time() - START:.1f}] {msg}")


def init():
    global START
    START = asyncio.get_running_loop().time()


async def main():
    init()
    cm = asyncio.timeout(0.3)
    try:
        async with cm:
            p(f"entered when={cm.when() - START:.1f}")
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                p("body cancelled")
                raise
    except TimeoutError as e:
        p(f"timeout {e!r} context={e.__context__!r} expired={cm.expired()} "
          f"cancelling={asyncio.current_task().cancelling()}")
    async with asyncio.timeout(0.5) as cm2:
        await asyncio.sleep(0.1)
    p(f"no timeout expired={cm2.expired()}")
    await asyncio.sleep(1)
    p("still running")


asyncio.run(main())
