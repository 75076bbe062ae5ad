package dev.eventlanes.model;

import static dev.eventlanes.model.AsyncioScenario.repr;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@link AsyncioTaskGroup} against CPython 3.11 recordings (asynciolib/1[0-3]_*.py). */
class AsyncioTaskGroupTest {
    private final AsyncioScenario s = new AsyncioScenario();

    private Coroutine child(AsyncioTaskGroup tg, String name, double delay, String spawn) {
        return new Co(name)
                .run(() -> s.p(name + " start"))
                .await(() -> s.sleep(delay))
                .run(() -> {
                    if (spawn != null) {
                        Task t = tg.createTask(child(tg, spawn, 0.1, null), null);
                        s.p(name + " spawned " + t.name());
                    }
                })
                .run(() -> s.p(name + " done"))
                .returns(() -> name);
    }

    private Coroutine slow(String name) {
        return new Co(name)
                .run(() -> s.p(name + " start"))
                .await(() -> Co.tryExcept(new Co("try").await(() -> s.sleep(1)), ExcType.CANCELLED_ERROR,
                        e -> new Co("except").run(() -> s.p(name + " cancelled")).raise(() -> e)));
    }

    private static Coroutine with(AsyncioTaskGroup tg, Coroutine body) {
        return Co.asyncWith(tg::aenter, v -> body, tg::aexit);
    }

    @Test
    void waitsForEveryChildIncludingOnesSpawnedWhileExiting() {
        AsyncioTaskGroup tg = new AsyncioTaskGroup(s.loop);
        Task[] t = new Task[3];
        s.assertMatches("10_tg_success", sc -> new Co("main")
                .await(() -> with(tg, new Co("body")
                        .run(() -> t[0] = tg.createTask(child(tg, "a", 0.2, "late"), null))
                        .run(() -> t[1] = tg.createTask(child(tg, "b", 0.1, null), "bee"))
                        .run(() -> s.p("created " + t[0].name() + " " + t[1].name()))
                        .await(() -> s.sleep(0))
                        .run(() -> s.p("body done"))))
                .run(() -> s.p("after tg " + t[0].result() + " " + t[1].result()))
                .run(() -> t[2] = s.loop.spawn(child(tg, "x", 0.1, null), null))
                .run(() -> s.p("next task " + t[2].name()))
                .run(() -> {
                    try {
                        tg.createTask(s.loop.sleep(0), null);
                    } catch (PyException e) {
                        s.p("create after exit: " + e.messageText());
                    }
                })
                .await(() -> t[2]));
    }

    @Test
    void failingChildAbortsSiblingsCancelsTheBodyOnceAndUncancelsTheParent() {
        AsyncioTaskGroup tg = new AsyncioTaskGroup(s.loop);
        Task[] main = new Task[1];
        Coroutine crash = new Co("crash")
                .run(() -> s.p("crash start"))
                .await(() -> s.sleep(0.2))
                .run(() -> s.p("crash raises"))
                .raise(() -> PyException.of(ExcType.VALUE_ERROR, "boom"));
        s.assertMatches("11_tg_child_error", sc -> new Co("main")
                .run(() -> main[0] = s.loop.currentTask())
                .await(() -> Co.tryExcept(with(tg, new Co("body")
                                .run(() -> tg.createTask(crash, null))
                                .run(() -> tg.createTask(slow("slow"), null))
                                .await(() -> Co.tryExcept(new Co("try").await(() -> s.sleep(5)), ExcType.CANCELLED_ERROR,
                                        e -> new Co("except").run(() -> s.p("body cancelled")).raise(() -> e)))),
                        ExcType.EXCEPTION_GROUP, eg -> {
                            s.p("caught " + repr(eg) + " cancelling=" + main[0].cancelling());
                            return null;
                        }))
                .await(() -> s.sleep(0.1))
                .run(() -> s.p("main continues")));
    }

    private Coroutine runner(String name, boolean bodyWaits) {
        AsyncioTaskGroup tg = new AsyncioTaskGroup(s.loop);
        return Co.tryExcept(with(tg, new Co("body")
                        .run(() -> tg.createTask(slow(name + "-child"), null))
                        .run(() -> s.p(name + " body"))
                        .await(() -> bodyWaits ? s.sleep(5) : null)),
                ExcType.CANCELLED_ERROR,
                e -> new Co("except").run(() -> s.p(name + " got " + repr(e))).raise(() -> e));
    }

    @Test
    void parentCancellationInTheBodyOrWhileExitingAbortsAndPropagates() {
        Co main = new Co("main");
        for (String name : new String[] {"r1", "r2"}) {
            Task[] t = new Task[1];
            boolean waits = name.equals("r1");
            main.run(() -> t[0] = s.loop.spawn(runner(name, waits), null))
                .await(() -> s.sleep(0.2))
                .run(() -> t[0].cancel(null))
                .await(() -> Co.tryExcept(new Co("try").await(() -> t[0]), ExcType.CANCELLED_ERROR, e -> {
                    s.p(name + " cancelled=" + repr(t[0].isCancelled()));
                    return null;
                }));
        }
        s.assertMatches("12_tg_parent_cancel", sc -> main);
    }

    @Test
    void bodyErrorAbortsChildrenAndComesLastInTheGroup() {
        AsyncioTaskGroup tg = new AsyncioTaskGroup(s.loop);
        Coroutine fussy = new Co("fussy")
                .run(() -> s.p("fussy start"))
                .await(() -> Co.tryExcept(new Co("try").await(() -> s.sleep(1)), ExcType.CANCELLED_ERROR,
                        e -> new Co("except")
                                .run(() -> s.p("fussy cancelled"))
                                .run(() -> {
                                    try {
                                        tg.createTask(s.loop.sleep(0), null);
                                    } catch (PyException re) {
                                        s.p("create while aborting: " + re.messageText());
                                    }
                                })
                                .raise(() -> PyException.of(ExcType.KEY_ERROR, "cleanup"))));
        Coroutine fine = new Co("fine").run(() -> s.p("fine runs")).returns(() -> 1);
        s.assertMatches("13_tg_body_error", sc -> new Co("main")
                .await(() -> Co.tryExcept(with(tg, new Co("body")
                                .run(() -> tg.createTask(fussy, null))
                                .run(() -> tg.createTask(fine, null))
                                .await(() -> s.sleep(0.1))
                                .run(() -> s.p("body raises"))
                                .raise(() -> PyException.of(ExcType.RUNTIME_ERROR, "body"))),
                        ExcType.EXCEPTION_GROUP, eg -> {
                            s.p("caught " + repr(eg));
                            return null;
                        })));
    }

    @Test
    void exitBlocksOnTheChildrenFuture() {
        AsyncioTaskGroup tg = new AsyncioTaskGroup(s.loop);
        Task main = s.loop.spawn(new Co("main").await(() -> with(tg, new Co("body")
                .run(() -> tg.createTask(slow("c"), null)))), "main");
        s.loop.step();
        assertThat(main.waitingOn().reason()).isEqualTo(WaitReason.CHILDREN);
        assertThat(tg.tasks()).hasSize(1);
    }
}
