# Lesson: A deadlock: each task waits for the other
# Shows: left waits for right_ready before it sets left_ready; right waits for left_ready before it
#   sets right_ready. Both block at 0.0, no timer is pending and nobody is left to call set(): real
#   Python would hang forever, and Event Lanes stops and says who waits for what.
# Watch: Every lane runs on to "forever": no task is left to call set().
# Ask: What is the smallest change that ends the deadlock? Let one task set its own event before it
#   waits, e.g. left calls left_ready.set() first: right then wakes, sets right_ready, and left
#   wakes too.

import anyio

# Each task waits for the other's event before setting its own: neither ever runs on.
# Real Python would hang here forever; Event Lanes stops and shows who waits for what.


async def left(left_ready, right_ready):
    print("left: waiting for right_ready")
    await right_ready.wait()
    left_ready.set()


async def right(left_ready, right_ready):
    print("right: waiting for left_ready")
    await left_ready.wait()
    right_ready.set()


async def main():
    left_ready = anyio.Event()
    right_ready = anyio.Event()
    async with anyio.create_task_group() as tg:
        tg.start_soon(left, left_ready, right_ready)
        tg.start_soon(right, left_ready, right_ready)


anyio.run(main)
