import time

import anyio


async def timer(start):
    await anyio.sleep(0.2)
    print(f"[{anyio.current_time() - start:.1f}] timer: due at 0.2, ran late")


async def blocker(start):
    await anyio.sleep(0.1)
    print(f"[{anyio.current_time() - start:.1f}] blocker: time.sleep(0.5) blocks the whole loop")
    time.sleep(0.5)
    print(f"[{anyio.current_time() - start:.1f}] blocker: done blocking")


async def main():
    start = anyio.current_time()
    async with anyio.create_task_group() as tg:
        tg.start_soon(timer, start)
        tg.start_soon(blocker, start)
    print(f"[{anyio.current_time() - start:.1f}] main: done")


anyio.run(main)
