import trio


async def waiter(i, event, start):
    await trio.sleep(0.1 * i)
    await event.wait()
    await trio.sleep(0.1 * i)
    print(f"[{trio.current_time() - start:.1f}] waiter {i}: woke, then slept {0.1 * i:.1f}s more")


async def main():
    start = trio.current_time()
    event = trio.Event()
    async with trio.open_nursery() as nursery:
        for i in range(1, 4):
            nursery.start_soon(waiter, i, event, start)
        await trio.sleep(0.15)
        print(f"[{trio.current_time() - start:.1f}] main: tasks_waiting={event.statistics().tasks_waiting}")
        await trio.sleep(0.2)
        print(f"[{trio.current_time() - start:.1f}] main: tasks_waiting={event.statistics().tasks_waiting}")
        event.set()
        print(f"[{trio.current_time() - start:.1f}] main: after set(), tasks_waiting={event.statistics().tasks_waiting}")


trio.run(main)
