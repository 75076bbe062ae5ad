import anyio


async def sleeper(start):
    try:
        print(f"[{anyio.current_time() - start:.1f}] sleeper: sleeping 10s")
        await anyio.sleep(10)
        print(f"[{anyio.current_time() - start:.1f}] sleeper: never printed")
    finally:
        print(f"[{anyio.current_time() - start:.1f}] sleeper: finally runs on cancel")


async def main():
    start = anyio.current_time()
    async with anyio.create_task_group() as tg:
        tg.start_soon(sleeper, start)
        await anyio.sleep(0.5)
        print(f"[{anyio.current_time() - start:.1f}] main: cancel_scope.cancel()")
        tg.cancel_scope.cancel()
        print(f"[{anyio.current_time() - start:.1f}] main: cancel() returned, cancel_called={tg.cancel_scope.cancel_called}")
    print(f"[{anyio.current_time() - start:.1f}] main: group exited, cancelled_caught={tg.cancel_scope.cancelled_caught}")


anyio.run(main)
