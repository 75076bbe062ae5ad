import asyncio


async def failing(start):
    await asyncio.sleep(0.2)
    print(f"[{asyncio.get_running_loop().time() - start:.1f}] failing: raising KeyError")
    raise KeyError("missing")


async def main():
    start = asyncio.get_running_loop().time()
    task = asyncio.create_task(failing(start))
    await asyncio.sleep(0.5)
    print(f"[{asyncio.get_running_loop().time() - start:.1f}] main: task done={task.done()}, error kept until awaited")
    try:
        await task
    except KeyError as e:
        print(f"[{asyncio.get_running_loop().time() - start:.1f}] main: await task raised KeyError {e}")
    print(f"[{asyncio.get_running_loop().time() - start:.1f}] main: exception() is a {type(task.exception()).__name__}")


asyncio.run(main())
