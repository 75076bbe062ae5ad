import asyncio

START = 0.0


def p(msg):
    print(f"[{asyncio.get_running_loop().time() - START:.1f}] {msg}")


def init():
    global START
    START = asyncio.get_running_loop().time()


async def child(tg, name, delay, spawn=None):
    p(f"{name} start")
    await asyncio.sleep(delay)
    if spawn:
        t = tg.create_task(child(tg, spawn, 0.1))
        p(f"{name} spawned {t.get_name()}")
    p(f"{name} done")
    return name


async def main():
    init()
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(child(tg, "a", 0.2, spawn="late"))
        t2 = tg.create_task(child(tg, "b", 0.1), name="bee")
        p(f"created {t1.get_name()} {t2.get_name()}")
        await asyncio.sleep(0)
        p("body done")
    p(f"after tg {t1.result()} {t2.result()}")
    t3 = asyncio.create_task(child(tg, "x", 0.1))
    p(f"next task {t3.get_name()}")
    try:
        tg.create_task(asyncio.sleep(0))
    except RuntimeError as e:
        p(f"create after exit: {e}")
    await t3


asyncio.run(main())
