import asyncio

START = 0.0


def p(msg):
    print(f"[{asyncio.get_running_loop().time() - START:.1f}] {msg}")


def init():
    global START
    START = asyncio.get_running_loop().time()


async def inner():
    p("inner start")
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        p("inner cancelled")
        await asyncio.sleep(0.1)
        p("inner cleanup done")
        raise


async def outer():
    try:
        await asyncio.wait_for(inner(), 1.0)
    except asyncio.CancelledError:
        p("outer sees CancelledError")
        raise


async def main():
    init()
    t = asyncio.create_task(outer())
    await asyncio.sleep(0.2)
    t.cancel()
    p("main cancelled outer")
    try:
        await t
    except asyncio.CancelledError:
        p(f"outer cancelled={t.cancelled()}")
    await asyncio.sleep(1)
    p("no late timeout")


asyncio.run(main())
