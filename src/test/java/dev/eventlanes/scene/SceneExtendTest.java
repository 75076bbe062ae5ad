package dev.eventlanes.scene;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventlanes.model.Semantics;
import dev.eventlanes.model.Simulation;
import dev.eventlanes.model.TaskState;
import dev.eventlanes.python.PythonPresets;
import dev.eventlanes.python.PythonProgram;
import dev.eventlanes.scenario.Presets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * While a run plays, each frame's scene is made from the one before ({@link SceneBuilder#extend}):
 * it must be exactly the scene a build from scratch makes, frame after frame, for a quiet lesson
 * and a busy run alike, fitted and zoomed in, paged or not.
 */
class SceneExtendTest {
    /** Words and widths without a font: a character is 8 pixels. */
    static final TextMetrics METRICS = new TextMetrics() {
        @Override
        public double width(String text, Role role) {
            return text.length() * 8;
        }

        @Override
        public double height(Role role) {
            return 18;
        }
    };

    static final SceneWords WORDS = new SceneWords() {
        @Override
        public String state(TaskState state, String event, String reason) {
            return event != null ? "waiting on " + event : state.name().toLowerCase();
        }

        @Override
        public String mark(TraceIndex.MarkKind kind, String event, String detail) {
            return switch (kind) {
                case POLL, FOREVER -> "";
                case SET, SET_AGAIN -> event + ".set()";
                case CLEAR -> event + ".clear()";
                case WAIT_SET -> event + ".wait()";
                default -> detail.length() > 30 ? detail.substring(0, 30) : detail;
            };
        }

        @Override
        public String tick(double seconds, int decimals) {
            return String.format(java.util.Locale.ROOT, "%." + decimals + "f s", seconds);
        }

        @Override
        public String band(double seconds, int steps) {
            return "t = " + seconds + " · " + steps + " steps";
        }

        @Override
        public String latency(double seconds) {
            return seconds < 5e-4 ? "at once" : "+" + seconds + " s";
        }

        @Override
        public String forever() {
            return "forever";
        }
    };

    /** Plays the run frame by frame (k entries more each time), each scene extended from the last. */
    static void play(TraceIndex idx, Axis axis, double width, int frames) {
        int[] rows = RowOrder.of(idx, idx.lanes().size());
        Scene prev = null;
        int prevK = -1;
        double prevX0 = Double.NaN;
        int step = Math.max(1, idx.size() / frames);
        for (int k = 1; k <= idx.size(); k += step) {
            double px = axis.xAt(k);
            double x0 = Math.floor(viewStart(px, width));
            SceneBuilder.View view = new SceneBuilder.View(x0, width, 1200, 0, RowOrder.of(idx, idx.laneCountAt(k)));
            Scene full = SceneBuilder.build(idx, axis, k, px, view, Set.of(), WORDS, METRICS);
            if (prev != null && x0 == prevX0 && java.util.Arrays.equals(view.taskOfRow(), RowOrder.of(idx, idx.laneCountAt(prevK)))) {
                int st = idx.stepsAt(prevK);
                double stepStart = st > 0 ? axis.x(idx.runIndex(st - 1)) - x0 : prev.axis().playheadX();
                double kept = SceneBuilder.keptLeftOf(prev.axis().playheadX(), stepStart, axis.scale());
                Scene ext = SceneBuilder.extend(prev, kept, idx, axis, k, px, view, Set.of(), WORDS, METRICS);
                assertSame(ext, full, "entry " + k + " extended from entry " + prevK);
            }
            prev = full;
            prevK = k;
            prevX0 = x0;
        }
        assertThat(rows).isNotNull();
    }

    /** The window's page turning (LanesView.viewStart): the same view a while, then a page on. */
    static double viewStart(double p, double w) {
        double lead = w / 1.08;
        if (!(p > lead)) {
            return 0;
        }
        double page = w * 0.7;
        return Math.ceil((p - lead) / page) * page;
    }

    static void assertSame(Scene a, Scene b, String at) {
        assertThat(sorted(a.segments())).as("%s: segments", at).isEqualTo(sorted(b.segments()));
        assertThat(sorted(a.marks())).as("%s: marks", at).isEqualTo(sorted(b.marks()));
        assertThat(sorted(a.arrows())).as("%s: arrows", at).isEqualTo(sorted(b.arrows()));
        assertThat(sorted(a.latencies())).as("%s: latencies", at).isEqualTo(sorted(b.latencies()));
        assertThat(sorted(a.labels())).as("%s: labels", at).isEqualTo(sorted(b.labels()));
        assertThat(sorted(a.bands())).as("%s: bands", at).isEqualTo(sorted(b.bands()));
        assertThat(a.ticks()).as("%s: ticks", at).isEqualTo(b.ticks());
        assertThat(a.axis()).as("%s: axis", at).isEqualTo(b.axis());
    }

    private static <T> List<String> sorted(List<T> items) {
        List<String> out = new ArrayList<>();
        for (T t : items) {
            out.add(t.toString());
        }
        out.sort(null);
        return out;
    }

    static TraceIndex run(Simulation sim) {
        if (!sim.isStopped()) {
            sim.runToEnd();
        }
        TraceIndex idx = TraceIndex.of(sim);
        idx.sync();
        return idx;
    }

    @TestFactory
    Stream<DynamicTest> eachPresetPlaysFrameByFrameAsIfDrawnAfresh() {
        List<DynamicTest> out = new ArrayList<>();
        for (PythonPresets.Preset p : PythonPresets.all()) {
            out.add(DynamicTest.dynamicTest("py:" + p.id(), () -> {
                PythonProgram prog = p.program();
                TraceIndex idx = run(new Simulation(prog, prog.semantics(), 1));
                play(idx, Axis.fit(idx, idx.size(), 1200, 1), 1300, 400);
                play(idx, Axis.fit(idx, idx.size(), 1200, 1).zoomed(6), 900, 400);
            }));
        }
        for (Presets.Preset p : Presets.all()) {
            out.add(DynamicTest.dynamicTest(p.id(), () -> {
                TraceIndex idx = run(new Simulation(p.scenario(), p.scenario().semantics(), 1));
                play(idx, Axis.fit(idx, idx.size(), 1200, 1), 1300, 400);
                play(idx, Axis.fit(idx, idx.size(), 1200, 1).zoomed(6), 900, 400);
            }));
        }
        return out.stream();
    }

    @Test
    void aBusyRunPlaysFrameByFrameAsIfDrawnAfresh() {
        Simulation sim = new Simulation(busyProgram(), Semantics.ASYNCIO, 1);
        for (int i = 0; i < 40_000 && sim.advance(); i++) {
            // A few seconds of a hundred lanes.
        }
        TraceIndex idx = TraceIndex.of(sim);
        idx.sync();
        play(idx, new Axis(idx, 40, 16, 1), 773, 600);
        play(idx, new Axis(idx, 400, 160, 1), 1200, 600);
    }

    /** The frame benchmark's busy program: a hundred lanes setting, waiting on and polling fifty events. */
    static dev.eventlanes.model.Program busyProgram() {
        return dev.eventlanes.ui.bench.BenchPrograms.busy(100, 50);
    }
}
