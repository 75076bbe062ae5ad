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
