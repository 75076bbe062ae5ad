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
}
