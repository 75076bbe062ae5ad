package dev.eventlanes.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventlanes.model.Loop;
import dev.eventlanes.model.RunResult;
import dev.eventlanes.model.Simulation;
import dev.eventlanes.model.TraceKind;
import dev.eventlanes.model.TraceLog;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A click logged at a moment of a Python program's run is replayed at exactly that moment. */
class PythonClicksTest {
    private static final String PROGRAM = """
            import anyio

            async def worker(done):
                print(f"[{anyio.current_time():.1f}] waiting")
                await done.wait()
                print(f"[{anyio.current_time():.1f}] woken")

            async def main():
                done = anyio.Event()
                async with anyio.create_task_group() as tg:
                    tg.start_soon(worker, done)
                    await anyio.sleep(3)
                    print(f"[{anyio.current_time():.1f}] main slept")

            anyio.run(main)
            """;

    private static String output(TraceLog t) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < t.size(); i++) {
            if (t.kind(i) == TraceKind.PRINT) {
                sb.append(t.text(i));
            }
        }
        return sb.toString();
    }

    @Test
    void aProgramThatNeverEndsIsStoppedAtTheCallbackLimitNotLeftRunning() {
        PythonProgram p = PythonProgram.compile("forever.py", """
                import anyio

                async def main():
                    while True:
                        await anyio.sleep(1)

                anyio.run(main)
                """).program();
        Simulation sim = new Simulation(p, p.semantics(), 1, Loop.DEFAULT_OP_LIMIT, null, false, List.of(), 10_000);
        assertThat(sim.result().status()).isEqualTo(RunResult.Status.RUNAWAY);
        assertThat(sim.result().blocked()).isEmpty();
        assertThat(sim.result().message()).contains("10,000 loop callbacks").contains("never ends");
        assertThat(sim.loop().handlesRun()).isEqualTo(10_000);
    }

    @Test
    void withoutAClickTheWorkerWaitsForeverAndTheRunIsADeadlock() {
        PythonProgram p = PythonProgram.compile("w.py", PROGRAM).program();
        Simulation sim = new Simulation(p, p.semantics(), 1);
        assertThat(sim.result().status()).isEqualTo(RunResult.Status.DEADLOCK);
        assertThat(output(sim.trace())).isEqualTo("[0.0] waiting\n[3.0] main slept\n");
    }

    @Test
    void aSetClickedWhileMainSleepsWakesTheWorkerAtThatMoment() {
        PythonProgram p = PythonProgram.compile("w.py", PROGRAM).program();
        Simulation first = new Simulation(p, p.semantics(), 1);
        TraceLog t = first.trace();
        int sleepEntry = -1;
        for (int i = 0; i < t.size(); i++) {
            if (t.kind(i) == TraceKind.SLEEP) {
                sleepEntry = i;
            }
        }
        assertThat(sleepEntry).isPositive();
        long at = t.handle(sleepEntry) + 1;
        Simulation again = new Simulation(p, p.semantics(), 1, Loop.DEFAULT_OP_LIMIT, null, true,
                List.of(new Simulation.LoggedClick(at, Simulation.setEvent("done"))));
        assertThat(again.result().ok()).isTrue();
        assertThat(output(again.trace())).isEqualTo("[0.0] waiting\n[0.0] woken\n[3.0] main slept\n");
        assertThat(again.clicks()).hasSize(1);
    }
}
