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


async def waiter(label, *aws):
    try:
        res = await asyncio.gather(*aws, return_exceptions=True)
        p(f"{label} got {res!r}")
    except asyncio.CancelledError as e:
        p(f"{label} cancelled {e!r}")
        raise


async def main():
    init()
    w1 = asyncio.create_task(waiter("w1", worker("a", 0.1), worker("b", 0.5)))
    w2 = asyncio.create_task(waiter("w2", worker("c", 0.5), worker("d", 0.1)))
    await asyncio.sleep(0.2)
    p(f"cancel -> {w1.cancel('halt')} {w2.cancel('halt')}")
    for w in (w1, w2):
        try:
            await w
        except asyncio.CancelledError:
            p(f"cancelled={w.cancelled()}")


asyncio.run(main())
