import anyio


async def main():
    start = anyio.current_time()
    log = []
    with anyio.move_on_after(0.5) as scope:
        try:
            for i in range(10):
                await anyio.sleep(0.2)
                log.append(i)
                print(f"[{anyio.current_time() - start:.1f}] step {i}")
        finally:
            print(f"[{anyio.current_time() - start:.1f}] finally: completed steps {log}")
            log.clear()
    print(f"[{anyio.current_time() - start:.1f}] after scope: cancelled_caught={scope.cancelled_caught}, log={log}")


anyio.run(main)
