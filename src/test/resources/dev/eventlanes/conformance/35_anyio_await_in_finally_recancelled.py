import anyio


async def victim(start):
    try:
        await anyio.sleep(5)
    finally:
        print(f"[{anyio.current_time() - start:.1f}] victim: finally, trying to sleep 0.2s more")
        try:
            await anyio.sleep(0.2)
            print(f"[{anyio.current_time() - start:.1f}] victim: never printed")
        except anyio.get_cancelled_exc_class():
            print(f"[{anyio.current_time() - start:.1f}] victim: cancelled again at once (level-triggered)")


async def main():
    start = anyio.current_time()
    async with anyio.create_task_group() as tg:
        tg.start_soon(victim, start)
        await anyio.sleep(0.3)
        tg.cancel_scope.cancel()
    print(f"[{anyio.current_time() - start:.1f}] main: done")


anyio.run(main)
