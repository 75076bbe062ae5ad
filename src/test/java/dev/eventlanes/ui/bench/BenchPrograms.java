package dev.eventlanes.ui.bench;

import dev.eventlanes.model.AsyncEvent;
import dev.eventlanes.model.JavaCoroutine;
import dev.eventlanes.model.Loop;
import dev.eventlanes.model.PyException;
import dev.eventlanes.model.Program;
import dev.eventlanes.model.Semantics;
import dev.eventlanes.model.Task;
import dev.eventlanes.ui.Session;
import dev.eventlanes.ui.program.CodeView;
import java.util.ArrayList;
import java.util.List;

/** Programs for the benchmarks (and the drawing tests), written directly as coroutines. */
public final class BenchPrograms {
    private BenchPrograms() {
    }

    public static Session session(Program p) {
        return new Session("bench", p, CodeView.source(List.of("# benchmark program")), false, List.of());
    }

    /**
     * {@code lanes} tasks over {@code events} events that never stop: half set and clear an event
     * on a timer, half wait on it, poll another and sleep (asyncio, which has clear()).
     */
    public static Program busy(int lanes, int events) {
        return lanes(lanes + " lanes x " + events + " events", lanes, events, 0.1, 0.013, 0.02);
    }

    /**
     * Like {@link #busy} but slow: long sleeps and waits, so segments are wide enough for their
     * labels and a played run soon scrolls them past the view's left edge.
     */
    public static Program slow(int lanes, int events) {
        return lanes(lanes + " slow lanes x " + events + " events", lanes, events, 2.5, 0.7, 1.5);
    }

    /** Setter {@code n} toggles every {@code period + step * n} s; waiters sleep {@code nap} s. */
    private static Program lanes(String title, int lanes, int events, double period, double step, double nap) {
        return new Program() {
            @Override
            public String title() {
                return title;
            }

            @Override
            public Semantics semantics() {
                return Semantics.ASYNCIO;
            }

            @Override
            public Task start(Loop loop) {
                List<AsyncEvent> ev = new ArrayList<>();
                for (int i = 0; i < events; i++) {
                    ev.add(loop.newEvent("e" + i));
                }
                for (int i = 0; i < lanes; i++) {
                    int n = i;
                    loop.spawn(n % 2 == 0 ? new Setter(loop, ev.get((n / 2) % events), period + step * n)
                            : new Waiter(loop, ev.get((n / 2) % events), ev.get((n / 2 + 1) % events), nap), "t" + n);
                }
                return null;
            }
        };
    }

    private static final class Setter extends JavaCoroutine {
        final Loop loop;
        final AsyncEvent e;
        final double period;

        Setter(Loop loop, AsyncEvent e, double period) {
            this.loop = loop;
            this.e = e;
            this.period = period;
        }

        @Override
        protected Object resume(Object v, PyException exc) {
            if (exc != null) {
                throw exc;
            }
            state = (state + 1) % 4;
            switch (state) {
                case 1 -> {
                    return await(loop.sleep(period));
                }
                case 2 -> {
                    e.set();
                    return await(loop.sleep(0.05));
                }
                default -> {
                    e.clear();
                    return await(loop.sleep(0));
                }
            }
        }
    }

    private static final class Waiter extends JavaCoroutine {
        final Loop loop;
        final AsyncEvent e;
        final AsyncEvent other;
        final double pause;

        Waiter(Loop loop, AsyncEvent e, AsyncEvent other, double pause) {
            this.loop = loop;
            this.e = e;
            this.other = other;
            this.pause = pause;
        }

        @Override
        protected Object resume(Object v, PyException exc) {
            if (exc != null) {
                throw exc;
            }
            state = (state + 1) % 2;
            if (state == 1) {
                return await(e.waitCoroutine());
            }
            other.isSet();
            return await(loop.sleep(pause));
        }
    }

    /** Two tasks taking turns for {@code steps} scheduler steps in all, one polling as it goes. */
    static Program longRun(int steps) {
        return new Program() {
            @Override
            public String title() {
                return steps + " steps";
            }

            @Override
            public Semantics semantics() {
                return Semantics.ASYNCIO;
            }

            @Override
            public Task start(Loop loop) {
                AsyncEvent e = loop.newEvent("flag");
                loop.spawn(new Turns(loop, e, steps / 2, true), "a");
                return loop.spawn(new Turns(loop, e, steps / 2, false), "b");
            }
        };
    }

    private static final class Turns extends JavaCoroutine {
        final Loop loop;
        final AsyncEvent e;
        final int n;
        final boolean poller;
        int i;

        Turns(Loop loop, AsyncEvent e, int n, boolean poller) {
            this.loop = loop;
            this.e = e;
            this.n = n;
            this.poller = poller;
        }

        @Override
        protected Object resume(Object v, PyException exc) {
            if (exc != null) {
                throw exc;
            }
            if (i++ >= n) {
                return finish(null);
            }
            loop.countOps(1);
            if (poller) {
                e.isSet();
            }
            return await(loop.sleep(i % 1000 == 0 ? 0.001 : 0));
        }
    }
}
