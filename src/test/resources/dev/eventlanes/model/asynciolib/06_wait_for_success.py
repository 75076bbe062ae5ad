import asyncio

START = 0.0


def p(msg):
    print(f"[{asyncio.get_running_loop().time() - START:.1f}] {msg}")


def init():
    global START
    START = asyncio.get_running_loop().time()


async def job(name, delay, result):
    p(f"{name} start")
    await asyncio.sleep(delay)
    p(f"{name} done")
    return result


async def other():
    await asyncio.sleep(0.2)
    p("other wakes")


async def main():
    init()
    t = asyncio.create_task(other())
    r = await asyncio.wait_for(job("job", 0.2, 42), 0.5)
    p(f"wait_for -> {r!r}")
    r = await asyncio.wait_for(job("none", 0.1, 7), None)
    p(f"wait_for None -> {r!r}")
    await t
    await asyncio.sleep(1)
    p("no late timeout")


asyncio.run(main())
