package dev.eventlanes.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SmokeTest {
    @Test
    void workerWakesAtTheInstantOfSetAndMainExitsAfterIt() {
        Loop loop = new Loop(Semantics.ANYIO, 1);
        List<String> out = new ArrayList<>();
        loop.addListener((seq, time, kind, task, event, other, line, value, text) -> {
            if (kind == TraceKind.PRINT) {
                out.add(String.format("[%.1f] %s", time, text));
            }
        });
        AsyncEvent[] ev = new AsyncEvent[1];
        TaskGroup[] tg = new TaskGroup[1];
        Steps main = new Steps("main");
        main.then(() -> ev[0] = loop.newEvent("event"))
            .await(() -> (tg[0] = new TaskGroup(loop)).aenter())
            .then(() -> tg[0].startSoon(new Steps("worker")
                    .then(() -> loop.emitPrint("worker: waiting for event"))
                    .await(() -> ev[0].waitCoroutine())
                    .then(() -> loop.emitPrint("worker: event received, is_set=" + (ev[0].isSet() ? "True" : "False"))), "worker"))
            .then(() -> loop.emitPrint("main: started worker, sleeping 2s"))
            .await(() -> loop.sleep(2))
            .then(() -> loop.emitPrint("main: setting event"))
            .then(() -> ev[0].set())
            .then(() -> loop.emitPrint("main: event set, main keeps running until its next await"))
            .await(() -> tg[0].aexit(null))
            .then(() -> loop.emitPrint("main: task group exited"));
        RunResult r = loop.runMain(main, "main");
        assertThat(r.ok()).isTrue();
        assertThat(out).containsExactly(
            "[0.0] main: started worker, sleeping 2s",
            "[0.0] worker: waiting for event",
            "[2.0] main: setting event",
            "[2.0] main: event set, main keeps running until its next await",
            "[2.0] worker: event received, is_set=True",
            "[2.0] main: task group exited");
    }
}
