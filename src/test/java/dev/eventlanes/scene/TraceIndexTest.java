package dev.eventlanes.scene;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventlanes.model.Semantics;
import dev.eventlanes.model.Simulation;
import dev.eventlanes.model.TaskState;
import dev.eventlanes.scenario.Presets;
import org.junit.jupiter.api.Test;

class TraceIndexTest {
    private static Simulation run(Semantics s) {
        Simulation sim = new Simulation(Presets.load(Presets.SEED), s, 1);
        sim.runToEnd();
        return sim;
    }

    @Test
    void setDrawsAnArrowFromTheSetterToTheWokenLane() {
        Simulation sim = run(Semantics.ANYIO);
        TraceIndex tl = new TraceIndex(sim.trace());
        tl.sync();
        assertThat(tl.arrows()).hasSize(1);
        TraceIndex.Arrow a = tl.arrows().get(0);
        assertThat(tl.lanes().get(a.fromTask()).name()).isEqualTo("main");
        assertThat(a.toTasks()).containsExactly(1);
        assertThat(tl.arrows().get(0).index()).isLessThan(tl.size());
        assertThat(tl.lanes().get(1).name()).isEqualTo("worker");
    }

    @Test
    void scrubbingBackShowsTheHandlerWaitingAndTheEventUnset() {
        Simulation sim = run(Semantics.ASYNCIO);
        TraceIndex tl = new TraceIndex(sim.trace());
        tl.sync();
        int setIndex = tl.arrows().get(0).index();
        TraceIndex.Lane worker = tl.lanes().get(1);
        TraceIndex.EventTrack ev = tl.events().get(0);
        assertThat(worker.stateAt(setIndex)).isEqualTo(TaskState.WAITING);
        assertThat(ev.isSetAt(setIndex)).isFalse();
        assertThat(ev.waitingAt(setIndex)).isEqualTo(1);
        assertThat(ev.isSetAt(setIndex + 1)).isTrue();
        assertThat(worker.stateAt(tl.size())).isEqualTo(TaskState.DONE);
        assertThat(ev.waitingAt(tl.size())).isZero();
        assertThat(tl.arrowCountAt(setIndex)).isZero();
        assertThat(tl.arrowCountAt(setIndex + 1)).isEqualTo(1);
    }

    @Test
    void layoutUnitsGrowWithTimeAndSteps() {
        Simulation sim = run(Semantics.ANYIO);
        TraceIndex tl = new TraceIndex(sim.trace());
        tl.sync();
        assertThat(tl.unitAt(tl.size())).isGreaterThan(2 + 2 * TraceIndex.STEP_GAP);
        for (int i = 1; i < tl.size(); i++) {
            assertThat(tl.unitOf(i)).isGreaterThanOrEqualTo(tl.unitOf(i - 1));
        }
        int k = tl.size() / 2;
        assertThat(tl.positionAtUnit(tl.unitAt(k))).isGreaterThanOrEqualTo(k);
        assertThat(tl.outputCountAt(tl.size())).isEqualTo(2);
    }

    @Test
    void quietRunsGetFullStepsAndBusyStretchesShrinkThem() {
        assertThat(TraceIndex.gap(1)).isEqualTo(TraceIndex.STEP_GAP);
        assertThat(TraceIndex.gap(TraceIndex.FULL_STEPS)).isEqualTo(TraceIndex.STEP_GAP);
        assertThat(TraceIndex.gap(24)).isLessThan(TraceIndex.STEP_GAP / 3);
        assertThat(TraceIndex.gap(10_000)).isEqualTo(TraceIndex.MIN_GAP);
    }

    private static TraceIndex python(String id) {
        dev.eventlanes.python.PythonProgram p = dev.eventlanes.python.PythonPresets.find(id).program();
        Simulation sim = new Simulation(p, p.semantics(), 1);
        TraceIndex tl = TraceIndex.of(sim);
        tl.sync();
        return tl;
    }

    @Test
    void aSetsArrowGoesToTheWaiterItWokeNotToOneThatGaveUpBeforeIt() {
        // move_on_after: impatient waits on response_sent and gives up at 1.0; patient wakes at 2.0.
        TraceIndex tl = python("move_on_after");
        assertThat(tl.arrows()).hasSize(1);
        TraceIndex.Arrow a = tl.arrows().get(0);
        assertThat(tl.lanes().get(a.fromTask()).name()).isEqualTo("main");
        assertThat(a.count()).isEqualTo(1);
        assertThat(tl.lanes().get(a.toTask(0)).name()).isEqualTo("patient");
        // And the one that gave up is cancelled there, by move_on_after(1).
        TraceIndex.Lane impatient = tl.lanes().get(1);
        boolean cancelled = false;
        for (int m = 0; m < impatient.marksBelow(tl.size()); m++) {
            if (impatient.markKind(m) == TraceIndex.MarkKind.CANCEL) {
                cancelled = true;
                assertThat(tl.log().text(impatient.markIndex(m))).isEqualTo("move_on_after(1)");
            }
        }
        assertThat(cancelled).isTrue();
    }

    @Test
    void lanesAreNamedAfterTheCodeAndNamesakesToldApart() {
        TraceIndex tl = python("asyncio_set_then_clear");
        assertThat(tl.lanes()).extracting(TraceIndex.Lane::name).containsExactly("main", "waiter('w1')", "waiter('w2')");
        assertThat(tl.lanes()).extracting(TraceIndex.Lane::taskName).containsExactly("Task-1", "Task-2", "Task-3");
    }

    @Test
    void timeIsProportionalAndEachInstantsStepsTakeSlotsOfTheirOwn() {
        TraceIndex tl = python("time_sleep_blocks");
        Axis axis = new Axis(tl, 100, 20, 1);
        for (int i = 0; i < tl.size(); i++) {
            // Less its slots, an entry's x is its time, at 100 px a second.
            assertThat(axis.x(i) - 20 * tl.slots(i)).isCloseTo(100 * tl.time(i), org.assertj.core.data.Offset.offset(1e-6));
            if (i > 0) {
                assertThat(tl.slots(i)).isGreaterThanOrEqualTo(tl.slots(i - 1));
            }
        }
        // Each step takes a slot: at t = 0 main, ticker and blocker run, three steps, three slots.
        int second = tl.instantStart(1);
        assertThat(tl.stepsAt(second)).isEqualTo(3);
        assertThat(tl.slots(second)).isEqualTo(3.0);
        // time.sleep(2) blocks the loop: the blocker's running segment is 2 s wide and more.
        TraceIndex.Lane blocker = tl.lanes().get(2);
        boolean found = false;
        for (int sg = 0; sg + 1 < blocker.segmentCount(); sg++) {
            if (blocker.segmentState(sg) == TaskState.RUNNING) {
                double t0 = tl.time(blocker.segmentStart(sg));
                double t1 = tl.time(blocker.segmentStart(sg + 1));
                if (t1 - t0 > 1.9) {
                    found = true;
                    assertThat(axis.x(blocker.segmentStart(sg + 1)) - axis.x(blocker.segmentStart(sg)))
                            .isGreaterThanOrEqualTo(100 * (t1 - t0));
                }
            }
        }
        assertThat(found).as("a running segment of about 2 s").isTrue();
    }
}
