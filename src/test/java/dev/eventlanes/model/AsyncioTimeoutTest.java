package dev.eventlanes.model;

import static dev.eventlanes.model.AsyncioScenario.repr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** {@link AsyncioTimeout} against CPython 3.11 recordings (asynciolib/1[4-8]_*.py). */
class AsyncioTimeoutTest {
    private final AsyncioScenario s = new AsyncioScenario();

    private static Coroutine with(AsyncioTimeout cm, Coroutine body) {
        return Co.asyncWith(cm::aenter, v -> body, cm::aexit);
    }

    /** {@code try: await sleep(d) except CancelledError: p(msg); raise}. */
    private Coroutine sleepReporting(double d, String msg) {
        return Co.tryExcept(new Co("try").await(() -> s.sleep(d)), ExcType.CANCELLED_ERROR,
                e -> new Co("except").run(() -> s.p(msg)).raise(() -> e));
    }

    @Test
    void expiryTurnsTheCancellationIntoTimeoutErrorAndUncancelsTheTask() {
        AsyncioTimeout[] cm = new AsyncioTimeout[2];
        s.assertMatches("14_timeout_expires", sc -> new Co("main")
                .run(() -> cm[0] = AsyncioLib.timeout(s.loop, 0.3))
                .await(() -> Co.tryExcept(with(cm[0], new Co("body")
                                .run(() -> s.p(String.format(Locale.ROOT, "entered when=%.1f", cm[0].when())))
                                .await(() -> sleepReporting(1, "body cancelled"))),
                        ExcType.TIMEOUT_ERROR, e -> {
                            s.p("timeout " + repr(e) + " context=" + repr(e.context()) + " expired="
                                    + repr(cm[0].expired()) + " cancelling=" + s.loop.currentTask().cancelling());
                            return null;
                        }))
                .run(() -> cm[1] = AsyncioLib.timeout(s.loop, 0.5))
                .await(() -> with(cm[1], new Co("body2").await(() -> s.sleep(0.1))))
                .run(() -> s.p("no timeout expired=" + repr(cm[1].expired())))
                .await(() -> s.sleep(1))
                .run(() -> s.p("still running")));
    }

    @Test
    void rescheduleMovesTheDeadlineAndIsRefusedAfterExpiry() {
        AsyncioTimeout cm = AsyncioLib.timeoutAt(s.loop, null);
        s.assertMatches("15_timeout_reschedule", sc -> new Co("main")
                .await(() -> Co.tryExcept(with(cm, new Co("body")
                                .run(() -> s.p("when=" + repr(cm.when())))
                                .await(() -> s.sleep(0.1))
                                .run(() -> cm.reschedule(s.loop.time() + 0.2))
                                .run(() -> s.p("rescheduled to +0.2"))
                                .await(() -> s.sleep(0.1))
                                .run(() -> cm.reschedule(s.loop.time() + 0.3))
                                .run(() -> s.p("rescheduled to +0.3"))
                                .await(() -> s.sleep(1))),
                        ExcType.TIMEOUT_ERROR, e -> {
                            s.p("timed out expired=" + repr(cm.expired()));
                            return null;
                        }))
                .run(() -> {
                    try {
                        cm.reschedule(null);
                    } catch (PyException e) {
                        s.p("reschedule after: " + e.messageText());
                    }
                }));
    }

    @Test
    void onlyTheTimeoutThatExpiredConvertsNestedOnesPassTheCancellationOn() {
        AsyncioTimeout[] cm = new AsyncioTimeout[4];
        s.assertMatches("16_timeout_nested", sc -> new Co("main")
                .run(() -> cm[0] = AsyncioLib.timeout(s.loop, 0.2))
                .await(() -> Co.tryExcept(with(cm[0], new Co("outer body")
                                .run(() -> cm[1] = AsyncioLib.timeout(s.loop, 0.5))
                                .await(() -> Co.tryExcept(with(cm[1], new Co("inner body").await(() -> s.sleep(1))),
                                        ExcType.TIMEOUT_ERROR, e -> {
                                            s.p("inner timeout (wrong)");
                                            return null;
                                        },
                                        ExcType.CANCELLED_ERROR, e -> new Co("except")
                                                .run(() -> s.p("inner passes CancelledError inner.expired=" + repr(cm[1].expired())))
                                                .raise(() -> e)))),
                        ExcType.TIMEOUT_ERROR, e -> {
                            s.p("outer timeout outer.expired=" + repr(cm[0].expired()));
                            return null;
                        }))
                .run(() -> cm[2] = AsyncioLib.timeout(s.loop, 0.5))
                .await(() -> with(cm[2], new Co("outer2 body")
                        .run(() -> cm[3] = AsyncioLib.timeout(s.loop, 0.2))
                        .await(() -> Co.tryExcept(with(cm[3], new Co("inner2 body").await(() -> s.sleep(1))),
                                ExcType.TIMEOUT_ERROR, e -> {
                                    s.p("inner2 timeout expired=" + repr(cm[3].expired()));
                                    return null;
                                }))
                        .await(() -> s.sleep(0.1))
                        .run(() -> s.p("outer2 still active expired=" + repr(cm[2].expired())))))
                .run(() -> s.p("done outer2.expired=" + repr(cm[2].expired()))));
    }

    @Test
    void aDeadlineAlreadyPastFiresFromTheReadyQueueOnePassLater() {
        Task[] t = new Task[1];
        Co ticker = new Co("ticker");
        for (int i = 0; i < 4; i++) {
            int n = i;
            ticker.run(() -> s.p("tick " + n)).await(() -> s.sleep(0));
        }
        s.assertMatches("17_timeout_past_deadline", sc -> new Co("main")
                .run(() -> t[0] = s.loop.spawn(ticker, null))
                .await(() -> Co.tryExcept(with(AsyncioLib.timeoutAt(s.loop, s.loop.time() - 1), new Co("body")
                                .run(() -> s.p("body starts"))
                                .await(() -> s.sleep(0))
                                .run(() -> s.p("body after first yield (wrong)"))),
                        ExcType.TIMEOUT_ERROR, e -> {
                            s.p("timed out");
                            return null;
                        }))
                .await(() -> t[0]));
    }

    @Test
    void anOutsideCancellationWinsOverAnExpiredTimeout() {
        Task[] b = new Task[1];
        AsyncioTimeout[] cm = new AsyncioTimeout[1];
        Coroutine both = Co.tryExcept(
                new Co("both")
                        .run(() -> cm[0] = AsyncioLib.timeout(s.loop, 0.3))
                        .await(() -> with(cm[0], Co.tryExcept(new Co("try").await(() -> s.sleep(5)), ExcType.CANCELLED_ERROR,
                                e -> new Co("except")
                                        .run(() -> s.p("body cancelled externally, cleaning up"))
                                        .await(() -> sleepReporting(1, "cleanup interrupted by the timeout"))))),
                ExcType.TIMEOUT_ERROR, e -> {
                    s.p("TimeoutError (wrong)");
                    return null;
                },
                ExcType.CANCELLED_ERROR, e -> new Co("except")
                        .run(() -> s.p("CancelledError expired=" + repr(cm[0].expired())
                                + " cancelling=" + s.loop.currentTask().cancelling()))
                        .raise(() -> e));
        s.assertMatches("18_timeout_external_cancel", sc -> new Co("main")
                .run(() -> b[0] = s.loop.spawn(both, null))
                .await(() -> s.sleep(0.1))
                .run(() -> b[0].cancel(null))
                .await(() -> Co.tryExcept(new Co("try").await(() -> b[0]), ExcType.CANCELLED_ERROR, e -> {
                    s.p("both cancelled=" + repr(b[0].isCancelled()));
                    return null;
                })));
    }

    @Test
    void statesAndRepr() {
        AsyncioTimeout cm = AsyncioLib.timeoutAt(s.loop, 1.5);
        assertThat(cm.toString()).isEqualTo("<Timeout [created]>");
        assertThatThrownBy(() -> cm.reschedule(2.0)).isInstanceOf(IllegalStateException.class);
        Task main = s.loop.spawn(new Co("main").await(() -> with(cm, new Co("body").await(() -> s.sleep(1)))), "main");
        s.loop.step();
        assertThat(cm.state()).isEqualTo(AsyncioTimeout.State.ENTERED);
        assertThat(cm.toString()).isEqualTo("<Timeout [active] when=1.5>");
        s.loop.runToEnd();
        assertThat(main.isDone()).isTrue();
        assertThat(cm.state()).isEqualTo(AsyncioTimeout.State.EXITED);
        assertThat(cm.expired()).isFalse();
    }
}
