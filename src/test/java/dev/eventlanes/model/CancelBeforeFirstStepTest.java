package dev.eventlanes.model;

import static dev.eventlanes.model.AsyncioScenario.repr;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A task cancelled before its first step: CPython throws CancelledError into a coroutine that
 * never ran, which raises it at once without running any of its body. Library coroutines
 * (sleep, Event.wait, wait_for) must not start their work then. Recording asynciolib/20_*.py.
 */
class CancelBeforeFirstStepTest {
    private final AsyncioScenario s = new AsyncioScenario();

    @Test
    void libraryCoroutinesCancelledBeforeTheyStartNeverRun() {
        Task[] t = new Task[2];
        Future[] g = new Future[1];
        Co main = new Co("main")
                .run(() -> t[0] = s.loop.spawn(s.loop.sleep(1), null))
                .run(() -> t[0].cancel(null))
                .run(() -> t[1] = s.loop.spawn(s.loop.newEvent("ev").waitCoroutine(), null))
                .run(() -> t[1].cancel(null))
                .run(() -> g[0] = AsyncioLib.gather(s.loop, List.of(AsyncioLib.waitFor(s.loop, s.loop.sleep(1), 5.0)), false))
                .run(() -> g[0].cancel(null));
        String[] names = {"sleep", "wait"};
        for (int i = 0; i < 2; i++) {
            int n = i;
            main.await(() -> Co.tryExcept(new Co("try").await(() -> t[n]).run(() -> s.p(names[n] + " finished (wrong)")),
                    ExcType.CANCELLED_ERROR, e -> {
                        s.p(names[n] + " cancelled=" + repr(t[n].isCancelled()));
                        return null;
                    }));
        }
        main.await(() -> Co.tryExcept(new Co("try").await(() -> g[0]).run(() -> s.p("gather finished (wrong)")),
                ExcType.CANCELLED_ERROR, e -> {
                    s.p("gather cancelled");
                    return null;
                }));
        s.assertMatches("20_cancel_before_first_step", sc -> main);
    }
}
