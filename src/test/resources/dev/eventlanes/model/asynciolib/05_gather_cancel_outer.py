import asyncio

START = 0.0


def p(msg):
    print(f"[{asyncio.get_running_loop().time() - START:.1f}] {msg}")


def init():
    global START
    START = asyncio.get_running_loop().time()


async def worker(name, delay, fail=False):
    p(f"{name} start")
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        p(f"{name} cancelled")
        raise
    if fail:
        p(f"{name} raises")
        raise ValueError(name)
    p(f"{name} done")
    return name


async def waiter():
    try:
        res = await asyncio.gather(worker("a", 0.1), worker("b", 0.5), worker("c", 0.5))
        p(f"waiter got {res!r}")
    except asyncio.CancelledError as e:
        p(f"waiter cancelled {e!r}")
        raise


async def main():
    init()
    t = asyncio.create_task(waiter())
    await asyncio.sleep(0.2)
    p(f"cancel -> {t.cancel('stop')}")
    try:
        await t
    except asyncio.CancelledError:
        p(f"t cancelled={t.cancelled()}")


asyncio.run(main())
