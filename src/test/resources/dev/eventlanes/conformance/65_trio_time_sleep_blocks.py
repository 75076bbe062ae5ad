import time

import trio


async def late_timer(start):
    await trio.sleep(0.2)
    print(f"[{trio.current_time() - start:.1f}] timer: due at 0.2")


async def main():
    start = trio.current_time()
    async with trio.open_nursery() as nursery:
        nursery.start_soon(late_timer, start)
        await trio.sleep(0.1)
        print(f"[{trio.current_time() - start:.1f}] main: blocking with time.sleep(0.6)")
        time.sleep(0.6)
        print(f"[{trio.current_time() - start:.1f}] main: unblocked")
        await trio.sleep(0.3)
        print(f"[{trio.current_time() - start:.1f}] main: slept 0.3 more")


trio.run(main)
