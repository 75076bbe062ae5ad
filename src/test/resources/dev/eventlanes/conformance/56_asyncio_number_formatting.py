import asyncio


async def main():
    start = asyncio.get_running_loop().time()
    await asyncio.sleep(0.1)
    t = f"[{asyncio.get_running_loop().time() - start:.1f}]"
    print(f"{t} {0.1 + 0.2} {1 / 3} {2 / 2} {1e16} {1e-5} {123456789.0 * 10}")
    print(f"{t} {2.5:.0f} {3.5:.0f} {0.125:.2f} {2.675:.2f} {round(2.5)} {round(0.125, 2)}")
    print(f"{t} {-7 // 2} {-7 % 2} {divmod(-7, 2)} {7 // -2} {2 ** -1} {2 ** 10}")
    print(f"{t} {1234567.891:,.2f} {255:#x} {5:08b} {0.25:%} {12345.678:e} {-0.0} {3:+d}")
    print(f"{t} {[1.0, 0.5, None, True]} {(1,)} {dict(a=1.5)} {'q'!r} {str(1.10)} {repr('it''s')}")


asyncio.run(main())
