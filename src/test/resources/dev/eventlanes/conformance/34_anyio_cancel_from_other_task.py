import anyio


async def canceller(scope, start):
    await anyio.sleep(0.4)
    print(f"[{anyio.current_time() - start:.1f}] canceller: cancelling main's scope")
    scope.cancel()
    print(f"[{anyio.current_time() - start:.1f}] canceller: still running after cancel()")


async def main():
    start = anyio.current_time()
    async with anyio.create_task_group() as tg:
        with anyio.CancelScope() as scope:
            tg.start_soon(canceller, scope, start)
            print(f"[{anyio.current_time() - start:.1f}] main: waiting inside the scope")
            await anyio.sleep(3)
            print(f"[{anyio.current_time() - start:.1f}] main: never printed")
        print(f"[{anyio.current_time() - start:.1f}] main: scope exited, cancel_called={scope.cancel_called}, cancelled_caught={scope.cancelled_caught}")
    print(f"[{anyio.current_time() - start:.1f}] main: done")


anyio.run(main)
