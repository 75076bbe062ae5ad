package dev.eventlanes.cli;

import dev.eventlanes.model.AsyncEvent;
import dev.eventlanes.model.JavaCoroutine;
import dev.eventlanes.model.Loop;
import dev.eventlanes.model.PyException;
import dev.eventlanes.model.RunResult;
import dev.eventlanes.model.Semantics;
import dev.eventlanes.model.TraceLog;
import java.io.PrintStream;
import java.util.Arrays;

/**
 * Measures the model core with task bodies written as {@link JavaCoroutine}s (no scenario or
 * interpreter on top): ping-pong handoffs through fresh events, fan-out wake-ups of many waiters
 * on one event, each with trace recording off and on, and the heap a million recorded entries
 * take. Prints the median of {@value #RUNS} runs after {@value #WARMUPS} warm-up runs. Figures,
 * not a test: they depend on the machine.
 */
final class Bench {
    static final int RUNS = 7;
    static final int WARMUPS = 12;
    /**
     * Warm-up also lasts at least this long: a traced run deoptimises code compiled for untraced
     * ones, and on a busy two-core machine the compiler needs seconds, not a dozen short runs, to
     * compile it again. The figure is the steady state a long session of the window runs in.
     */
    static final long WARMUP_NANOS = 3_000_000_000L;
    static final int PING_PONG_ROUNDS = 200_000;
    static final int FAN_OUT_WAITERS = 1_000;
    static final int FAN_OUT_ROUNDS = 200;
    static final int TRACE_ENTRIES = 1_000_000;

    private final PrintStream out;

    Bench(PrintStream out) {
        this.out = out;
    }

    void run() {
        out.println("Event Lanes benchmark (model core, asyncio rules, median of " + RUNS + " runs after "
                + WARMUPS + " warm-up runs and at least " + WARMUP_NANOS / 1_000_000_000L + " s of warm-up)");
        for (boolean traced : new boolean[] {false, true}) {
            double pp = median(() -> pingPong(PING_PONG_ROUNDS, traced));
            out.printf("ping-pong  %s: %,.0f handoffs/s (%,d handoffs per run)%n",
                    traced ? "trace on " : "trace off", pp, 2L * PING_PONG_ROUNDS);
        }
        for (boolean traced : new boolean[] {false, true}) {
            double fo = median(() -> fanOut(FAN_OUT_WAITERS, FAN_OUT_ROUNDS, traced));
            out.printf("fan-out    %s: %,.0f wake-ups/s (%,d waiters x %,d rounds per run)%n",
                    traced ? "trace on " : "trace off", fo, FAN_OUT_WAITERS, FAN_OUT_ROUNDS);
        }
        out.printf("trace memory: %.1f MB per %,d entries recorded (a traced ping-pong run)%n",
                traceMegabytes(TRACE_ENTRIES), TRACE_ENTRIES);
        out.flush();
    }

    /** A measured run: returns operations per second. */
    interface Measured {
        double opsPerSecond();
    }

    static double median(Measured m) {
        long start = System.nanoTime();
        for (int i = 0; i < WARMUPS || System.nanoTime() - start < WARMUP_NANOS; i++) {
            m.opsPerSecond();
        }
        double[] r = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            // No forced collection between runs: a full GC shrinks the heap to the little that is
            // live, so each run would first grow it again (fresh pages, young collections of a
            // tiny young generation) as a running window never does. Garbage a run leaves is
            // collected when the collector chooses, as in the app; the median absorbs the run
            // a pause lands in.
            r[i] = m.opsPerSecond();
        }
        Arrays.sort(r);
        return r[RUNS / 2];
    }

    /**
     * Two tasks hand off through a fresh pair of events per round, made during the run as a
     * program doing {@code ping = Event()} each round makes them; returns handoffs/s.
     */
    static double pingPong(int rounds, boolean traced) {
        Loop loop = new Loop(Semantics.ASYNCIO, 1);
        if (traced) {
            loop.addListener(new TraceLog());
        }
        long t0 = System.nanoTime();
        runPingPong(loop, rounds);
        long dt = System.nanoTime() - t0;
        if (loop.events().size() != 2 * rounds) {
            throw new IllegalStateException("ping-pong made " + loop.events().size() + " events, not " + 2 * rounds);
        }
        return 2.0 * rounds / (dt / 1e9);
    }

    /** Runs {@code rounds} ping-pong round trips on {@code loop} to the end. */
    private static void runPingPong(Loop loop, int rounds) {
        Rounds pings = new Rounds(loop, "ping");
        Rounds pongs = new Rounds(loop, "pong");
        loop.spawn(new Handoff(loop, rounds, pings, pongs, true), "ping");
        check(loop.runMain(new Handoff(loop, rounds, pongs, pings, false), "pong"));
    }

    /**
     * The event of each round in one direction, made by whichever side gets to the round first
     * and forgotten once its waiter has woken. One side is never more than one round ahead of
     * the other, so two slots hold every event still in use.
     */
    private static final class Rounds {
        private final Loop loop;
        private final String name;
        private final AsyncEvent[] slots = new AsyncEvent[2];

        Rounds(Loop loop, String name) {
            this.loop = loop;
            this.name = name;
        }

        AsyncEvent of(int round) {
            AsyncEvent e = slots[round & 1];
            if (e == null) {
                e = loop.newEvent(name);
                slots[round & 1] = e;
            }
            return e;
        }

        void forget(int round) {
            slots[round & 1] = null;
        }
    }

    /** One side of the ping-pong: set mine, wait for theirs (or the other way round). */
    private static final class Handoff extends JavaCoroutine {
        private final Loop loop;
        private final int rounds;
        private final Rounds mine;
        private final Rounds theirs;
        private final boolean setsFirst;
        private int round;

        Handoff(Loop loop, int rounds, Rounds mine, Rounds theirs, boolean setsFirst) {
            this.loop = loop;
            this.rounds = rounds;
            this.mine = mine;
            this.theirs = theirs;
            this.setsFirst = setsFirst;
        }

        @Override
        protected Object resume(Object value, PyException exc) {
            if (exc != null) {
                throw exc;
            }
            // state 0: about to do the round's first half; 1: back from the wait.
            while (round < rounds) {
                loop.countOps(1);
                if (state == 0) {
                    if (setsFirst) {
                        mine.of(round).set();
                    }
                    state = 1;
                    return awaitWait(theirs.of(round));
                }
                theirs.forget(round);
                if (!setsFirst) {
                    mine.of(round).set();
                }
                state = 0;
                round++;
            }
            return finish(null);
        }
    }

    /**
     * Waiters wait on one event per round; a setter sets it once all wait and makes the next
     * round's event. Returns wake-ups/s.
     */
    static double fanOut(int waiters, int rounds, boolean traced) {
        Loop loop = new Loop(Semantics.ASYNCIO, 1);
        if (traced) {
            loop.addListener(new TraceLog());
        }
        long t0 = System.nanoTime();
        Setter setter = new Setter(loop, rounds, waiters);
        for (int w = 0; w < waiters; w++) {
            loop.spawn(new Waiter(setter, rounds), "waiter");
        }
        RunResult r = loop.runMain(setter, "setter");
        long dt = System.nanoTime() - t0;
        check(r);
        if (setter.woken != (long) waiters * rounds) {
            throw new IllegalStateException("fan-out woke " + setter.woken + " waiters, not " + (long) waiters * rounds);
        }
        return (double) waiters * rounds / (dt / 1e9);
    }

    private static final class Waiter extends JavaCoroutine {
        private final Setter setter;
        private final int rounds;
        private int round;

        Waiter(Setter setter, int rounds) {
            this.setter = setter;
            this.rounds = rounds;
        }

        @Override
        protected Object resume(Object value, PyException exc) {
            if (exc != null) {
                throw exc;
            }
            if (round < rounds) {
                round++;
                return awaitWait(setter.current);
            }
            return finish(null);
        }
    }

    private static final class Setter extends JavaCoroutine {
        private final Loop loop;
        private final int rounds;
        private final int waiters;
        private int round;
        private long woken;
        AsyncEvent current;

        Setter(Loop loop, int rounds, int waiters) {
            this.loop = loop;
            this.rounds = rounds;
            this.waiters = waiters;
            this.current = loop.newEvent("go");
        }

        @Override
        protected Object resume(Object value, PyException exc) {
            if (exc != null) {
                throw exc;
            }
            loop.countOps(1);
            if (round == rounds) {
                return finish(null);
            }
            AsyncEvent e = current;
            int n = e.tasksWaiting();
            if (n < waiters) {
                // Not everyone waits yet: one pass at the back of the queue lets them get there.
                return bareYield();
            }
            woken += n;
            round++;
            if (round < rounds) {
                current = loop.newEvent("go");
            }
            e.set();
            return bareYield();
        }
    }

    private static void check(RunResult r) {
        if (!r.ok()) {
            throw new IllegalStateException("benchmark run did not finish: " + r.message());
        }
    }

    /**
     * Heap taken by the trace log of a recorded run of at least {@code n} entries (a traced
     * ping-pong, as the window records it: bound to its loop), in MB per million entries.
     */
    static double traceMegabytes(int n) {
        Runtime rt = Runtime.getRuntime();
        long before = usedAfterGc(rt);
        TraceLog log = recordedPingPong(n);
        long after = usedAfterGc(rt);
        if (log.size() < n) {
            throw new IllegalStateException("the recorded run has only " + log.size() + " entries");
        }
        return (after - before) / (1024.0 * 1024.0) * 1e6 / log.size();
    }

    private static TraceLog recordedPingPong(int entries) {
        Loop loop = new Loop(Semantics.ASYNCIO, 1);
        TraceLog log = new TraceLog();
        log.bind(loop);
        loop.addListener(log);
        // Six entries a handoff, twelve a round trip: ask for a little more, then check.
        runPingPong(loop, entries / 10);
        return log;
    }

    private static long usedAfterGc(Runtime rt) {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
