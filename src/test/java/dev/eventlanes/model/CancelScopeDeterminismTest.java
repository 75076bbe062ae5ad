package dev.eventlanes.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Two runs of the same program must record the same trace. A task group whose child fails
 * cancels its scope, and the cancel message names the scope: that name must not depend on how
 * many scopes earlier runs in the same JVM created.
 */
class CancelScopeDeterminismTest {
    private static List<TraceEntry> runOnce() {
        Loop loop = new Loop(Semantics.ANYIO, 1);
        TraceLog log = new TraceLog();
        loop.addListener(log);
        TaskGroup[] tg = new TaskGroup[1];
        Steps main = new Steps("main");
        main.await(() -> (tg[0] = new TaskGroup(loop)).aenter())
            .then(() -> tg[0].startSoon(new Steps("sleeper").await(() -> loop.sleep(1)), "sleeper"))
            .then(() -> tg[0].startSoon(new Steps("failer").then(() -> loop.newEvent("e").clear()), "failer"))
            .await(() -> tg[0].aexit(null));
        loop.runMain(main, "main");
        return new ArrayList<>(log.entries());
    }

    @Test
    void theSameProgramRecordsTheSameCancelMessagesRunAfterRun() {
        List<TraceEntry> first = runOnce();
        assertThat(first).anyMatch(e -> e.kind() == TraceKind.CANCEL);
        assertThat(runOnce()).isEqualTo(first);
    }
}
