import asyncio


async def main():
    start = asyncio.get_running_loop().time()
    count = 0

    def stamp():
        return f"[{asyncio.get_running_loop().time() - start:.1f}]"

    async def bump(by, seen=[]):
        nonlocal count
        await asyncio.sleep(0.1 * by)
        count += by
        seen.append(by)
        print(f"{stamp()} bump({by}): count={count} seen={seen}")

    await asyncio.create_task(bump(1))
    await asyncio.create_task(bump(2))
    late = [lambda: i for i in range(3)]
    bound = [lambda i=i: i for i in range(3)]
    print(f"{stamp()} late={[f() for f in late]} bound={[f() for f in bound]}")
    words = " Alpha,beta ,GAMMA ".split(",")
    clean = [w.strip().lower() for w in words]
    print(f"{stamp()} {clean} {'|'.join(reversed(clean))} {'{}-{}'.format(*clean[:2])}")


asyncio.run(main())
