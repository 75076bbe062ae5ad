import trio


async def crasher():
    await trio.sleep(0.2)
    raise KeyError("k")


async def main():
    start = trio.current_time()
    try:
        async with trio.open_nursery() as nursery:
            nursery.start_soon(crasher)
            await trio.sleep(1)
    except KeyError as e:
        print(f"[{trio.current_time() - start:.1f}] main: trio 0.22 re-raises the lone error itself: {e!r}")


trio.run(main)
