import asyncio

START = 0.0


def p(msg):
    print(f"[{asyncio.get_running_loop().time() - START:.1f}] {msg}")


def init():
    global START
    START = asyncio.get_running_loop().time()


async def fussy(tg):
    p("fussy start")
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        p("fussy cancelled")
        try:
            tg.create_task(asyncio.sleep(0))
        except RuntimeError as e:
            p(f"create while aborting: {e}")
        raise KeyError("cleanup")


async def fine():
    p("fine runs")
    return 1


async def main():
    init()
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fussy(tg))
            tg.create_task(fine())
            await asyncio.sleep(0.1)
            p("body raises")
            raise RuntimeError("body")
    except ExceptionGroup as eg:
        p(f"caught {eg!r}")


asyncio.run(main())
