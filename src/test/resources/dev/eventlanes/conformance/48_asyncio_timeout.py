import asyncio


async def main():
    start = asyncio.get_running_loop().time()
    try:
        async with asyncio.timeout(0.3):
            try:
                await asyncio.sleep(1)
            finally:
                print(f"[{asyncio.get_running_loop().time() - start:.1f}] inner finally: sleep was cancelled")
    except TimeoutError:
        print(f"[{asyncio.get_running_loop().time() - start:.1f}] main: TimeoutError")
    async with asyncio.timeout(0.5):
        await asyncio.sleep(0.2)
    print(f"[{asyncio.get_running_loop().time() - start:.1f}] main: second block finished within its timeout")


asyncio.run(main())
