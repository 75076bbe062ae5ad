import trio


async def main():
    start = trio.current_time()
    with trio.move_on_after(0.3) as scope:
        await trio.sleep(0.3)
        print(f"[{trio.current_time() - start:.1f}] body: the sleep won the tie")
    print(f"[{trio.current_time() - start:.1f}] deadline registered first wins: cancelled_caught={scope.cancelled_caught}")


trio.run(main)
