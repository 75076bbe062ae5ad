package dev.eventlanes.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventlanes.model.TraceKind;
import dev.eventlanes.model.TraceLog;
import dev.eventlanes.scene.Axis;
import dev.eventlanes.scene.RowOrder;
import dev.eventlanes.scene.Scene;
import dev.eventlanes.scene.SceneBuilder;
import dev.eventlanes.scene.TraceIndex;
import dev.eventlanes.ui.lanes.LaneText;
import dev.eventlanes.ui.program.ProgramSource;
import dev.eventlanes.ui.program.ProgramSources;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;

/**
 * The picture against the trace, for every preset, every conformance program and every scenario
 * file: the scene the window paints (built as the window builds it, with the window's fonts) is
 * held against what the model recorded, read here straight from the trace log.
 *
 * <ul>
 * <li>one wake arrow for each wake-up a set() caused, from the setter to the woken task, and no
 * other (a waiter that timed out or was cancelled gets none);</li>
 * <li>a mark for every set(), clear(), is_set(), wait() on a set event, cancellation (timeouts
 * included), failure and refusal, on the lane of the task it happened to;</li>
 * <li>time proportional outside instant bands: between two ticks, and across every segment, the
 * width less the bands in it is the time it stands for, within a pixel;</li>
 * <li>ticks at one round interval, none skipped;</li>
 * <li>no two labels' boxes intersect.</li>
 * </ul>
 *
 * <p>Marks and arrows are checked at a zoom where every step has room (crowded instants spread
 * apart), paging through the whole run; the other rules in each page and at the window's own
 * fitted zoom. Each rule is checked at the run's end and at its middle.
 */
@ExtendWith(ApplicationExtension.class)
class SceneTruthTest {
    private static final double WIDTH = 1400;
    private static final double HEIGHT = 2000;

    record Source(String name, Supplier<Session> open) {
    }

    static List<Source> sources() throws IOException, URISyntaxException {
        List<Source> out = new ArrayList<>();
        for (Preset p : PresetCatalog.all()) {
            out.add(new Source(p.name(), p.open()));
        }
        // Every program the project keeps with CPython's output: the conformance corpus, the
        // asyncio library cases (gather, wait_for, timeouts, task groups: where cancellations and
        // timeouts happen) and the language cases.
        for (String folder : List.of("/dev/eventlanes/conformance", "/dev/eventlanes/model/asynciolib",
                "/dev/eventlanes/python/lang")) {
            Path dir = Path.of(SceneTruthTest.class.getResource(folder).toURI());
            try (Stream<Path> files = Files.list(dir)) {
                for (Path p : files.filter(f -> f.toString().endsWith(".py")).sorted().toList()) {
                    String text = Files.readString(p, StandardCharsets.UTF_8);
                    out.add(new Source(p.getFileName().toString(), () -> {
                        ProgramSource.Loaded l = ProgramSources.defaults().load(p.getFileName().toString(), text);
                        assertThat(l.ok()).as("%s loads", p).isTrue();
                        return new Session("file:" + p, l.program(), l.code(), l.editable(), l.clicks());
                    }));
                }
            }
        }
        return out;
    }

    @TestFactory
    Stream<DynamicTest> everyPictureTellsWhatTheTraceSays() throws IOException, URISyntaxException {
        return sources().stream().map(src -> DynamicTest.dynamicTest(src.name(), () -> check(src)));
    }

    private static void check(Source src) {
        MainViewModel vm = new MainViewModel(new I18n(Locale.ENGLISH), ProgramSources.defaults());
        vm.open(src.open().get());
        vm.runToEnd();
        TraceIndex idx = vm.timeline();
        LaneText text = new LaneText(vm.i18n(), 1);
        for (int k : new int[] {idx.size(), idx.size() / 2}) {
            String at = src.name() + " after " + k + " of " + idx.size() + " entries";
            // The window's own view of the whole run.
            Axis fit = Axis.fit(idx, idx.size(), WIDTH / 1.08, 1);
            Scene whole = scene(idx, fit, k, 0, text);
            checkLayout(whole, at + ", fitted");
            // Every step with room: the slot of the most crowded step at least 26 px.
            double minSlot = minSlotWidth(idx);
            double slot = Math.max(30, 26 / minSlot);
            Axis wide = new Axis(idx, Math.max(fit.pixelsPerSecond(), 100), slot, 1);
            double end = wide.xAt(idx.size()) + 100;
            Set<String> marks = new TreeSet<>();
            Set<String> arrows = new TreeSet<>();
            int pages = 0;
            for (double x0 = 0; x0 < end; x0 += WIDTH - 60) {
                Scene sc = scene(idx, wide, k, x0, text);
                checkLayout(sc, at + ", zoomed in, page from x = " + x0);
                for (Scene.Mark m : sc.marks()) {
                    if (m.kind() != TraceIndex.MarkKind.FOREVER) {
                        marks.add(m.index() + " " + m.kind() + " task " + m.task());
                    }
                }
                for (Scene.Arrow a : sc.arrows()) {
                    arrows.add("set " + a.setIndex() + " by " + a.fromTask() + " woke " + a.toTask() + " at " + a.wakeIndex());
                }
                assertThat(++pages).as("%s: pages", at).isLessThan(5000);
            }
            assertThat(arrows).as("%s: one arrow per wake-up a set() caused, and no other", at)
                    .isEqualTo(expectedArrows(idx.log(), k));
            assertThat(marks).as("%s: a mark for every set, clear, poll, wait on a set event, cancel, failure", at)
                    .isEqualTo(expectedMarks(idx.log(), k));
        }
    }

    /** The scene the window would paint of the first k entries, the view starting at x0 (all lanes in view). */
    static Scene scene(TraceIndex idx, Axis axis, int k, double x0, LaneText text) {
        int[] rows = RowOrder.of(idx, idx.laneCountAt(k));
        return SceneBuilder.build(idx, axis, k, axis.xAt(k), new SceneBuilder.View(x0, WIDTH, HEIGHT, 0, rows),
                Set.of(), text, text);
    }

    /** The narrowest step's slot, as a share of a whole slot (crowded instants narrow their slots). */
    static double minSlotWidth(TraceIndex idx) {
        double min = 1;
        for (int s = 0; s < idx.stepCount(); s++) {
            int run = idx.runIndex(s);
            int next = s + 1 < idx.stepCount() ? idx.runIndex(s + 1) : idx.size();
            double w = idx.slotsAt(next) - idx.slots(run);
            // A step's marks share its width: each mark's share.
            int marks = 0;
            for (int i = run; i < next; i++) {
                TraceKind kd = idx.log().kind(i);
                if (kd == TraceKind.SET || kd == TraceKind.CLEAR || kd == TraceKind.POLL || kd == TraceKind.CANCEL
                        || kd == TraceKind.ERROR || kd == TraceKind.EXIT || kd == TraceKind.WAIT) {
                    marks++;
                }
            }
            if (w > 0) {
                min = Math.min(min, w / Math.max(1, marks));
            }
        }
        return Math.max(min, 1e-4);
    }

    /** From the log alone: each WAKE that completed a wait() follows its SET directly. */
    static Set<String> expectedArrows(TraceLog log, int k) {
        Set<String> out = new TreeSet<>();
        for (int i = 0; i < k; i++) {
            if (log.kind(i) == TraceKind.WAKE && "event".equals(log.text(i))) {
                int j = i - 1;
                while (j >= 0 && log.kind(j) == TraceKind.WAKE) {
                    j--;
                }
                assertThat(j >= 0 && log.kind(j) == TraceKind.SET).as("wake-up %d follows a set()", i).isTrue();
                out.add("set " + j + " by " + log.task(j) + " woke " + log.task(i) + " at " + i);
            }
        }
        return out;
    }

    static Set<String> expectedMarks(TraceLog log, int k) {
        Set<String> out = new TreeSet<>();
        for (int i = 0; i < k; i++) {
            String kind = switch (log.kind(i)) {
                case SET -> "already set".equals(log.text(i)) ? "SET_AGAIN" : "SET";
                case CLEAR -> "CLEAR";
                case POLL -> "POLL";
                case WAIT -> log.value(i) != 0 ? "WAIT_SET" : null;
                case CANCEL -> "CANCEL";
                case EXIT -> "done".equals(log.text(i)) || "cancelled".equals(log.text(i)) ? null : "FAIL";
                case ERROR -> "ERROR";
                default -> null;
            };
            if (kind != null) {
                out.add(i + " " + kind + " task " + log.task(i));
            }
        }
        return out;
    }

    /** The rules any one picture keeps: proportional time, regular ticks, labels apart. */
    static void checkLayout(Scene sc, String at) {
        double pps = sc.axis().pixelsPerSecond();
        List<Scene.Band> bands = sc.bands();
        List<Scene.Tick> ticks = sc.ticks();
        for (int i = 1; i < ticks.size(); i++) {
            Scene.Tick a = ticks.get(i - 1);
            Scene.Tick b = ticks.get(i);
            double bandsBetween = bandWidth(bands, a.x(), b.x());
            assertThat(b.x() - a.x() - bandsBetween).as("%s: ticks %s and %s are their time apart", at, a.label(), b.label())
                    .isCloseTo(pps * (b.t() - a.t()), org.assertj.core.data.Offset.offset(1.0));
            if (i > 1) {
                Scene.Tick z = ticks.get(i - 2);
                assertThat(b.t() - a.t()).as("%s: ticks at one interval (%s, %s, %s)", at, z.label(), a.label(), b.label())
                        .isCloseTo(a.t() - z.t(), org.assertj.core.data.Offset.offset(1e-9));
            }
        }
        double left = 0;
        double right = sc.axis().width();
        for (Scene.Segment s : sc.segments()) {
            if (s.merged() || s.x0() < left || s.x1() > right || s.toIndex() < 0) {
                continue;
            }
            double between = bandWidth(bands, s.x0(), s.x1());
            assertThat(s.x1() - s.x0() - between).as("%s: segment of task %d from entry %d, %s, is its time wide", at,
                    s.task(), s.fromIndex(), s.state()).isCloseTo(pps * (s.t1() - s.t0()), org.assertj.core.data.Offset.offset(1.0));
        }
        List<Scene.Label> labels = sc.labels();
        for (int i = 0; i < labels.size(); i++) {
            for (int j = i + 1; j < labels.size(); j++) {
                Scene.Label a = labels.get(i);
                Scene.Label b = labels.get(j);
                assertThat(a.intersects(b)).as("%s: labels '%s' and '%s' overlap", at, a.text(), b.text()).isFalse();
            }
        }
    }

    /** How much of [a, b] is instant bands (room that stands for no time). */
    static double bandWidth(List<Scene.Band> bands, double a, double b) {
        double w = 0;
        for (Scene.Band band : bands) {
            w += Math.max(0, Math.min(b, band.x1()) - Math.max(a, band.x0()));
        }
        return w;
    }
}
