import anyio


async def main():
    start = anyio.current_time()
    try:
        with anyio.fail_after(0.4):
            print(f"[{anyio.current_time() - start:.1f}] main: waiting for an event nobody sets")
            await anyio.Event().wait()
    except TimeoutError:
        print(f"[{anyio.current_time() - start:.1f}] main: TimeoutError caught")
    with anyio.fail_after(0.4):
        await anyio.sleep(0.1)
    print(f"[{anyio.current_time() - start:.1f}] main: second block finished in time, no error")


anyio.run(main)
