import trio


async def main():
    start = trio.current_time()
    with trio.move_on_after(0.3) as scope:
        await trio.sleep(1)
        print(f"[{trio.current_time() - start:.1f}] never printed")
    print(f"[{trio.current_time() - start:.1f}] timed out: cancel_called={scope.cancel_called}, cancelled_caught={scope.cancelled_caught}")
    with trio.move_on_after(0.5) as scope:
        await trio.sleep(0.1)
    print(f"[{trio.current_time() - start:.1f}] in time: cancel_called={scope.cancel_called}, cancelled_caught={scope.cancelled_caught}")
    with trio.move_on_after(0.2) as scope:
        print(f"[{trio.current_time() - start:.1f}] a scope with no await is never cancelled")
    print(f"[{trio.current_time() - start:.1f}] no await: cancelled_caught={scope.cancelled_caught}")


trio.run(main)
