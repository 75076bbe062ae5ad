import anyio


async def impatient(event, start):
    with anyio.move_on_after(0.3) as scope:
        await event.wait()
    print(f"[{anyio.current_time() - start:.1f}] impatient: gave up={scope.cancelled_caught}")


async def patient(event, start):
    await event.wait()
    print(f"[{anyio.current_time() - start:.1f}] patient: woke")


async def main():
    start = anyio.current_time()
    event = anyio.Event()
    async with anyio.create_task_group() as tg:
        tg.start_soon(impatient, event, start)
        tg.start_soon(patient, event, start)
        await anyio.sleep(0.1)
        print(f"[{anyio.current_time() - start:.1f}] main: tasks_waiting={event.statistics().tasks_waiting}")
        await anyio.sleep(0.4)
        print(f"[{anyio.current_time() - start:.1f}] main: tasks_waiting={event.statistics().tasks_waiting}")
        event.set()
    print(f"[{anyio.current_time() - start:.1f}] main: done")


anyio.run(main)
