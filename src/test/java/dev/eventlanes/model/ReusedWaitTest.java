package dev.eventlanes.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link JavaCoroutine#awaitWait} reuses one wait() object per body. Whatever happens around it
 * (sets, clears, already-set events, cancellation while waiting, several waiters), a run must be
 * exactly the run that makes a fresh {@code event.waitCoroutine()} for every wait: same trace,
 * same values returned, same exceptions seen.
 */
class ReusedWaitTest {
    static List<Arguments> runs() {
        List<Arguments> out = new ArrayList<>();
        for (Semantics s : Semantics.values()) {
            for (long seed = 1; seed <= 12; seed++) {
                out.add(Arguments.of(s, seed));
            }
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("runs")
    void reusingTheWaitChangesNothing(Semantics semantics, long seed) {
        Run fresh = run(semantics, seed, false);
        Run reused = run(semantics, seed, true);
        assertThat(reused.seen).isEqualTo(fresh.seen);
        assertThat(reused.trace).isEqualTo(fresh.trace);
        // The run exercised what it is meant to: waits that blocked, that were woken and cancelled.
        assertThat(fresh.trace).anyMatch(e -> e.kind() == TraceKind.WAKE);
        assertThat(fresh.seen).anyMatch(s -> s.contains("Cancelled"));
    }

    private record Run(List<String> seen, List<TraceEntry> trace) {
    }

    private static Run run(Semantics semantics, long seed, boolean reuse) {
        Loop loop = new Loop(semantics, seed);
        TraceLog log = new TraceLog();
        log.bind(loop);
        loop.addListener(log);
        List<AsyncEvent> events = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            events.add(loop.newEvent("e" + i));
        }
        List<String> seen = new ArrayList<>();
        List<Task> waiters = new ArrayList<>();
        for (int w = 0; w < 3; w++) {
            waiters.add(loop.spawn(new Waiter(events, new Random(seed * 31 + w), reuse, seen, "w" + w), "w" + w));
        }
        loop.setCallbackLimit(100_000);
        RunResult r = loop.runMain(new Driver(loop, events, waiters, new Random(seed)), "driver");
        assertThat(r.ok()).as("%s seed %d: %s", semantics, seed, r.message()).isTrue();
        return new Run(seen, new ArrayList<>(log.entries()));
    }

    /** Waits on events picked at random, noting what each wait gave or raised, until cancelled thrice. */
    private static final class Waiter extends JavaCoroutine {
        private final List<AsyncEvent> events;
        private final Random random;
        private final boolean reuse;
        private final List<String> seen;
        private final String name;
        private int round;
        private int cancels;

        Waiter(List<AsyncEvent> events, Random random, boolean reuse, List<String> seen, String name) {
            this.events = events;
            this.random = random;
            this.reuse = reuse;
            this.seen = seen;
            this.name = name;
        }

        @Override
        protected Object resume(Object value, PyException exc) {
            if (state == 1) {
                seen.add(name + " " + round + ": " + (exc != null ? exc.type().name() : String.valueOf(value)));
                state = 0;
                if (exc != null && ++cancels == 3) {
                    return finish(null);
                }
            }
            round++;
            if (round % 5 == 0) {
                // sleep(0) now and then: with every event set, asyncio's wait() never yields.
                state = 0;
                return bareYield();
            }
            AsyncEvent e = events.get(random.nextInt(events.size()));
            state = 1;
            return reuse ? awaitWait(e) : await(e.waitCoroutine());
        }
    }

    /** Sets, clears (asyncio), replaces events and cancels waiters at random, yielding between. */
    private static final class Driver extends JavaCoroutine {
        private final Loop loop;
        private final List<AsyncEvent> events;
        private final List<Task> waiters;
        private final Random random;
        private int round;

        Driver(Loop loop, List<AsyncEvent> events, List<Task> waiters, Random random) {
            this.loop = loop;
            this.events = events;
            this.waiters = waiters;
            this.random = random;
        }

        @Override
        protected Object resume(Object value, PyException exc) {
            while (round < 400) {
                round++;
                int i = random.nextInt(events.size());
                switch (random.nextInt(6)) {
                    case 0, 1 -> events.get(i).set();
                    case 2 -> {
                        if (loop.semantics().eventsHaveClear()) {
                            events.get(i).clear();
                        } else {
                            events.set(i, loop.newEvent("e" + i + "." + round));
                        }
                    }
                    case 3 -> waiters.get(random.nextInt(waiters.size())).cancel(null);
                    default -> {
                        return bareYield();
                    }
                }
            }
            // Then wind down: set everything and cancel every waiter left (a waiter gives up on its
            // third cancellation), until all are done.
            boolean left = false;
            for (Task t : waiters) {
                if (!t.isDone()) {
                    left = true;
                    t.cancel(null);
                }
            }
            if (left) {
                for (AsyncEvent e : events) {
                    e.set();
                }
                return bareYield();
            }
            return finish(null);
        }
    }
}
