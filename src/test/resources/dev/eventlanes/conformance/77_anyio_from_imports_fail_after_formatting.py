import anyio
from anyio import Event, sleep, create_task_group, fail_after

async def slow(x, *, delay=0.1):
    await sleep(delay)
    return x * 2

async def main():
    ev = Event()
    results = {}
    async def run(i):
        results[i] = await slow(i, delay=0.1 * (3 - i))
        if len(results) == 3:
            ev.set()
    async with create_task_group() as tg:
        for i in range(3):
            tg.start_soon(run, i)
        await ev.wait()
        print("order:", list(results), "values:", *results.values(), sep=" | ")
    try:
        with fail_after(0.15):
            print(f"got {await slow(21, delay=0.05)}")
            await slow(0, delay=1)
    except TimeoutError as e:
        print("timeout:", type(e).__name__, repr(e))
    print("%s has %d items; %.2f" % ("results", len(results), 2 / 3), "{:>5}|{:<5}|{:^5}".format("a", "b", "c"))
    n = 0
    while n < 10:
        n += 3
        if n > 7:
            break
    else:
        print("never")
    print("n =", n, [x for x in range(n) if x % 4 == 0], {k: v for k, v in zip("abc", range(3))})

anyio.run(main)
