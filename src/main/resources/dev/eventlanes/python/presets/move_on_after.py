import anyio


async def impatient(response_sent, start):
    print(f"[{anyio.current_time() - start:.1f}] impatient: waiting at most 1s for the response")
    with anyio.move_on_after(1) as scope:
        await response_sent.wait()
    print(f"[{anyio.current_time() - start:.1f}] impatient: gave up={scope.cancelled_caught}, is_set={response_sent.is_set()}")


async def patient(response_sent, start):
    await response_sent.wait()
    print(f"[{anyio.current_time() - start:.1f}] patient: got the response")


async def main():
    start = anyio.current_time()
    response_sent = anyio.Event()
    async with anyio.create_task_group() as tg:
        tg.start_soon(impatient, response_sent, start)
        tg.start_soon(patient, response_sent, start)
        await anyio.sleep(2)
        print(f"[{anyio.current_time() - start:.1f}] main: response_sent.set()")
        response_sent.set()
    print(f"[{anyio.current_time() - start:.1f}] main: done")


anyio.run(main)
