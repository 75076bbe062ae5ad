import anyio


async def spinner(name, rounds, start):
    for i in range(rounds):
        print(f"[{anyio.current_time() - start:.1f}] {name}: round {i}")
        await anyio.sleep(0)
    print(f"[{anyio.current_time() - start:.1f}] {name}: done")


async def main():
    start = anyio.current_time()
    async with anyio.create_task_group() as tg:
        tg.start_soon(spinner, "A", 3, start)
        tg.start_soon(spinner, "B", 2, start)
        tg.start_soon(spinner, "C", 1, start)
        print(f"[{anyio.current_time() - start:.1f}] main: spawned, yielding once")
        await anyio.sleep(0)
        print(f"[{anyio.current_time() - start:.1f}] main: back after sleep(0)")
    print(f"[{anyio.current_time() - start:.1f}] main: all spinners done")


anyio.run(main)
