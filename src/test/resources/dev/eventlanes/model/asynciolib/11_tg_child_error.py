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


async def crash(delay):
    p("crash start")
    await asyncio.sleep(delay)
    p("crash raises")
    raise ValueError("boom")


async def main():
    init()
    task = asyncio.current_task()
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(crash(0.2))
            tg.create_task(slow("slow"))
            try:
                await asyncio.sleep(5)
            except asyncio.CancelledError:
                p("body cancelled")
                raise
    except ExceptionGroup as eg:
        p(f"caught {eg!r} cancelling={task.cancelling()}")
    await asyncio.sleep(0.1)
    p("main continues")


asyncio.run(main())
