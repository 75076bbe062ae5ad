import anyio


async def fails(name, delay, exc, start):
    await anyio.sleep(delay)
    print(f"[{anyio.current_time() - start:.1f}] {name} raises {exc!r}")
    raise exc


async def waits(name, event, start):
    try:
        await event.wait()
    finally:
        print(f"[{anyio.current_time() - start:.1f}] {name}: cleanup")


async def main():
    start = anyio.current_time()
    done = anyio.Event()
    try:
        async with anyio.create_task_group() as tg:
            tg.start_soon(waits, "waiter", done, start)
            tg.start_soon(fails, "a", 0.1, ValueError("bad value"), start)
            tg.start_soon(fails, "b", 0.1, KeyError("missing"), start)
    except* ValueError as eg:
        print(f"[{anyio.current_time() - start:.1f}] handled values:", eg.exceptions)
    except* KeyError as eg:
        print(f"[{anyio.current_time() - start:.1f}] handled keys:", [str(e) for e in eg.exceptions])
    print("event set?", done.is_set())
    try:
        async with anyio.create_task_group() as tg:
            tg.start_soon(fails, "c", 0.2, RuntimeError("boom"), start)
    except* ValueError:
        print("not reached")
    except* RuntimeError as eg:
        print("runtime:", repr(eg))


anyio.run(main)
