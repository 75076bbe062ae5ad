import asyncio

START = 0.0


def p(msg):
    print(f"[{asyncio.get_running_loop().time() - START:.1f}] {msg}")


def init():
    global START
    START = asyncio.get_running_loop().time()


async def slow():
    p("slow start")
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        p("slow cancelled, cleaning up")
        await asyncio.sleep(0.1)
        p("slow cleanup done")
        raise


async def stubborn():
    p("stubborn start")
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        p("stubborn ignores cancel")
    return "late"


async def main():
    init()
    try:
        await asyncio.wait_for(slow(), 0.3)
    except TimeoutError as e:
        p(f"timeout {e!r} cause={e.__cause__!r}")
    r = await asyncio.wait_for(stubborn(), 0.2)
    p(f"stubborn -> {r!r}")


asyncio.run(main())
