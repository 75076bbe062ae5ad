import anyio


async def main():
    start = anyio.current_time()
    with anyio.move_on_after(0.3) as scope:
        await anyio.sleep(0.3)
        print(f"[{anyio.current_time() - start:.1f}] body: the sleep won the tie")
    print(f"[{anyio.current_time() - start:.1f}] deadline registered first wins: cancelled_caught={scope.cancelled_caught}")


anyio.run(main)
