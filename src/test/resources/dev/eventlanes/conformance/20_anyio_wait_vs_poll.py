import anyio


async def waiter(event, start):
    await event.wait()
    print(f"[{anyio.current_time() - start:.1f}] waiter: woke at the set() instant")


async def poller(event, start):
    polls = 0
    while not event.is_set():
        polls += 1
        await anyio.sleep(0.4)
    print(f"[{anyio.current_time() - start:.1f}] poller: noticed after {polls} polls")


async def main():
    start = anyio.current_time()
    event = anyio.Event()
    async with anyio.create_task_group() as tg:
        tg.start_soon(waiter, event, start)
        tg.start_soon(poller, event, start)
        await anyio.sleep(1.0)
        print(f"[{anyio.current_time() - start:.1f}] main: set()")
        event.set()
    print(f"[{anyio.current_time() - start:.1f}] main: both done")


anyio.run(main)
