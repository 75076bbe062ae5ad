import trio

async def child(name, delay, done):
    await trio.sleep(delay)
    print(f"{name} finished after {delay}")
    done.append(name)

async def main():
    done = []
    start = trio.current_time()
    async with trio.open_nursery() as nursery:
        for i, d in enumerate([0.3, 0.1, 0.2]):
            nursery.start_soon(child, f"c{i}", d, done)
        print("spawned", len(done))
    print("all done:", done, round(trio.current_time() - start, 1))
    with trio.move_on_after(0.5) as scope:
        await trio.sleep_forever()
    print("moved on:", scope.cancelled_caught)

trio.run(main)
