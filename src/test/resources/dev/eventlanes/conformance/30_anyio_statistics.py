import anyio


async def waiter(name, delay, event, start):
    await anyio.sleep(delay)
    await event.wait()
    print(f"[{anyio.current_time() - start:.1f}] {name}: woke")


async def main():
    start = anyio.current_time()
    event = anyio.Event()
    async with anyio.create_task_group() as tg:
        for i, name in enumerate(["x", "y", "z"]):
            tg.start_soon(waiter, name, 0.2 * (i + 1), event, start)
        for _ in range(4):
            print(f"[{anyio.current_time() - start:.1f}] main: tasks_waiting={event.statistics().tasks_waiting}")
            await anyio.sleep(0.25)
        event.set()
        print(f"[{anyio.current_time() - start:.1f}] main: after set, tasks_waiting={event.statistics().tasks_waiting}")
        await anyio.sleep(0)
        print(f"[{anyio.current_time() - start:.1f}] main: after sleep(0), tasks_waiting={event.statistics().tasks_waiting}")


anyio.run(main)
