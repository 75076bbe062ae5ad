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
    g = asyncio.gather(worker("a", 0.1, fail=True), worker("b", 0.3))
    try:
        await g
    except ValueError as e:
        p(f"caught {e!r}")
    p(f"cancel after error -> {g.cancel()}")
    await asyncio.sleep(0.5)
    p("main done")


asyncio.run(main())
