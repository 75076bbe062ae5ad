import anyio


async def main():
    start = anyio.current_time()
    with anyio.move_on_after(0.3) as scope:
        print(f"[{anyio.current_time() - start:.1f}] main: sleeping 1s under a 0.3s deadline")
        await anyio.sleep(1)
        print(f"[{anyio.current_time() - start:.1f}] main: never printed")
    print(f"[{anyio.current_time() - start:.1f}] timed out: cancel_called={scope.cancel_called}, cancelled_caught={scope.cancelled_caught}")
    with anyio.move_on_after(0.5) as scope:
        await anyio.sleep(0.2)
        print(f"[{anyio.current_time() - start:.1f}] body finished in time")
    print(f"[{anyio.current_time() - start:.1f}] in time: cancel_called={scope.cancel_called}, cancelled_caught={scope.cancelled_caught}")


anyio.run(main)
