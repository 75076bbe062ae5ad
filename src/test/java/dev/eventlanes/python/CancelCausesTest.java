package dev.eventlanes.python;

import static dev.eventlanes.python.Programs.entries;
import static dev.eventlanes.python.Programs.output;
import static dev.eventlanes.python.Programs.run;
import static org.assertj.core.api.Assertions.assertThat;

import dev.eventlanes.model.Semantics;
import dev.eventlanes.model.Simulation;
import dev.eventlanes.model.TraceKind;
import dev.eventlanes.model.TraceLog;
import org.junit.jupiter.api.Test;

/**
 * Each cancellation delivered to a task is traced once, on that task's lane, saying what caused
 * it in the program's words and who asked (other), and the wake-up it causes says "cancelled".
 * See {@link dev.eventlanes.model.CancelCause} for the list.
 */
class CancelCausesTest {

    /** The index of the only CANCEL entry of the run. */
    private static int onlyCancel(Simulation sim) {
        TraceLog t = sim.trace();
        int found = -1;
        for (int i = 0; i < t.size(); i++) {
            if (t.kind(i) == TraceKind.CANCEL) {
                assertThat(found).as("one CANCEL entry").isEqualTo(-1);
                found = i;
            }
        }
        assertThat(found).as("a CANCEL entry").isNotEqualTo(-1);
        return found;
    }

    @Test
    void moveOnAfterSaysItsDelayAsWrittenAndFollowsItsTimer() {
        Simulation sim = run("""
                import anyio

                async def main():
                    ev = anyio.Event()
                    with anyio.move_on_after(1):
                        await ev.wait()
                    print("gave up")

                anyio.run(main)
                """);
        assertThat(entries(sim, TraceKind.CANCEL)).containsExactly("main <- -1: move_on_after(1)");
        TraceLog t = sim.trace();
        int c = onlyCancel(sim);
        assertThat(t.kind(c - 1)).as("the deadline's timer, right before").isEqualTo(TraceKind.TIMER);
        // The wait() it ends is a wake-up by cancellation, on the event it waited for, not by set().
        assertThat(t.kind(c + 1)).isEqualTo(TraceKind.WAKE);
        assertThat(t.text(c + 1)).isEqualTo("cancelled");
        assertThat(t.event(c + 1)).isEqualTo(0);
        assertThat(t.other(c + 1)).isEqualTo(-1);
    }

    @Test
    void trioMoveOnAfterAndFailAfterSayTheirDelays() {
        Simulation sim = run("""
                import trio

                async def main():
                    with trio.move_on_after(0.25):
                        await trio.sleep(1)
                    try:
                        with trio.fail_after(1.5):
                            await trio.sleep_forever()
                    except trio.TooSlowError:
                        print("too slow")

                trio.run(main)
                """);
        assertThat(output(sim)).isEqualTo("too slow\n");
        assertThat(entries(sim, TraceKind.CANCEL)).containsExactly(
                "main <- -1: move_on_after(0.25)", "main <- -1: fail_after(1.5)");
    }

    @Test
    void anyioFailAfterSaysItsDelay() {
        Simulation sim = run("""
                import anyio

                async def main():
                    try:
                        with anyio.fail_after(0.5):
                            await anyio.sleep(2)
                    except TimeoutError:
                        print("timed out")

                anyio.run(main)
                """);
        assertThat(output(sim)).isEqualTo("timed out\n");
        assertThat(entries(sim, TraceKind.CANCEL)).containsExactly("main <- -1: fail_after(0.5)");
    }

    @Test
    void aScopeWithAnAbsoluteDeadlineSaysSo() {
        Simulation sim = run("""
                import anyio

                async def main():
                    with anyio.CancelScope(deadline=anyio.current_time() + 0.5):
                        await anyio.sleep(2)
                    with anyio.move_on_after(5) as scope:
                        scope.deadline = anyio.current_time() + 0.5
                        await anyio.sleep(2)

                anyio.run(main)
                """);
        assertThat(entries(sim, TraceKind.CANCEL)).containsExactly(
                "main <- -1: CancelScope deadline", "main <- -1: CancelScope deadline");
    }

    @Test
    void cancelScopeCancelNamesTheTaskThatCalledIt() {
        Simulation sim = run("""
                import anyio

                async def sleeper():
                    await anyio.sleep(10)

                async def main():
                    async with anyio.create_task_group() as tg:
                        tg.start_soon(sleeper)
                        await anyio.sleep(0.1)
                        tg.cancel_scope.cancel()
                    print("cancelled")

                anyio.run(main)
                """);
        // The host is inside the group's scope too: it is cancelled where it next waits, in the
        // group's exit, a pass later.
        assertThat(entries(sim, TraceKind.CANCEL)).containsExactly(
                "sleeper <- main: CancelScope.cancel()", "main <- main: CancelScope.cancel()");
    }

    @Test
    void waitForsTimeoutCancelsTheInnerTask() {
        Simulation sim = run("""
                import asyncio

                async def slow():
                    await asyncio.sleep(5)

                async def main():
                    try:
                        await asyncio.wait_for(slow(), timeout=1.0)
                    except asyncio.TimeoutError:
                        print("timed out")
                    try:
                        await asyncio.wait_for(slow(), 1)
                    except asyncio.TimeoutError:
                        print("timed out")

                asyncio.run(main())
                """);
        assertThat(output(sim)).isEqualTo("timed out\ntimed out\n");
        assertThat(entries(sim, TraceKind.CANCEL)).containsExactly(
                "Task-2 <- -1: wait_for(timeout=1.0)", "Task-3 <- -1: wait_for(timeout=1)");
    }

    @Test
    void aTaskCancelledInWaitForPassesItOnToTheInnerTask() {
        Simulation sim = run("""
                import asyncio

                async def slow():
                    await asyncio.sleep(5)

                async def impatient():
                    await asyncio.wait_for(slow(), 10)

                async def main():
                    t = asyncio.create_task(impatient(), name="impatient")
                    await asyncio.sleep(0.1)
                    t.cancel()
                    try:
                        await t
                    except asyncio.CancelledError:
                        print("cancelled")

                asyncio.run(main())
                """);
        assertThat(entries(sim, TraceKind.CANCEL)).containsExactly(
                "impatient <- Task-1: task.cancel()", "Task-3 <- impatient: awaiter cancelled");
    }

    @Test
    void asyncioTimeoutAndTimeoutAtSayTheirArguments() {
        Simulation sim = run("""
                import asyncio

                async def main():
                    ev = asyncio.Event()
                    try:
                        async with asyncio.timeout(1):
                            await ev.wait()
                    except TimeoutError:
                        print("timeout")
                    try:
                        async with asyncio.timeout_at(2.5):
                            await ev.wait()
                    except TimeoutError:
                        print("timeout_at")

                asyncio.run(main())
                """);
        assertThat(output(sim)).isEqualTo("timeout\ntimeout_at\n");
        assertThat(entries(sim, TraceKind.CANCEL)).containsExactly(
                "Task-1 <- -1: asyncio.timeout(1)", "Task-1 <- -1: asyncio.timeout_at(2.5)");
        assertThat(entries(sim, TraceKind.WAKE)).filteredOn(s -> s.endsWith("cancelled")).containsExactly(
                "Task-1 <- -1: cancelled", "Task-1 <- -1: cancelled");
    }

    @Test
    void taskCancelNamesTheCallerOnceHoweverOftenItIsAskedBeforeTheTaskRuns() {
        Simulation sim = run("""
                import asyncio

                async def waiter(ev):
                    await ev.wait()

                async def main():
                    ev = asyncio.Event()
                    w = asyncio.create_task(waiter(ev), name="w")
                    await asyncio.sleep(0.1)
                    w.cancel()
                    w.cancel()
                    print(w.cancelling())
                    try:
                        await w
                    except asyncio.CancelledError:
                        print("cancelled")

                asyncio.run(main())
                """);
        assertThat(output(sim)).isEqualTo("2\ncancelled\n");
        assertThat(entries(sim, TraceKind.CANCEL)).containsExactly("w <- Task-1: task.cancel()");
        assertThat(entries(sim, TraceKind.WAKE)).contains("w <- Task-1: cancelled");
    }

    @Test
    void aTaskThatCancelsItselfNamesItself() {
        Simulation sim = run("""
                import asyncio

                async def main():
                    asyncio.current_task().cancel()
                    try:
                        await asyncio.sleep(1)
                    except asyncio.CancelledError:
                        print("cancelled")

                asyncio.run(main())
                """);
        assertThat(entries(sim, TraceKind.CANCEL)).containsExactly("Task-1 <- Task-1: task.cancel()");
    }

    @Test
    void anAsyncioTaskGroupCancelsTheOthersAndItsHostForTheChildThatFailed() {
        Simulation sim = run("""
                import asyncio

                async def bad():
                    await asyncio.sleep(0.1)
                    raise ValueError("boom")

                async def waiter(ev):
                    await ev.wait()

                async def main():
                    ev = asyncio.Event()
                    try:
                        async with asyncio.TaskGroup() as tg:
                            tg.create_task(waiter(ev), name="waiter")
                            tg.create_task(bad(), name="bad")
                            await ev.wait()
                    except* ValueError:
                        print("failed")

                asyncio.run(main())
                """);
        assertThat(output(sim)).isEqualTo("failed\n");
        assertThat(entries(sim, TraceKind.CANCEL)).containsExactly(
                "waiter <- bad: task group", "Task-1 <- bad: task group");
    }

    @Test
    void anAsyncioTaskGroupWhoseBodyRaisesCancelsTheChildrenForItsHost() {
        Simulation sim = run("""
                import asyncio

                async def main():
                    try:
                        async with asyncio.TaskGroup() as tg:
                            tg.create_task(asyncio.sleep(5), name="sleeper")
                            await asyncio.sleep(0.1)
                            raise ValueError("boom")
                    except* ValueError:
                        print("failed")

                asyncio.run(main())
                """);
        assertThat(entries(sim, TraceKind.CANCEL)).containsExactly("sleeper <- Task-1: task group");
    }

    @Test
    void anAnyioTaskGroupAndATrioNurseryCancelTheOthersAndTheHostForTheChildThatFailed() {
        // One program, run under anyio and under trio.
        String program = """
                import anyio

                async def bad():
                    await anyio.sleep(0.1)
                    raise ValueError("boom")

                async def sleeper():
                    await anyio.sleep(5)

                async def main():
                    try:
                        async with anyio.create_task_group() as tg:
                            tg.start_soon(sleeper)
                            tg.start_soon(bad)
                            await anyio.sleep(5)
                    except* ValueError:
                        print("failed")

                anyio.run(main)
                """;
        PythonProgram p = PythonProgram.compile("tg.py", program).program();
        Simulation anyio = run(p, Semantics.ANYIO);
        assertThat(output(anyio)).isEqualTo("failed\n");
        // The host, cancelled where it slept, waits for its children in the group's exit, where
        // the scope cancels it again (anyio does that until the wait is shielded): two deliveries.
        assertThat(entries(anyio, TraceKind.CANCEL)).containsExactly(
                "main <- bad: task group", "sleeper <- bad: task group", "main <- bad: task group");
        Simulation trio = run(p, Semantics.TRIO);
        assertThat(output(trio)).isEqualTo("failed\n");
        assertThat(entries(trio, TraceKind.CANCEL)).containsExactly("main <- bad: task group", "sleeper <- bad: task group");
    }

    @Test
    void aTaskAwaitedByACancelledTaskIsCancelledByItsAwaiter() {
        Simulation sim = run("""
                import asyncio

                async def inner():
                    await asyncio.sleep(5)

                async def outer():
                    await asyncio.create_task(inner(), name="inner")

                async def main():
                    t = asyncio.create_task(outer(), name="outer")
                    await asyncio.sleep(0.1)
                    t.cancel()
                    try:
                        await t
                    except asyncio.CancelledError:
                        print("cancelled")

                asyncio.run(main())
                """);
        assertThat(entries(sim, TraceKind.CANCEL)).containsExactly(
                "outer <- Task-1: task.cancel()", "inner <- outer: awaiter cancelled");
    }

    @Test
    void cancellingAGatherCancelsItsChildrenForTheCaller() {
        Simulation sim = run("""
                import asyncio

                async def sleeper(n):
                    await asyncio.sleep(n)

                async def main():
                    g = asyncio.gather(sleeper(5), sleeper(6))
                    await asyncio.sleep(0.1)
                    g.cancel()
                    try:
                        await g
                    except asyncio.CancelledError:
                        print("cancelled")

                asyncio.run(main())
                """);
        assertThat(output(sim)).isEqualTo("cancelled\n");
        assertThat(entries(sim, TraceKind.CANCEL)).containsExactly(
                "Task-2 <- Task-1: gather.cancel()", "Task-3 <- Task-1: gather.cancel()");
    }

    @Test
    void tasksLeftWhenMainEndsAreCancelledByRunsShutdown() {
        Simulation sim = run("""
                import asyncio

                async def forever():
                    await asyncio.Event().wait()

                async def main():
                    asyncio.create_task(forever(), name="forever")
                    await asyncio.sleep(0.1)

                asyncio.run(main())
                """);
        assertThat(entries(sim, TraceKind.CANCEL)).containsExactly("forever <- -1: run() shutdown");
    }

    @Test
    void aScopeCancellingATaskAgainAfterItCaughtTheFirstIsASecondDelivery() {
        Simulation sim = run("""
                import anyio

                async def main():
                    with anyio.move_on_after(1):
                        try:
                            await anyio.sleep(5)
                        finally:
                            await anyio.sleep(1)
                    print("done")

                anyio.run(main)
                """);
        assertThat(output(sim)).isEqualTo("done\n");
        assertThat(entries(sim, TraceKind.CANCEL)).containsExactly(
                "main <- -1: move_on_after(1)", "main <- -1: move_on_after(1)");
    }
}
