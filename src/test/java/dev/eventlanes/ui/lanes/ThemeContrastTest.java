package dev.eventlanes.ui.lanes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventlanes.model.Semantics;
import dev.eventlanes.model.TaskState;
import dev.eventlanes.scenario.Op;
import dev.eventlanes.scenario.ScenarioClicks;
import dev.eventlanes.scene.TraceIndex;
import dev.eventlanes.ui.I18n;
import dev.eventlanes.ui.MainView;
import dev.eventlanes.ui.MainViewModel;
import dev.eventlanes.ui.Palette;
import dev.eventlanes.ui.Palette.Ink;
import dev.eventlanes.ui.Preset;
import dev.eventlanes.ui.PresetCatalog;
import dev.eventlanes.ui.Theme;
import dev.eventlanes.ui.program.ProgramSources;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Control;
import javafx.scene.control.Dialog;
import javafx.scene.control.DialogPane;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Every theme holds WCAG 2.1 AA where it is drawn: words 4.5:1 against what they are drawn on,
 * marks, bars, lines and the focus ring 3:1 (1.4.3, 1.4.11); and the lane states stay apart for
 * eyes that see no colour or confuse red and green.
 *
 * <p>The pairs are not listed here. The lanes' painter tells a witness of every colour it draws
 * that must stand out and what it is drawn on, while it paints every preset at several moments;
 * the window's pairs are read off the shown window (every text with its fill and the background
 * under it). What is drawn is what is checked, in each theme.
 */
@ExtendWith(ApplicationExtension.class)
class ThemeContrastTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void backToLight(FxRobot robot) {
        ScenePainter.witness = null;
        robot.interact(() -> {
            for (Window w : new ArrayList<>(Window.getWindows())) {
                if (w != stage) {
                    w.hide();
                }
            }
            Theme.use(Theme.LIGHT);
        });
    }

    /** What the painter was seen to draw: inks over a ground, one of which must reach need:1. */
    private record Seen(Theme theme, String what, double need, Color ground, List<Color> inks) {
        double best() {
            double b = 0;
            for (Color c : inks) {
                b = Math.max(b, Palette.contrast(Palette.over(c, ground), ground));
            }
            return b;
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "%s: %s %s on %s: %.2f:1, needs %.1f:1", theme.id(), what,
                    inks.stream().map(ThemeContrastTest::web).toList(), web(ground), best(), need);
        }
    }

    static String web(Color c) {
        return String.format(Locale.ROOT, "#%02x%02x%02x%s", Math.round(c.getRed() * 255), Math.round(c.getGreen() * 255),
                Math.round(c.getBlue() * 255), c.getOpacity() < 1 ? String.format(Locale.ROOT, "@%.2f", c.getOpacity()) : "");
    }

    private record Shown(MainView view, MainViewModel vm) {
    }

    /** A window on seed 1, in the theme in use, shown at 1280 x 800. */
    private Shown window(FxRobot robot) {
        MainViewModel vm = new MainViewModel(new I18n(Locale.ENGLISH), ProgramSources.defaults());
        MainView view = new MainView(vm, PresetCatalog::all);
        robot.interact(() -> {
            stage.setScene(MainView.scene(view.load(), 1280, 800));
            view.openSession(PresetCatalog.seed());
            stage.show();
        });
        return new Shown(view, vm);
    }

    @Test
    void everythingTheLanesDrawStandsOutFromWhatItIsDrawnOn(FxRobot robot) {
        Set<Seen> seen = new LinkedHashSet<>();
        Map<Theme, Set<String>> whats = new EnumMap<>(Theme.class);
        for (Theme t : Theme.values()) {
            Set<String> names = new TreeSet<>();
            whats.put(t, names);
            ScenePainter.witness = (what, need, ground, inks) -> {
                names.add(what);
                seen.add(new Seen(t, what, need, ground, List.of(inks)));
            };
            robot.interact(() -> Theme.use(t));
            Shown w = window(robot);
            MainView view = w.view();
            MainViewModel vm = w.vm();
            for (Preset p : PresetCatalog.all()) {
                robot.interact(() -> {
                    view.openSession(p.open().get());
                    vm.runToEnd();
                });
                int end = vm.positionProperty().get();
                // Its start, the middle with a lane selected, its end: the window paints each at once.
                for (int i = 0; i <= 2; i++) {
                    int k = end * i / 2;
                    boolean select = i == 1;
                    robot.interact(() -> {
                        vm.scrubTo(k);
                        view.lanes().selectedTaskProperty().set(select ? 0 : -1);
                    });
                }
            }
            // A click-built task waiting for the next click: an idle bar.
            robot.interact(() -> {
                view.openSession(PresetCatalog.blank(Semantics.ASYNCIO));
                // One task sleeps a second, so time passes while the other is idle.
                vm.apply(ScenarioClicks.addTask("worker"), null);
                vm.apply(ScenarioClicks.addTask("sleeper"), null);
                vm.apply(ScenarioClicks.appendOp("sleeper", new Op.Sleep(1)), null);
                vm.runToEnd();
            });
            WaitForAsyncUtils.waitForFxEvents();
        }
        List<Seen> failing = seen.stream().filter(s -> s.best() < s.need() - 1e-9).toList();
        assertThat(failing).as("drawn without the contrast it needs").isEmpty();
        // Everything there is was drawn, in every theme: each state, each mark, each kind of words.
        for (Theme t : Theme.values()) {
            List<String> wanted = new ArrayList<>();
            for (TaskState s : TaskState.values()) {
                wanted.add(ScenePainter.what(s));
            }
            for (TraceIndex.MarkKind k : List.of(TraceIndex.MarkKind.SET, TraceIndex.MarkKind.CLEAR, TraceIndex.MarkKind.POLL,
                    TraceIndex.MarkKind.WAIT_SET, TraceIndex.MarkKind.CANCEL, TraceIndex.MarkKind.FAIL, TraceIndex.MarkKind.FOREVER)) {
                wanted.add("a " + k.name() + " mark");
            }
            wanted.addAll(List.of("a segment label", "a segment_bold label", "a mark label", "a tick label", "a band label",
                    "a latency label", "a wake-up arrow", "a wake-up arrow's head", "a latency bracket", "the playhead",
                    "the ruler's ticks", "an instant band's break marks", "the selected lane's edge", "an idle bar's edge",
                    "a ready bar's pattern", "a waiting bar's pattern", "a sleeping bar's pattern", "a running bar's edge"));
            assertThat(whats.get(t)).as(t.id() + ": drawn while the presets were painted").containsAll(wanted);
        }
    }

    // ------------------------------------------------------------------ the window

    @Test
    void wordsInTheWindowReadOnWhatTheyAreOnAndTheFocusRingShows(FxRobot robot) {
        List<String> failing = new ArrayList<>();
        Map<Theme, Integer> counted = new EnumMap<>(Theme.class);
        for (Theme t : Theme.values()) {
            robot.interact(() -> Theme.use(t));
            Shown w = window(robot);
            MainView view = w.view();
            MainViewModel vm = w.vm();
            List<String> seen = new ArrayList<>();
            // Mid-run, a lane selected: tasks' lines marked in the code, badges, a waiting toggle;
            // the lesson's notes open beside them, the answer shown.
            robot.interact(() -> {
                vm.step();
                vm.step();
                view.lanes().selectedTaskProperty().set(0);
                ((javafx.scene.control.ToggleButton) stage.getScene().lookup("#lessonToggle")).setSelected(true);
            });
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> ((javafx.scene.control.Button) stage.getScene().lookup("#lessonShowAnswer")).fire());
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> check(t, stage.getScene(), seen, failing));
            // The end of the run: the banner is up, the output full.
            robot.interact(vm::runToEnd);
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> check(t, stage.getScene(), seen, failing));
            // The keys overlay over it.
            robot.interact(() -> view.root().requestFocus());
            robot.type(KeyCode.F1);
            robot.interact(() -> check(t, stage.getScene(), seen, failing));
            robot.type(KeyCode.ESCAPE);
            // A dialog: the paste editor, with a problem listed in it.
            List<Dialog<ButtonType>> shown = new ArrayList<>();
            robot.interact(() -> shown.add(view.showPasteDialog("async def main(:\n")));
            Dialog<ButtonType> d = shown.get(0);
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> {
                ((javafx.scene.control.Button) d.getDialogPane().lookupButton(d.getDialogPane().getButtonTypes().get(0))).fire();
            });
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> check(t, d.getDialogPane().getScene(), seen, failing));
            robot.interact(d::close);
            counted.put(t, seen.size());
        }
        assertThat(failing).as("words or focus rings without the contrast they need").isEmpty();
        for (Theme t : Theme.values()) {
            // The toolbar, the events, the lanes' headers, code, output, status, banner, keys, a dialog.
            assertThat(counted.get(t)).as(t.id() + ": texts checked").isGreaterThan(100);
        }
    }

    @Test
    void theCodeReadsOnTheLineOfEveryTaskColourAndEveryBadgeReads() {
        // The window tints a line and makes a badge for whichever task is there: every colour.
        List<String> failing = new ArrayList<>();
        for (Theme t : Theme.values()) {
            Palette p = t.palette();
            for (int task = 0; task < p.taskColours(); task++) {
                for (boolean strong : new boolean[] {false, true}) {
                    // A marked line's number is in the code's colour too (the style sheet's :marked-line).
                    for (Ink words : List.of(Ink.CODE_TEXT)) {
                        double c = Palette.contrast(p.get(words), p.lineTint(task, strong));
                        if (c < ScenePainter.TEXT) {
                            failing.add(String.format(Locale.ROOT, "%s: %s on task %d's %s tint: %.2f:1", t.id(), words, task,
                                    strong ? "strong" : "soft", c));
                        }
                    }
                }
                double b = Palette.contrast(p.get(Ink.BADGE_TEXT), p.badge(task));
                if (b < ScenePainter.TEXT) {
                    failing.add(String.format(Locale.ROOT, "%s: task %d's badge: %.2f:1", t.id(), task, b));
                }
            }
        }
        assertThat(failing).isEmpty();
    }

    private static final Palette.Ink FOCUS = Ink.FOCUS;

    /** Checks every text of the scene and every focus ring it could show; failures are added to {@code failing}. */
    private static void check(Theme t, Scene scene, List<String> seen, List<String> failing) {
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        for (Node n : all(scene.getRoot())) {
            if (!showing(n)) {
                continue;
            }
            if (n instanceof Text text && text.getText() != null && !text.getText().isBlank()
                    && text.getFill() instanceof Color fill && !disabled(n)) {
                Color ground = groundUnder(n, scene);
                double c = Palette.contrast(Palette.over(fill, ground), ground);
                seen.add(text.getText());
                if (c < ScenePainter.TEXT) {
                    failing.add(String.format(Locale.ROOT, "%s: \"%s\" (%s) %s on %s: %.2f:1", t.id(), text.getText(),
                            path(n), web(fill), web(ground), c));
                }
            }
            if (n instanceof Control ctl && ctl.isFocusTraversable() && !disabled(n) && n.getParent() != null) {
                Color ground = groundUnder(n.getParent(), scene);
                Color ring = t.palette().get(FOCUS);
                double c = Palette.contrast(ring, ground);
                if (c < ScenePainter.GRAPHIC) {
                    failing.add(String.format(Locale.ROOT, "%s: focus ring of %s %s on %s: %.2f:1", t.id(), path(n), web(ring),
                            web(ground), c));
                }
            }
        }
    }

    private static List<Node> all(Node root) {
        List<Node> out = new ArrayList<>();
        out.add(root);
        if (root instanceof Parent p) {
            for (Node c : p.getChildrenUnmodifiable()) {
                out.addAll(all(c));
            }
        }
        return out;
    }

    /** Visible, with its own box on the screen (not in a collapsed or clipped-away pane). */
    private static boolean showing(Node n) {
        for (Node a = n; a != null; a = a.getParent()) {
            if (!a.isVisible() || a.getOpacity() == 0) {
                return false;
            }
        }
        Bounds b = n.localToScene(n.getBoundsInLocal());
        return b.getWidth() > 0 && b.getHeight() > 0;
    }

    /** Disabled controls are out of WCAG's contrast rules (and AtlantaFX fades them). */
    private static boolean disabled(Node n) {
        return n.isDisabled();
    }

    /**
     * The colour under the middle of n: the top background fill of n or its nearest ancestor that
     * covers that point (blended over what is under it where it is see-through), else the scene's.
     */
    static Color groundUnder(Node n, Scene scene) {
        Bounds b = n.localToScene(n.getBoundsInLocal());
        Point2D mid = new Point2D(b.getCenterX(), b.getCenterY());
        List<Color> layers = new ArrayList<>();
        for (Node a = n; a != null; a = a.getParent()) {
            if (a instanceof Region r && r.getBackground() != null) {
                Point2D p = r.sceneToLocal(mid);
                List<BackgroundFill> fills = r.getBackground().getFills();
                for (int i = fills.size() - 1; i >= 0; i--) {
                    BackgroundFill f = fills.get(i);
                    if (f.getFill() instanceof Color c && c.getOpacity() > 0 && covers(r, f, p)) {
                        layers.add(c);
                        break;
                    }
                }
                if (!layers.isEmpty() && layers.get(layers.size() - 1).getOpacity() >= 1) {
                    break;
                }
            }
        }
        Color under = scene.getFill() instanceof Color c ? c : Color.WHITE;
        if (layers.isEmpty() || layers.get(layers.size() - 1).getOpacity() < 1) {
            layers.add(under);
        }
        Color g = layers.get(layers.size() - 1);
        for (int i = layers.size() - 2; i >= 0; i--) {
            g = Palette.over(layers.get(i), g);
        }
        return g;
    }

    private static boolean covers(Region r, BackgroundFill f, Point2D p) {
        javafx.geometry.Insets in = f.getInsets();
        return p.getX() >= in.getLeft() && p.getY() >= in.getTop() && p.getX() <= r.getWidth() - in.getRight()
                && p.getY() <= r.getHeight() - in.getBottom();
    }

    private static String path(Node n) {
        StringBuilder b = new StringBuilder();
        for (Node a = n; a != null && b.length() < 200; a = a.getParent()) {
            String name = a.getId() != null ? "#" + a.getId()
                    : a.getStyleClass().isEmpty() ? a.getClass().getSimpleName() : "." + a.getStyleClass().get(0);
            b.insert(0, b.length() == 0 ? name : name + " > ");
        }
        return b.toString();
    }

    // ------------------------------------------------------------------ states without colour

    /** How a colour looks to an eye: its relative luminance as that eye sees it. */
    private enum Vision {
        GREYSCALE(null),
        // Machado, Oliveira and Fernandes (2009), severity 1.0, on linear RGB.
        PROTANOPIA(new double[] {0.152286, 1.052583, -0.204868, 0.114503, 0.786281, 0.099216, -0.003882, -0.048116,
            1.051998}),
        DEUTERANOPIA(new double[] {0.367322, 0.860646, -0.227968, 0.280085, 0.672501, 0.047413, -0.011820, 0.042940,
            0.968881});

        private final double[] m;

        Vision(double[] m) {
            this.m = m;
        }

        double luminance(Color c) {
            double r = lin(c.getRed());
            double g = lin(c.getGreen());
            double b = lin(c.getBlue());
            if (m != null) {
                double r2 = clamp(m[0] * r + m[1] * g + m[2] * b);
                double g2 = clamp(m[3] * r + m[4] * g + m[5] * b);
                double b2 = clamp(m[6] * r + m[7] * g + m[8] * b);
                r = r2;
                g = g2;
                b = b2;
            }
            return 0.2126 * r + 0.7152 * g + 0.0722 * b;
        }

        private static double lin(double v) {
            return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }

        private static double clamp(double v) {
            return Math.max(0, Math.min(1, v));
        }
    }

    private static double ratio(double l1, double l2) {
        return (Math.max(l1, l2) + 0.05) / (Math.min(l1, l2) + 0.05);
    }

    /**
     * Two states' patterns are told apart where their textures differ (a pixel is texture where it
     * stands 3:1 from its swatch's most common shade) on at least this share of the pixels.
     */
    static final double PATTERN_SHARE = 0.10;
    /** Or their average shades, as the back of a room sees them, stand at least this far apart. */
    static final double MEAN_RATIO = 1.5;

    @Test
    void laneStatesStayApartWithoutColourAndForRedGreenBlindEyes(FxRobot robot) {
        List<String> failing = new ArrayList<>();
        for (Theme t : Theme.values()) {
            Palette p = t.palette();
            Map<TaskState, WritableImage> swatches = new EnumMap<>(TaskState.class);
            robot.interact(() -> {
                Patterns patterns = new Patterns(p);
                for (TaskState s : TaskState.values()) {
                    // As the lanes draw it: a bar, or a finished task's line at its foot, on the lane.
                    Canvas c = new Canvas(48, 30);
                    GraphicsContext g = c.getGraphicsContext2D();
                    g.setFill(p.get(Ink.BACKGROUND));
                    g.fillRect(0, 0, 48, 30);
                    double[] box = ScenePainter.barBox(s, 0, 30);
                    ScenePainter.bar(g, p, patterns, s, 0, box[0], 48, box[1], 0, false);
                    swatches.put(s, c.snapshot(null, null));
                }
            });
            Color lane = p.get(Ink.BACKGROUND);
            for (Vision v : Vision.values()) {
                TaskState[] states = TaskState.values();
                for (int i = 0; i < states.length; i++) {
                    for (int j = i + 1; j < states.length; j++) {
                        String why = apart(swatches.get(states[i]), swatches.get(states[j]), lane, v);
                        if (why != null) {
                            failing.add(t.id() + ", " + v.name().toLowerCase(Locale.ROOT) + ": " + states[i] + " and "
                                    + states[j] + " look alike (" + why + ")");
                        }
                    }
                }
            }
        }
        assertThat(failing).isEmpty();
    }

    /** Null if a and b can be told apart by eye v, else what was measured. */
    private static String apart(WritableImage a, WritableImage b, Color lane, Vision v) {
        int w = (int) a.getWidth();
        int h = (int) a.getHeight();
        List<int[]> region = new ArrayList<>();
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                if (!same(a.getPixelReader().getColor(x, y), lane) || !same(b.getPixelReader().getColor(x, y), lane)) {
                    region.add(new int[] {x, y});
                }
            }
        }
        double[] la = shades(a, region, v);
        double[] lb = shades(b, region, v);
        double ca = common(la);
        double cb = common(lb);
        int differ = 0;
        double sa = 0;
        double sb = 0;
        for (int i = 0; i < region.size(); i++) {
            sa += la[i];
            sb += lb[i];
            if ((ratio(la[i], ca) >= 3) != (ratio(lb[i], cb) >= 3)) {
                differ++;
            }
        }
        int n = Math.max(1, region.size());
        double share = (double) differ / n;
        double mean = ratio(sa / n, sb / n);
        if (share >= PATTERN_SHARE || mean >= MEAN_RATIO) {
            return null;
        }
        return String.format(Locale.ROOT, "textures differ on %.0f%% of the pixels, the average shades %.2f:1", share * 100,
                mean);
    }

    private static double[] shades(WritableImage img, List<int[]> region, Vision v) {
        PixelReader r = img.getPixelReader();
        double[] out = new double[region.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = v.luminance(r.getColor(region.get(i)[0], region.get(i)[1]));
        }
        return out;
    }

    /** The most common shade (to a hundredth of luminance): a swatch's own colour, under its texture. */
    private static double common(double[] shades) {
        Map<Long, Integer> count = new LinkedHashMap<>();
        long best = 0;
        int most = -1;
        for (double s : shades) {
            long k = Math.round(s * 100);
            int c = count.merge(k, 1, Integer::sum);
            if (c > most) {
                most = c;
                best = k;
            }
        }
        return best / 100.0;
    }

    private static boolean same(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) < 0.01 && Math.abs(a.getGreen() - b.getGreen()) < 0.01
                && Math.abs(a.getBlue() - b.getBlue()) < 0.01;
    }
}
