import asyncio


async def worker(start):
    try:
        print(f"[{asyncio.get_running_loop().time() - start:.1f}] worker: sleeping 5s")
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print(f"[{asyncio.get_running_loop().time() - start:.1f}] worker: CancelledError caught, cleaning up")
        await asyncio.sleep(0.2)
        print(f"[{asyncio.get_running_loop().time() - start:.1f}] worker: cleanup done, re-raising")
        raise


async def main():
    start = asyncio.get_running_loop().time()
    task = asyncio.create_task(worker(start))
    await asyncio.sleep(0.3)
    print(f"[{asyncio.get_running_loop().time() - start:.1f}] main: cancel() -> {task.cancel()}")
    print(f"[{asyncio.get_running_loop().time() - start:.1f}] main: right after cancel(), cancelled={task.cancelled()}")
    try:
        await task
    except asyncio.CancelledError:
        print(f"[{asyncio.get_running_loop().time() - start:.1f}] main: await task raised CancelledError")
    print(f"[{asyncio.get_running_loop().time() - start:.1f}] main: cancelled={task.cancelled()}, done={task.done()}")


asyncio.run(main())
