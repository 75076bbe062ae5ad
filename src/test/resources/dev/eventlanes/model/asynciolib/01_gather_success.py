import asyncio

START = 0.0


def p(msg):
    print(f"[{asyncio.get_running_loop().time() - START:.1f}] {msg}")


def init():
    global START
    START = asyncio.get_running_loop().time()


async def worker(name, delay, result):
    p(f"{name} start")
    await asyncio.sleep(delay)
    p(f"{name} done")
    return result


async def main():
    init()
    other = asyncio.create_task(worker("other", 0.2, 0))
    g = asyncio.gather(worker("a", 0.3, 1), worker("b", 0.1, "two"), worker("c", 0.2, 3))
    p("gather created")
    res = await g
    p(f"result {res!r}")
    await other
    p(f"other {other.result()!r}")


asyncio.run(main())
