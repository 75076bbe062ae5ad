import anyio

async def producer(events, log):
    for i, e in enumerate(events):
        await anyio.sleep(0.1)
        log.append(f"set {i}")
        e.set()

async def consumer(name, events, log):
    for i, e in enumerate(events):
        await e.wait()
        log.append(f"{name} saw {i}")

async def main():
    events = [anyio.Event() for _ in range(3)]
    log = []
    async with anyio.create_task_group() as tg:
        tg.start_soon(consumer, "a", events, log)
        tg.start_soon(consumer, "b", events, log)
        tg.start_soon(producer, events, log)
    for line in log:
        print(line)
    print(events[0].is_set(), len(log), events[2].statistics().tasks_waiting)
    try:
        async with anyio.create_task_group() as tg:
            async def boom():
                await anyio.sleep(0.05)
                raise ValueError("boom")
            tg.start_soon(boom)
            await anyio.sleep(1)
    except ExceptionGroup as eg:
        print("caught", eg.exceptions, repr(eg))

anyio.run(main)
