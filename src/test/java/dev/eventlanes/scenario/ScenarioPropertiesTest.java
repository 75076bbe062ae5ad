package dev.eventlanes.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventlanes.model.Future;
import dev.eventlanes.model.Semantics;
import dev.eventlanes.model.Simulation;
import dev.eventlanes.model.Task;
import dev.eventlanes.model.TaskState;
import dev.eventlanes.model.TraceContracts;
import dev.eventlanes.model.TraceEntry;
import dev.eventlanes.model.TraceKind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Invariants of the loop over random scenarios (random tasks, ops, events, semantics, seed). */
class ScenarioPropertiesTest {
    private static final int MAX_CALLBACKS = 20_000;

    @Provide
    Arbitrary<Scenario> scenarios() {
        return Arbitraries.longs().map(ScenarioPropertiesTest::randomScenario);
    }

    /** A random scenario; tasks only spawn later tasks, so spawning always ends. */
    static Scenario randomScenario(long seed) {
        Random r = new Random(seed);
        int nEvents = 1 + r.nextInt(3);
        List<String> events = new ArrayList<>();
        for (int i = 0; i < nEvents; i++) {
            events.add("e" + i);
        }
        int nTasks = 1 + r.nextInt(4);
        List<TaskSpec> tasks = new ArrayList<>();
        for (int t = 0; t < nTasks; t++) {
            List<Op> ops = new ArrayList<>();
            int nOps = r.nextInt(8);
            for (int i = 0; i < nOps; i++) {
                String e = events.get(r.nextInt(nEvents));
                ops.add(switch (r.nextInt(9)) {
                    case 0, 1 -> new Op.Wait(e);
                    case 2, 3 -> new Op.Set(e);
                    case 4 -> new Op.Clear(e);
                    case 5 -> new Op.Poll(e);
                    case 6 -> new Op.Sleep(r.nextInt(4) * 0.25);
                    case 7 -> t + 1 < nTasks ? new Op.Spawn("t" + (t + 1 + r.nextInt(nTasks - t - 1))) : new Op.Join();
                    default -> new Op.Print("t" + t + " at {time}");
                });
            }
            tasks.add(new TaskSpec("t" + t, ops));
        }
        Semantics sem = Semantics.values()[r.nextInt(3)];
        return Scenario.of("random " + seed, sem, r.nextLong(), events, tasks);
    }

    /** Runs to the end or a callback cap, checking the live invariant after every callback. */
    private static Simulation run(Scenario s) {
        Simulation sim = s.simulate(1000);
        for (int i = 0; i < MAX_CALLBACKS && sim.advance(); i++) {
            noTaskIsReadyAndWaiting(sim);
        }
        return sim;
    }

    private static void noTaskIsReadyAndWaiting(Simulation sim) {
        for (Task t : sim.loop().tasks()) {
            Future on = t.waitingOn();
            if (t.state() == TaskState.WAITING || t.state() == TaskState.SLEEPING) {
                assertThat(on).as("%s is blocked, so it waits on something", t.name()).isNotNull();
                assertThat(on.isDone()).as("%s is blocked on a pending future", t.name()).isFalse();
            } else if (t.state() == TaskState.READY && on != null) {
                assertThat(on.isDone()).as("%s is ready, so what it waited on is done", t.name()).isTrue();
            }
        }
    }

    @Property(tries = 300)
    void timeNeverGoesBackwards(@ForAll("scenarios") Scenario s) {
        List<TraceEntry> trace = Runs.trace(run(s));
        for (int i = 1; i < trace.size(); i++) {
            assertThat(trace.get(i).time()).isGreaterThanOrEqualTo(trace.get(i - 1).time());
        }
    }

    @Property(tries = 300)
    void theSameScenarioAndSeedGiveTheIdenticalTrace(@ForAll("scenarios") Scenario s) {
        assertThat(Runs.trace(run(s))).isEqualTo(Runs.trace(run(s)));
    }

    @Property(tries = 300)
    void everySetIsFollowedByExactlyTheWakeUpsItCaused(@ForAll("scenarios") Scenario s) {
        assertThat(TraceContracts.setWakeViolation(run(s).trace())).isNull();
    }

    @Property(tries = 300)
    void everyCancellationIsTracedOnceWithItsCause(@ForAll("scenarios") Scenario s) {
        assertThat(TraceContracts.cancelViolation(run(s).trace())).isNull();
    }

    @Property(tries = 300)
    void everyWaiterIsWokenExactlyOncePerSetItWasWaitingFor(@ForAll("scenarios") Scenario s) {
        List<TraceEntry> trace = Runs.trace(run(s));
        // Who is blocked in wait() on each event, from the SUSPEND and WAKE entries.
        Map<Integer, Set<Integer>> waiting = new HashMap<>();
        Map<Integer, Integer> waitingOn = new HashMap<>();
        for (int i = 0; i < trace.size(); i++) {
            TraceEntry e = trace.get(i);
            if (e.kind() == TraceKind.SUSPEND && e.event() >= 0) {
                waiting.computeIfAbsent(e.event(), k -> new HashSet<>()).add(e.task());
                waitingOn.put(e.task(), e.event());
            } else if (e.kind() == TraceKind.WAKE && waitingOn.containsKey(e.task())) {
                waiting.get(waitingOn.remove(e.task())).remove(e.task());
            } else if (e.kind() == TraceKind.SET && e.value() > 0) {
                Set<Integer> expected = new HashSet<>(waiting.getOrDefault(e.event(), Set.of()));
                List<Integer> woken = new ArrayList<>();
                for (int j = i + 1; j < trace.size() && trace.get(j).kind() == TraceKind.WAKE
                        && trace.get(j).event() == e.event(); j++) {
                    woken.add(trace.get(j).task());
                }
                assertThat(woken).as("set() #%d wakes each of its waiters once", i)
                        .doesNotHaveDuplicates().hasSize((int) e.value());
                assertThat(new HashSet<>(woken)).isEqualTo(expected);
            } else if (e.kind() == TraceKind.EXIT || e.kind() == TraceKind.CANCEL && waitingOn.containsKey(e.task())) {
                // A cancelled waiter leaves the waiter list without a set().
                Integer ev = waitingOn.remove(e.task());
                if (ev != null) {
                    waiting.get(ev).remove(e.task());
                }
            }
        }
    }
}
