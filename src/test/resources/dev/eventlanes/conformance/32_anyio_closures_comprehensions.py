import anyio


async def main():
    start = anyio.current_time()
    results = {}

    def stamp():
        return f"[{anyio.current_time() - start:.1f}]"

    def make_worker(name, delay):
        async def work():
            await anyio.sleep(delay)
            results[name] = delay * 10
            print(f"{stamp()} {name:>6}|{delay:.2f}|{len(results):03d}")
        return work

    specs = [("alpha", 0.3), ("beta", 0.1), ("gamma", 0.2)]
    async with anyio.create_task_group() as tg:
        for name, delay in specs:
            tg.start_soon(make_worker(name, delay))
    order = list(results.keys())
    print(f"{stamp()} finish order: {order}")
    squares = [int(v) ** 2 for v in sorted(results.values()) if v > 1]
    print(f"{stamp()} squares={squares} total={sum(squares)}")
    merged = {k.upper(): v for k, v in results.items()}
    merged.update({"DELTA": 0})
    print(f"{stamp()} {merged.get('BETA')} {merged.pop('DELTA')} {sorted(merged)}")
    print(f"{stamp()} {'-'.join(n[:2] for n, _ in specs)} {3.14159:8.3f}|{42:<5}|{'x':^5}|")


anyio.run(main)
