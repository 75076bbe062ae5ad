import trio


async def main():
    start = trio.current_time()
    with trio.move_on_after(0.3) as scope:
        try:
            await trio.sleep(5)
        finally:
            print(f"[{trio.current_time() - start:.1f}] finally: cancelled, awaiting again")
            try:
                await trio.sleep(0.2)
            except trio.Cancelled:
                print(f"[{trio.current_time() - start:.1f}] finally: the second await is cancelled at once")
                raise
    print(f"[{trio.current_time() - start:.1f}] main: cancelled_caught={scope.cancelled_caught}")


trio.run(main)
