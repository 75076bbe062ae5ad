# Lesson: move_on_after: giving up on a wait
# Shows: impatient and patient both wait on response_sent, which main sets at 2.0. impatient waits
#   inside move_on_after(1): at 1.0 the scope cancels its wait, and it moves on with
#   cancelled_caught=True and is_set()=False. patient keeps waiting and wakes at 2.0, at once.
# Watch: impatient gives up at 1.0 s; the set() at 2.0 s wakes patient only.
# Ask: Does the set() at 2.0 wake impatient? No: move_on_after(1) cancelled impatient's wait at 1.0,
#   so at 2.0 only patient is still waiting to be woken.

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
