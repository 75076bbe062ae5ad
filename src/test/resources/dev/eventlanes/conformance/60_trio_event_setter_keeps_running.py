import trio


async def worker(event, start):
    print(f"[{trio.current_time() - start:.1f}] worker: waiting")
    await event.wait()
    print(f"[{trio.current_time() - start:.1f}] worker: woke, is_set={event.is_set()}")


async def main():
    start = trio.current_time()
    event = trio.Event()
    async with trio.open_nursery() as nursery:
        nursery.start_soon(worker, event, start)
        await trio.sleep(0.5)
        event.set()
        print(f"[{trio.current_time() - start:.1f}] main: set() returned, main keeps running")
        event.set()
        print(f"[{trio.current_time() - start:.1f}] main: set() again is harmless")
        await trio.sleep(0.1)
        print(f"[{trio.current_time() - start:.1f}] main: after sleep")
    print(f"[{trio.current_time() - start:.1f}] main: nursery closed")


trio.run(main)
