import asyncio

START = 0.0


def p(msg):
    print(f"[{asyncio.get_running_loop().time() - START:.1f}] {msg}")


def init():
    global START
    START = asyncio.get_running_loop().time()

async def main():
    init()
    t1 = asyncio.create_task(asyncio.sleep(1))
    t1.cancel()
    t2 = asyncio.create_task(asyncio.Event().wait())
    t2.cancel()
    g = asyncio.gather(asyncio.wait_for(asyncio.sleep(1), 5))
    g.cancel()
    for name, t in (("sleep", t1), ("wait", t2)):
        try:
            await t
            p(f"{name} finished (wrong)")
        except asyncio.CancelledError:
            p(f"{name} cancelled={t.cancelled()}")
    try:
        await g
        p("gather finished (wrong)")
    except asyncio.CancelledError:
        p("gather cancelled")


asyncio.run(main())
