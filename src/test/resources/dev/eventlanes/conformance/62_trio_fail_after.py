import trio


async def main():
    start = trio.current_time()
    try:
        with trio.fail_after(0.4):
            await trio.Event().wait()
    except trio.TooSlowError:
        print(f"[{trio.current_time() - start:.1f}] main: TooSlowError after the deadline")
    with trio.fail_after(1):
        await trio.sleep(0.3)
    print(f"[{trio.current_time() - start:.1f}] main: finished inside fail_after(1)")


trio.run(main)
