import trio


async def child(start):
    try:
        print(f"[{trio.current_time() - start:.1f}] child: sleeping")
        await trio.sleep(10)
    finally:
        print(f"[{trio.current_time() - start:.1f}] child: finally")


async def main():
    start = trio.current_time()
    async with trio.open_nursery() as nursery:
        nursery.start_soon(child, start)
        await trio.sleep(0.4)
        nursery.cancel_scope.cancel()
        print(f"[{trio.current_time() - start:.1f}] main: cancel() called, cancel_called={nursery.cancel_scope.cancel_called}")
    print(f"[{trio.current_time() - start:.1f}] main: nursery closed, cancelled_caught={nursery.cancel_scope.cancelled_caught}")


trio.run(main)
