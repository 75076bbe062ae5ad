import asyncio

ROUNDS = 200000


async def ping(ping_ev, pong_ev):
    for i in range(ROUNDS):
        ping_ev.set()
        await pong_ev.wait()
        pong_ev.clear()


async def pong(ping_ev, pong_ev):
    count = 0
    for i in range(ROUNDS):
        await ping_ev.wait()
        ping_ev.clear()
        count += 1
        pong_ev.set()
    print(f"pong: {count} rounds")


async def main():
    ping_ev = asyncio.Event()
    pong_ev = asyncio.Event()
    t1 = asyncio.create_task(ping(ping_ev, pong_ev))
    t2 = asyncio.create_task(pong(ping_ev, pong_ev))
    await t1
    await t2
    print("done")


asyncio.run(main())
