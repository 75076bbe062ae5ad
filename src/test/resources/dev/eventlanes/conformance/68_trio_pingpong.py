import trio


async def player(name, inbox, outbox, rounds, start):
    for i in range(rounds):
        await inbox[0].wait()
        inbox[0] = trio.Event()
        print(f"[{trio.current_time() - start:.1f}] {name}: hit {i}")
        await trio.sleep(0.2)
        outbox[0].set()


async def main():
    start = trio.current_time()
    to_a = [trio.Event()]
    to_b = [trio.Event()]
    async with trio.open_nursery() as nursery:
        nursery.start_soon(player, "ping", to_a, to_b, 3, start)
        nursery.start_soon(player, "pong", to_b, to_a, 3, start)
        await trio.sleep(0.1)
        print(f"[{trio.current_time() - start:.1f}] main: serve")
        to_a[0].set()
    print(f"[{trio.current_time() - start:.1f}] main: rally over")


trio.run(main)
