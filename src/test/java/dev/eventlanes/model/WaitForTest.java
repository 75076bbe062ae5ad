package dev.eventlanes.model;

import static dev.eventlanes.model.AsyncioScenario.repr;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link AsyncioLib#waitFor} (3.11) against CPython 3.11 recordings (asynciolib/0[6-9]_*.py). */
class WaitForTest {
    private final AsyncioScenario s = new AsyncioScenario();

    private Coroutine job(String name, double delay, Object result) {
        return new Co(name)
                .run(() -> s.p(name + " start"))
                .await(() -> s.sleep(delay))
                .run(() -> s.p(name + " done"))
                .returns(() -> result);
    }

    /** {@code except CancelledError: p(msg); await sleep(cleanup); p(msg2); raise}. */
    private Coroutine cancellable(String name, double delay, double cleanup) {
        return new Co(name)
                .run(() -> s.p(name + " start"))
                .await(() -> Co.tryExcept(new Co("try").await(() -> s.sleep(delay)), ExcType.CANCELLED_ERROR,
                        e -> new Co("except")
                                .run(() -> s.p(name.equals("slow") ? "slow cancelled, cleaning up" : name + " cancelled"))
                                .await(() -> s.sleep(cleanup))
                                .run(() -> s.p(name + " cleanup done"))
                                .raise(() -> e)));
    }

    private static String timeoutLine(PyException e) {
        return "timeout " + repr(e) + " cause=" + repr(e.cause());
    }

    @Test
    void resultBeforeTheDeadlineAndNoneMeansNoTimeout() {
        Task[] t = new Task[1];
        s.assertMatches("06_wait_for_success", sc -> new Co("main")
                .run(() -> t[0] = s.loop.spawn(new Co("other").await(() -> s.sleep(0.2)).run(() -> s.p("other wakes")), null))
                .await(() -> AsyncioLib.waitFor(s.loop, job("job", 0.2, 42), 0.5))
                .use(v -> s.p("wait_for -> " + repr(v)))
                .await(() -> AsyncioLib.waitFor(s.loop, job("none", 0.1, 7), null))
                .use(v -> s.p("wait_for None -> " + repr(v)))
                .await(() -> t[0])
                .await(() -> s.sleep(1))
                .run(() -> s.p("no late timeout")));
    }

    @Test
    void timeoutCancelsWaitsForCleanupThenRaisesTimeoutErrorUnlessCancellationIsSwallowed() {
        Coroutine stubborn = new Co("stubborn")
                .run(() -> s.p("stubborn start"))
                .await(() -> Co.tryExcept(new Co("try").await(() -> s.sleep(1)), ExcType.CANCELLED_ERROR, e -> {
                    s.p("stubborn ignores cancel");
                    return null;
                }))
                .returns(() -> "late");
        s.assertMatches("07_wait_for_timeout", sc -> new Co("main")
                .await(() -> Co.tryExcept(new Co("try").await(() -> AsyncioLib.waitFor(s.loop, cancellable("slow", 1, 0.1), 0.3)),
                        ExcType.TIMEOUT_ERROR, e -> {
                            s.p(timeoutLine(e));
                            return null;
                        }))
                .await(() -> AsyncioLib.waitFor(s.loop, stubborn, 0.2))
                .use(v -> s.p("stubborn -> " + repr(v))));
    }

    @Test
    void zeroTimeoutCancelsBeforeTheFirstStepButReturnsWhatIsAlreadyDone() {
        Task[] t = new Task[1];
        s.assertMatches("08_wait_for_zero", sc -> new Co("main")
                .await(() -> Co.tryExcept(new Co("try").await(() -> AsyncioLib.waitFor(s.loop, quick(), 0.0)),
                        ExcType.TIMEOUT_ERROR, e -> {
                            s.p(timeoutLine(e));
                            return null;
                        }))
                .await(() -> {
                    Future f = new Future(s.loop);
                    f.setResult("ready");
                    return AsyncioLib.waitFor(s.loop, f, 0.0);
                })
                .use(v -> s.p("done future -> " + repr(v)))
                .run(() -> t[0] = s.loop.spawn(quick(), null))
                .await(() -> s.sleep(0))
                .await(() -> AsyncioLib.waitFor(s.loop, t[0], -1.0))
                .use(v -> s.p("done task -> " + repr(v))));
    }

    private Coroutine quick() {
        return new Co("quick").run(() -> s.p("quick runs")).returns(() -> 1);
    }

    @Test
    void cancellingTheWaiterCancelsTheInnerTaskAndWaitsForIt() {
        Task[] t = new Task[1];
        Coroutine outer = Co.tryExcept(
                new Co("outer").await(() -> AsyncioLib.waitFor(s.loop, cancellable("inner", 5, 0.1), 1.0)),
                ExcType.CANCELLED_ERROR,
                e -> new Co("except").run(() -> s.p("outer sees CancelledError")).raise(() -> e));
        s.assertMatches("09_wait_for_outer_cancel", sc -> new Co("main")
                .run(() -> t[0] = s.loop.spawn(outer, null))
                .await(() -> s.sleep(0.2))
                .run(() -> t[0].cancel(null))
                .run(() -> s.p("main cancelled outer"))
                .await(() -> Co.tryExcept(new Co("try").await(() -> t[0]), ExcType.CANCELLED_ERROR, e -> {
                    s.p("outer cancelled=" + repr(t[0].isCancelled()));
                    return null;
                }))
                .await(() -> s.sleep(1))
                .run(() -> s.p("no late timeout")));
    }

    @Test
    void theWaiterBlocksOnSaysWhichTaskItWaitsFor() {
        Task main = s.loop.spawn(new Co("main").await(() -> AsyncioLib.waitFor(s.loop, job("job", 1, 1), 0.5)), "main");
        s.loop.step();
        Task inner = s.loop.tasks().get(1);
        assertThat(main.waitingOn().reason()).isEqualTo(WaitReason.task(inner));
    }
}
