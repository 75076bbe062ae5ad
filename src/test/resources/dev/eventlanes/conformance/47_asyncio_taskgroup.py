import asyncio


async def job(name, delay, start):
    print(f"[{asyncio.get_running_loop().time() - start:.1f}] {name}: started")
    await asyncio.sleep(delay)
    print(f"[{asyncio.get_running_loop().time() - start:.1f}] {name}: finished")
    return len(name)


async def main():
    start = asyncio.get_running_loop().time()
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(job("first", 0.4, start))
        t2 = tg.create_task(job("second", 0.2, start))
        print(f"[{asyncio.get_running_loop().time() - start:.1f}] main: tasks created, none started yet")
    print(f"[{asyncio.get_running_loop().time() - start:.1f}] main: TaskGroup exited, results {t1.result()} {t2.result()}")


asyncio.run(main())
