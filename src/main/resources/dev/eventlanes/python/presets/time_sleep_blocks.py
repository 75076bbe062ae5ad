# Lesson: time.sleep() blocks the whole loop
# Shows: ticker prints a tick every 0.5 s; at 0.2 blocker calls time.sleep(2), which never awaits,
#   so the whole event loop stops for 2 s. Tick 1, due at 0.5, only comes at 2.2, when blocker is
#   done; the ticks after it are 0.5 s apart again.
# Watch: blocker's 2 s running bar: no other lane moves until 2.2 s.
# Ask: What should blocker call instead, and when would tick 1 come then? await asyncio.sleep(2): it
#   gives the loop back while it waits, so tick 1 prints on time, at 0.5.

import asyncio
import time


async def ticker(start):
    for i in range(4):
        print(f"[{asyncio.get_running_loop().time() - start:.1f}] ticker: tick {i}")
        await asyncio.sleep(0.5)


async def blocker(start):
    await asyncio.sleep(0.2)
    print(f"[{asyncio.get_running_loop().time() - start:.1f}] blocker: time.sleep(2) - the whole loop stops")
    time.sleep(2)
    print(f"[{asyncio.get_running_loop().time() - start:.1f}] blocker: done, the ticker missed its ticks")


async def main():
    start = asyncio.get_running_loop().time()
    await asyncio.gather(ticker(start), blocker(start))


asyncio.run(main())
