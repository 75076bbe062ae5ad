import trio


async def bad(start):
    await trio.sleep(0.2)
    print(f"[{trio.current_time() - start:.1f}] bad: raising ValueError")
    raise ValueError("nope")


async def main():
    start = trio.current_time()
    try:
        async with trio.open_nursery() as nursery:
            nursery.start_soon(bad, start)
            await trio.sleep(1)
            print(f"[{trio.current_time() - start:.1f}] main: never printed")
    finally:
        print(f"[{trio.current_time() - start:.1f}] main: finally, the error is on its way out")


trio.run(main)
