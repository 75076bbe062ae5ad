import asyncio

START = 0.0


def p(msg):
    print(f"[{asyncio.get_running_loop().time() - START:.1f}] {msg}")


def init():
    global START
    START = asyncio.get_running_loop().time()


async def slow(name):
    p(f"{name} start")
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        p(f"{name} cancelled")
        raise


async def runner(name, body_waits):
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(slow(name + "-child"))
            p(f"{name} body")
            if body_waits:
                await asyncio.sleep(5)
    except asyncio.CancelledError as e:
        p(f"{name} got {e!r}")
        raise


async def main():
    init()
    for name, body_waits in (("r1", True), ("r2", False)):
        t = asyncio.create_task(runner(name, body_waits))
        await asyncio.sleep(0.2)
        t.cancel()
        try:
            await t
        except asyncio.CancelledError:
            p(f"{name} cancelled={t.cancelled()}")


asyncio.run(main())
