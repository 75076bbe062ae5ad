import asyncio


async def resource(log, start):
    log.append("open")
    try:
        while True:
            await asyncio.sleep(0.3)
            log.append("use")
            print(f"[{asyncio.get_running_loop().time() - start:.1f}] resource: used, log={log}")
    finally:
        log.append("close")
        print(f"[{asyncio.get_running_loop().time() - start:.1f}] resource: closed in finally")


async def main():
    start = asyncio.get_running_loop().time()
    log = []
    task = asyncio.create_task(resource(log, start))
    await asyncio.sleep(1.0)
    task.cancel()
    print(f"[{asyncio.get_running_loop().time() - start:.1f}] main: cancel requested, log={log}")
    await asyncio.sleep(0)
    print(f"[{asyncio.get_running_loop().time() - start:.1f}] main: after one yield, log={log}, cancelled={task.cancelled()}")


asyncio.run(main())
