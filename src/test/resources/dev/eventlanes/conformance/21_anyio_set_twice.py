import anyio


async def waiter(event, start):
    await event.wait()
    print(f"[{anyio.current_time() - start:.1f}] waiter: woke once, is_set={event.is_set()}")
    await event.wait()
    print(f"[{anyio.current_time() - start:.1f}] waiter: second wait() on a set event also returns")


async def main():
    start = anyio.current_time()
    event = anyio.Event()
    async with anyio.create_task_group() as tg:
        tg.start_soon(waiter, event, start)
        await anyio.sleep(0.3)
        event.set()
        print(f"[{anyio.current_time() - start:.1f}] main: first set()")
        event.set()
        print(f"[{anyio.current_time() - start:.1f}] main: second set() is a no-op, is_set={event.is_set()}")
    print(f"[{anyio.current_time() - start:.1f}] main: done")


anyio.run(main)
