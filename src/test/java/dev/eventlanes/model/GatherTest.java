package dev.eventlanes.model;

import static dev.eventlanes.model.AsyncioScenario.repr;

import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link AsyncioLib#gather} against CPython 3.11 recordings (asynciolib/0[1-5]_*.py). */
class GatherTest {
    private final AsyncioScenario s = new AsyncioScenario();

    private Coroutine worker(String name, double delay, Object result) {
        return new Co(name)
                .run(() -> s.p(name + " start"))
                .await(() -> s.sleep(delay))
                .run(() -> s.p(name + " done"))
                .returns(() -> result);
    }

    /** {@code worker(name, delay, fail)} of 03-05: prints its cancellation, may raise ValueError(name). */
    private Coroutine failing(String name, double delay, boolean fail) {
        return new Co(name)
                .run(() -> s.p(name + " start"))
                .await(() -> Co.tryExcept(new Co("sleep").await(() -> s.sleep(delay)), ExcType.CANCELLED_ERROR,
                        e -> new Co("except").run(() -> s.p(name + " cancelled")).raise(() -> e)))
                .run(() -> {
                    if (fail) {
                        s.p(name + " raises");
                        throw PyException.of(ExcType.VALUE_ERROR, name);
                    }
                })
                .run(() -> s.p(name + " done"))
                .returns(() -> name);
    }

    @Test
    void childrenStartInArgumentOrderAndResultsKeepIt() {
        Task[] other = new Task[1];
        Future[] g = new Future[1];
        s.assertMatches("01_gather_success", sc -> new Co("main")
                .run(() -> other[0] = s.loop.spawn(worker("other", 0.2, 0), null))
                .run(() -> g[0] = AsyncioLib.gather(s.loop,
                        List.of(worker("a", 0.3, 1), worker("b", 0.1, "two"), worker("c", 0.2, 3)), false))
                .run(() -> s.p("gather created"))
                .await(() -> g[0])
                .use(v -> s.p("result " + repr(v)))
                .await(() -> other[0])
                .run(() -> s.p("other " + repr(other[0].result()))));
    }

    @Test
    void resultArrivesTwoPassesAfterTheLastChildAndDuplicatesShareOneTask() {
        Task[] t = new Task[1];
        Co ticker = new Co("ticker");
        for (int i = 0; i < 6; i++) {
            int n = i;
            ticker.run(() -> s.p("tick " + n)).await(() -> s.sleep(0));
        }
        Coroutine quick = new Co("quick").run(() -> s.p("quick runs")).returns(() -> "q");
        s.assertMatches("02_gather_passes", sc -> new Co("main")
                .run(() -> t[0] = s.loop.spawn(ticker, null))
                .await(() -> s.sleep(0))
                .await(() -> {
                    Future f = new Future(s.loop);
                    f.setResult("f");
                    return AsyncioLib.gather(s.loop, List.of(f, quick, quick), false);
                })
                .use(v -> s.p("gathered " + repr(v)))
                .await(() -> AsyncioLib.gather(s.loop, List.of(), false))
                .use(v -> s.p("empty " + repr(v)))
                .await(() -> t[0]));
    }

    @Test
    void firstExceptionPropagatesAtOnceAndOthersKeepRunning() {
        Future[] g = new Future[1];
        s.assertMatches("03_gather_exception", sc -> new Co("main")
                .run(() -> g[0] = AsyncioLib.gather(s.loop, List.of(failing("a", 0.1, true), failing("b", 0.3, false)), false))
                .await(() -> Co.tryExcept(new Co("try").await(() -> g[0]), ExcType.VALUE_ERROR, e -> {
                    s.p("caught " + repr(e));
                    return null;
                }))
                .run(() -> s.p("cancel after error -> " + repr(g[0].cancel(null))))
                .await(() -> s.sleep(0.5))
                .run(() -> s.p("main done")));
    }

    @Test
    void returnExceptionsCollectsErrorsAndCancellationsInPlace() {
        Task[] tb = new Task[1];
        s.assertMatches("04_gather_return_exceptions", sc -> new Co("main")
                .run(() -> tb[0] = s.loop.spawn(failing("b", 1.0, false), null))
                .run(() -> s.loop.callLater(0.2, () -> tb[0].cancel(null)))
                .await(() -> AsyncioLib.gather(s.loop,
                        List.of(failing("a", 0.1, true), tb[0], failing("c", 0.3, false)), true))
                .use(v -> s.p("result " + repr(v))));
    }

    @Test
    void cancellingTheAwaitingTaskCancelsTheChildrenWithTheMessage() {
        Task[] t = new Task[1];
        Coroutine waiter = Co.tryExcept(
                new Co("waiter")
                        .await(() -> AsyncioLib.gather(s.loop,
                                List.of(failing("a", 0.1, false), failing("b", 0.5, false), failing("c", 0.5, false)), false))
                        .use(v -> s.p("waiter got " + repr(v))),
                ExcType.CANCELLED_ERROR,
                e -> new Co("except").run(() -> s.p("waiter cancelled " + repr(e))).raise(() -> e));
        s.assertMatches("05_gather_cancel_outer", sc -> new Co("main")
                .run(() -> t[0] = s.loop.spawn(waiter, null))
                .await(() -> s.sleep(0.2))
                .run(() -> s.p("cancel -> " + repr(t[0].cancel("stop"))))
                .await(() -> Co.tryExcept(new Co("try").await(() -> t[0]), ExcType.CANCELLED_ERROR, e -> {
                    s.p("t cancelled=" + repr(t[0].isCancelled()));
                    return null;
                })));
    }

    private Coroutine waiterReturningExceptions(String label, Coroutine... aws) {
        return Co.tryExcept(
                new Co(label)
                        .await(() -> AsyncioLib.gather(s.loop, List.of((Object[]) aws), true))
                        .use(v -> s.p(label + " got " + repr(v))),
                ExcType.CANCELLED_ERROR,
                e -> new Co("except").run(() -> s.p(label + " cancelled " + repr(e))).raise(() -> e));
    }

    /** Issue 32684: a cancelled gather raises even with return_exceptions, built from the LAST child. */
    @Test
    void cancelledGatherRaisesDespiteReturnExceptionsWithTheLastChildsMessage() {
        Task[] w = new Task[2];
        Co main = new Co("main")
                .run(() -> w[0] = s.loop.spawn(waiterReturningExceptions("w1",
                        failing("a", 0.1, false), failing("b", 0.5, false)), null))
                .run(() -> w[1] = s.loop.spawn(waiterReturningExceptions("w2",
                        failing("c", 0.5, false), failing("d", 0.1, false)), null))
                .await(() -> s.sleep(0.2))
                .run(() -> s.p("cancel -> " + repr(w[0].cancel("halt")) + " " + repr(w[1].cancel("halt"))));
        for (int i = 0; i < 2; i++) {
            int n = i;
            main.await(() -> Co.tryExcept(new Co("try").await(() -> w[n]), ExcType.CANCELLED_ERROR, e -> {
                s.p("cancelled=" + repr(w[n].isCancelled()));
                return null;
            }));
        }
        s.assertMatches("19_gather_cancel_return_exceptions", sc -> main);
    }

    @Test
    void gatheringFutureIsWhatTheWaiterBlocksOn() {
        Future[] g = new Future[1];
        Task main = s.loop.spawn(new Co("main")
                .run(() -> g[0] = AsyncioLib.gather(s.loop, List.of(worker("a", 0.1, 1)), false))
                .await(() -> g[0]), "main");
        s.loop.step();
        org.assertj.core.api.Assertions.assertThat(main.waitingOn()).isSameAs(g[0]).isInstanceOf(GatheringFuture.class);
        org.assertj.core.api.Assertions.assertThat(main.waitingOn().reason()).isEqualTo(WaitReason.GATHER);
    }
}
