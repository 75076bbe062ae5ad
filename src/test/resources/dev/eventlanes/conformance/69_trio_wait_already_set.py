import trio


async def main():
    start = trio.current_time()
    event = trio.Event()
    event.set()
    print(f"[{trio.current_time() - start:.1f}] main: event already set")
    await event.wait()
    print(f"[{trio.current_time() - start:.1f}] main: wait() returned at once")
    with trio.move_on_after(0.2) as scope:
        await event.wait()
        await trio.sleep(1)
    print(f"[{trio.current_time() - start:.1f}] main: wait() on a set event was not cancelled, the sleep was: {scope.cancelled_caught}")


trio.run(main)
