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


async def main():
    init()
    tb = asyncio.create_task(worker("b", 1.0))
    asyncio.get_running_loop().call_later(0.2, tb.cancel)
    res = await asyncio.gather(worker("a", 0.1, fail=True), tb, worker("c", 0.3), return_exceptions=True)
    p(f"result {res!r}")


asyncio.run(main())
