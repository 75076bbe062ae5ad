import anyio


async def crasher(start):
    await anyio.sleep(0.2)
    raise KeyError("k")


async def inner(start):
    async with anyio.create_task_group() as tg:
        tg.start_soon(crasher, start)


async def main():
    start = anyio.current_time()
    try:
        async with anyio.create_task_group() as tg:
            tg.start_soon(crasher, start)
    except BaseException as e:
        print(f"[{anyio.current_time() - start:.1f}] flat: {e!r} / {e}")
    try:
        async with anyio.create_task_group() as tg:
            tg.start_soon(inner, start)
    except BaseException as e:
        print(f"[{anyio.current_time() - start:.1f}] nested: {type(e).__name__} of {[type(x).__name__ for x in e.exceptions]}")
        print(f"[{anyio.current_time() - start:.1f}] nested: {e!r}")


anyio.run(main)
