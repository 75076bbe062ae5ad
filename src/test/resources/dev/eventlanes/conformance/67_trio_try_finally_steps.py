import trio


async def main():
    start = trio.current_time()
    done = []

    def report(label):
        print(f"[{trio.current_time() - start:.1f}] {label}: done={done}")

    with trio.move_on_after(0.7):
        try:
            for step in "abcdef":
                await trio.sleep(0.3)
                done.append(step * 2)
                report(f"step {step}")
        finally:
            report("finally")
    stats = {s: len(s) for s in done}
    report(f"after scope {stats} {list(stats.items())[-1]}")


trio.run(main)
