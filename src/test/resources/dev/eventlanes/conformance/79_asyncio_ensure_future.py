import asyncio
import time

start = time.monotonic()


def log(msg):
    print(f"[{time.monotonic() - start:.1f}] {msg}")


async def waiter(name, ev):
    log(f"{name} waits")
    await ev.wait()
    log(f"{name} woke")
    return name.upper()


async def main():
    ev = asyncio.Event()
    # ensure_future on a coroutine schedules it as a task, like create_task.
    a = asyncio.ensure_future(waiter("a", ev))
    b = asyncio.create_task(waiter("b", ev))
    log(f"a is task {a.get_name()}, done: {a.done()}; b is {b.get_name()}")
    # On a task it hands the same task back.
    log(f"same task again: {asyncio.ensure_future(a) is a}")
    g = asyncio.gather(a, b)
    log(f"gather's future kept as it is: {asyncio.ensure_future(g) is g}")
    await asyncio.sleep(0.5)
    log("main sets")
    ev.set()
    log(f"results {await g}")
    try:
        asyncio.ensure_future(42)
    except TypeError as e:
        log(f"TypeError: {e}")


asyncio.run(main())
