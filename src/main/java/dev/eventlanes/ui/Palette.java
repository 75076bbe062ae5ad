package dev.eventlanes.ui;

import dev.eventlanes.model.TaskState;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import javafx.scene.paint.Color;

/**
 * Every colour of one theme: the window's (its controls read them from the style sheet as
 * looked-up colours, see {@link #stylesheet()}) and the lanes' (the canvas cannot read CSS, so
 * {@code ScenePainter}, {@code Patterns} and {@code Legend} take them from here). One object per
 * theme, so the contrast tests check exactly what is drawn.
 *
 * <p>The rules the colours keep (and {@code ThemeContrastTest} checks, theme by theme): words
 * against what they are drawn on 4.5:1, marks, bars, lines and the focus ring against theirs 3:1
 * (WCAG 2.1 AA, 1.4.3 and 1.4.11); each state's pattern 3:1 against its own fill, since for a
 * student who cannot tell the colours apart the pattern is what names the state; and states
 * without a pattern (a finished task's line) apart in lightness, 1.5:1, in greyscale and for
 * protanopia and deuteranopia.
 */
public final class Palette {
    /** A named colour. In the style sheet each is {@code -el-} and its name in kebab case ({@link #cssName}). */
    public enum Ink {
        // ---- the window
        /** The window's colour: the scene's fill, dialogs, and the lanes' own background. */
        BACKGROUND,
        /** Cards on the window: the events row, the toggles, the lane headers, the code and output. */
        SURFACE,
        TEXT,
        /** Secondary words: section titles, a lane's state, a toggle's count, ruler bands. */
        MUTED_TEXT,
        /** Lines between rows. */
        BORDER,
        /** A button's, a chooser's face (AtlantaFX's {@code -color-bg-subtle}). */
        CONTROL,
        /** A button's, a chooser's edge (AtlantaFX's {@code -color-border-default}). */
        CONTROL_EDGE,
        TOOLBAR,
        TOOLBAR_BORDER,
        /** The play button, a hovered or focused toggle, the banner's edge. */
        ACCENT,
        /** Words on {@link #ACCENT}. */
        ON_ACCENT,
        /** The keyboard focus ring. */
        FOCUS,
        BANNER,
        BANNER_TEXT,
        BANNER_ERROR,
        BANNER_ERROR_EDGE,
        TOGGLE_EDGE,
        /** A toggle's switch while its event is unset, and set. */
        TRACK,
        TRACK_SET,
        KNOB,
        KNOB_EDGE,
        /** A finished task's name in its header. */
        LANE_NAME_DONE,
        STATUS,
        STATUS_TEXT,
        /** The status bar's time and step. */
        STATUS_STRONG,
        /** Code on a line tinted in a task's colour. */
        CODE_TEXT,
        CODE_NUMBER,
        /** A task's name on its badge. */
        BADGE_TEXT,
        /** The "+3" badge. */
        BADGE_MORE,
        /**
         * The code's colours by what a word is (dev.eventlanes.ui.code): read on {@link #SURFACE};
         * on a line tinted in a task's colour the code is all {@link #CODE_TEXT}.
         */
        CODE_KEYWORD,
        /** The name a {@code def} or {@code class} introduces. */
        CODE_DEFINITION,
        CODE_BUILTIN,
        CODE_STRING,
        /** Numbers. */
        CODE_LITERAL,
        CODE_COMMENT,
        CODE_DECORATOR,
        /** A problem's wavy line and its sign in the gutter (words on the sign: {@link #BADGE_TEXT}). */
        CODE_PROBLEM,
        CONSOLE_ERROR,
        /** A key's cap in the keys overlay. */
        KEY_CAP,
        /** Over the window behind the keys overlay. */
        OVERLAY,
        // ---- the lanes
        /** Every other lane. */
        STRIPE,
        /** The selected lane (and its header). */
        HIGHLIGHT,
        /** The lines along the selected lane's edges: a pale highlight alone is lost on a projector. */
        SELECTION_EDGE,
        RULER,
        /** The ruler's foot and its ticks. */
        RULER_LINE,
        /** An instant band over the lanes, on the ruler, and its edges. */
        BAND,
        BAND_RULER,
        BAND_EDGE,
        /** Wake-up arrows and set() marks. */
        ARROW,
        /** Under arrows and latency times, so they read over any lane. */
        HALO,
        /** Inside a hollow mark (clear(), a False poll, wait() on a set event, for ever). */
        MARK_PAPER,
        /** A mark's outline and letters. */
        MARK_INK,
        CLEAR,
        POLL_TRUE,
        CANCEL,
        /** A cancellation's words beside its mark. */
        CANCEL_TEXT,
        FAIL,
        LATENCY,
        LATENCY_AT_ONCE,
        PLAYHEAD,
        /** A running bar's edge. */
        RUNNING_EDGE,
        /** A click-built task that waits for the next click: an empty bar with a dashed edge. */
        IDLE,
        IDLE_EDGE;

        /** The looked-up colour's name in the style sheet. */
        public String cssName() {
            return "-el-" + name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final String name;
    private final Map<Ink, Color> inks;
    private final Color[] fills;
    private final Color[] labels;
    private final Color[] patterns;
    private final Color[] headers;
    private final Color[] tasks;
    private final double tintSoft;
    private final double tintStrong;
    private String stylesheet;

    private Palette(String name, Map<Ink, Color> inks, Map<TaskState, Color[]> states, Color[] tasks, double tintSoft,
            double tintStrong) {
        this.name = name;
        this.inks = new EnumMap<>(inks);
        for (Ink i : Ink.values()) {
            if (!this.inks.containsKey(i)) {
                throw new IllegalArgumentException(name + " has no " + i);
            }
        }
        int n = TaskState.values().length;
        fills = new Color[n];
        labels = new Color[n];
        patterns = new Color[n];
        headers = new Color[n];
        for (TaskState s : TaskState.values()) {
            Color[] c = states.get(s);
            fills[s.ordinal()] = c[0];
            labels[s.ordinal()] = c[1];
            patterns[s.ordinal()] = c[2];
            headers[s.ordinal()] = c[3];
        }
        this.tasks = tasks.clone();
        this.tintSoft = tintSoft;
        this.tintStrong = tintStrong;
    }

    public String name() {
        return name;
    }

    public Color get(Ink i) {
        return inks.get(i);
    }

    /** A state's bar (for a finished task, the line at the foot of its bar). */
    public Color fill(TaskState s) {
        return fills[s.ordinal()];
    }

    /** A state's words on the lanes: on its bar, or for a finished task (a line at the foot) on the lane. */
    public Color label(TaskState s) {
        return labels[s.ordinal()];
    }

    /** The ink of a state's pattern over its bar (see {@code Patterns}), with its opacity. */
    public Color pattern(TaskState s) {
        return patterns[s.ordinal()];
    }

    /** A state's words in a lane's header. */
    public Color header(TaskState s) {
        return headers[s.ordinal()];
    }

    /** How many task colours there are before they repeat. */
    public int taskColours() {
        return tasks.length;
    }

    /** A task's colour: its chip beside its lane's name, its line and badge in the code. */
    public Color task(int task) {
        return tasks[Math.floorMod(task, tasks.length)];
    }

    /**
     * The background of a code line a task is at: its colour faded into the code's surface, so the
     * code reads over it; {@code strong}, for the selected lane, less faded.
     */
    public Color lineTint(int task, boolean strong) {
        return task(task).interpolate(get(Ink.SURFACE), strong ? tintStrong : tintSoft);
    }

    /** A task's badge: its colour, moved away from the badge's words until they read on it (4.5:1). */
    public Color badge(int task) {
        Color c = task(task);
        Color words = get(Ink.BADGE_TEXT);
        boolean darken = luminance(words) > 0.5;
        for (int i = 0; i < 40 && contrast(words, c) < 4.5; i++) {
            c = darken ? c.deriveColor(0, 1, 0.92, 1) : c.interpolate(Color.WHITE, 0.08);
        }
        return c;
    }

    /**
     * AtlantaFX's looked-up colours that the palette decides, and the ink each is: the controls'
     * words, faces and edges, so that what AtlantaFX draws passes the same checks as what we do.
     */
    private static final String[][] ATLANTAFX = {
        {"-color-fg-default", "TEXT"},
        {"-color-fg-muted", "MUTED_TEXT"},
        // Prompt texts and tab titles: on a projector, as readable as muted words.
        {"-color-fg-subtle", "MUTED_TEXT"},
        {"-color-bg-default", "SURFACE"},
        {"-color-bg-overlay", "SURFACE"},
        {"-color-bg-subtle", "CONTROL"},
        {"-color-border-default", "CONTROL_EDGE"},
        {"-color-border-muted", "BORDER"},
        {"-color-accent-emphasis", "ACCENT"},
    };

    /**
     * The theme's looked-up colours as a style sheet: {@code .root} (every window's and popup's
     * root) and {@code .event-lanes} (a dialog's pane, whose window's root is not ours) define
     * each {@link Ink}, each state's header colour, and AtlantaFX's own colours that the palette
     * decides. {@code css/event-lanes.css} uses only these names, so the window and the lanes
     * take their colours from this one object.
     */
    public String stylesheet() {
        if (stylesheet == null) {
            StringBuilder b = new StringBuilder(".root, .event-lanes {\n");
            for (Ink i : Ink.values()) {
                b.append("    ").append(i.cssName()).append(": ").append(css(get(i))).append(";\n");
            }
            for (TaskState s : TaskState.values()) {
                b.append("    ").append(stateCssName(s)).append(": ").append(css(header(s))).append(";\n");
            }
            for (String[] a : ATLANTAFX) {
                b.append("    ").append(a[0]).append(": ").append(Ink.valueOf(a[1]).cssName()).append(";\n");
            }
            b.append("}\n");
            // A data URL: no file to keep in step with the palette (JavaFX reads these since 17).
            stylesheet = "data:text/css;base64,"
                    + Base64.getEncoder().encodeToString(b.toString().getBytes(StandardCharsets.UTF_8));
        }
        return stylesheet;
    }

    /** The looked-up colour of a state's words in a lane's header. */
    public static String stateCssName(TaskState s) {
        return "-el-state-" + s.name().toLowerCase(Locale.ROOT);
    }

    /** A colour in CSS; by hand, not String.format, which costs a cold start-up several milliseconds. */
    private static String css(Color c) {
        int r = (int) Math.round(c.getRed() * 255);
        int g = (int) Math.round(c.getGreen() * 255);
        int b = (int) Math.round(c.getBlue() * 255);
        if (c.getOpacity() >= 1) {
            return "#" + Integer.toHexString(0x1000000 | r << 16 | g << 8 | b).substring(1);
        }
        return "rgba(" + r + ", " + g + ", " + b + ", " + Math.round(c.getOpacity() * 1000) / 1000.0 + ")";
    }

    // ------------------------------------------------------------------ colour arithmetic

    /** The WCAG contrast ratio of two opaque colours (1 to 21). */
    public static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    /** WCAG's relative luminance. */
    public static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    static double linear(double v) {
        return v <= 0.04045 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    /** {@code top} painted over the opaque {@code under}, as the canvas blends (in sRGB). */
    public static Color over(Color top, Color under) {
        double a = top.getOpacity();
        return Color.color(top.getRed() * a + under.getRed() * (1 - a), top.getGreen() * a + under.getGreen() * (1 - a),
                top.getBlue() * a + under.getBlue() * (1 - a));
    }

    // ------------------------------------------------------------------ the three themes

    private static Color c(String web) {
        return Color.web(web);
    }

    private static Color[] state(String fill, String label, Color pattern, String header) {
        return new Color[] {c(fill), c(label), pattern, c(header)};
    }

    private static Color ink(double grey, double alpha) {
        return Color.gray(grey, alpha);
    }

    /**
     * Light: the window as it always looked, on Primer Light. The bars are deeper than they were:
     * the pale yellow of ready (and the light blue, green and violet under white words) washed
     * out on a projector, and the thin grey line of a finished task vanished on white. Every bar
     * now stands 3:1 from the lane it is on, ready is a deep amber with white words and black
     * stripes, and the finished lines are far apart in lightness (grey, near black, dark red).
     */
    public static final Palette LIGHT;
    /**
     * Dark: Primer Dark's colours; light bars with dark words on a near-black window; a cancelled
     * task's line is the lightest of the finished ones.
     */
    public static final Palette DARK;
    /**
     * High contrast: black on white, nothing paler than it must be, black edges; bars in deep
     * colours with white words and white patterns.
     */
    public static final Palette CONTRAST;

    static {
        Map<Ink, Color> l = new EnumMap<>(Ink.class);
        l.put(Ink.BACKGROUND, c("#fbfbfd"));
        l.put(Ink.SURFACE, c("#ffffff"));
        l.put(Ink.TEXT, c("#1d1d1f"));
        l.put(Ink.MUTED_TEXT, c("#4a5060"));
        l.put(Ink.BORDER, c("#d0d5dd"));
        l.put(Ink.CONTROL, c("#f6f8fa"));
        l.put(Ink.CONTROL_EDGE, c("#8c959f"));
        l.put(Ink.TOOLBAR, c("#eef1f6"));
        l.put(Ink.TOOLBAR_BORDER, c("#c9ced6"));
        l.put(Ink.ACCENT, c("#2563eb"));
        l.put(Ink.ON_ACCENT, c("#ffffff"));
        l.put(Ink.FOCUS, c("#2563eb"));
        l.put(Ink.BANNER, c("#e0ecff"));
        l.put(Ink.BANNER_TEXT, c("#1d1d1f"));
        l.put(Ink.BANNER_ERROR, c("#fde2e1"));
        l.put(Ink.BANNER_ERROR_EDGE, c("#c62828"));
        l.put(Ink.TOGGLE_EDGE, c("#868e9c"));
        l.put(Ink.TRACK, c("#868e9c"));
        l.put(Ink.TRACK_SET, c("#1a7f37"));
        l.put(Ink.KNOB, c("#ffffff"));
        l.put(Ink.KNOB_EDGE, c("#00000040"));
        l.put(Ink.LANE_NAME_DONE, c("#5b6270"));
        l.put(Ink.STATUS, c("#1f2937"));
        l.put(Ink.STATUS_TEXT, c("#f9fafb"));
        l.put(Ink.STATUS_STRONG, c("#fde68a"));
        l.put(Ink.CODE_TEXT, c("#111827"));
        l.put(Ink.CODE_NUMBER, c("#5f6877"));
        l.put(Ink.BADGE_TEXT, c("#ffffff"));
        l.put(Ink.BADGE_MORE, c("#4b5563"));
        l.put(Ink.CODE_KEYWORD, c("#6b21a8"));
        l.put(Ink.CODE_DEFINITION, c("#1e40af"));
        l.put(Ink.CODE_BUILTIN, c("#164e63"));
        l.put(Ink.CODE_STRING, c("#14532d"));
        l.put(Ink.CODE_LITERAL, c("#8a2c0d"));
        l.put(Ink.CODE_COMMENT, c("#4b5563"));
        l.put(Ink.CODE_DECORATOR, c("#713f12"));
        l.put(Ink.CODE_PROBLEM, c("#b91c1c"));
        l.put(Ink.CONSOLE_ERROR, c("#b91c1c"));
        l.put(Ink.KEY_CAP, c("#eef1f6"));
        l.put(Ink.OVERLAY, Color.rgb(15, 23, 42, 0.55));
        l.put(Ink.STRIPE, c("#f1f3f7"));
        l.put(Ink.HIGHLIGHT, c("#fff4cc"));
        l.put(Ink.SELECTION_EDGE, c("#9a6700"));
        l.put(Ink.RULER, c("#e9ecf2"));
        l.put(Ink.RULER_LINE, c("#6b7280"));
        l.put(Ink.BAND, Color.rgb(70, 90, 150, 0.09));
        l.put(Ink.BAND_RULER, Color.rgb(70, 90, 150, 0.22));
        l.put(Ink.BAND_EDGE, Color.rgb(40, 55, 110, 0.85));
        l.put(Ink.ARROW, c("#b3261e"));
        l.put(Ink.HALO, Color.rgb(255, 255, 255, 0.85));
        l.put(Ink.MARK_PAPER, c("#ffffff"));
        l.put(Ink.MARK_INK, c("#1d1d1f"));
        l.put(Ink.CLEAR, c("#2b5797"));
        l.put(Ink.POLL_TRUE, c("#1a7f37"));
        l.put(Ink.CANCEL, c("#b85a0d"));
        l.put(Ink.CANCEL_TEXT, c("#8f4a10"));
        l.put(Ink.FAIL, c("#c62828"));
        l.put(Ink.LATENCY, c("#6b4fa0"));
        l.put(Ink.LATENCY_AT_ONCE, c("#1e7a3c"));
        l.put(Ink.PLAYHEAD, c("#d62d20"));
        l.put(Ink.RUNNING_EDGE, c("#0f3d22"));
        l.put(Ink.IDLE, c("#f4f6fa"));
        l.put(Ink.IDLE_EDGE, c("#6b7385"));
        Map<TaskState, Color[]> ls = new EnumMap<>(TaskState.class);
        ls.put(TaskState.READY, state("#a86200", "#ffffff", ink(0.0, 0.8), "#7a4a00"));
        ls.put(TaskState.RUNNING, state("#1f7a45", "#ffffff", null, "#14532d"));
        ls.put(TaskState.WAITING, state("#2f66c4", "#ffffff", ink(0.0, 0.8), "#1d4ed8"));
        ls.put(TaskState.SLEEPING, state("#7552c4", "#ffffff", ink(0.0, 0.75), "#6d28d9"));
        ls.put(TaskState.DONE, state("#7a828c", "#4a5060", null, "#4b5563"));
        ls.put(TaskState.CANCELLED, state("#16181d", "#4a5060", null, "#4b5563"));
        ls.put(TaskState.FAILED, state("#a51d1d", "#a51d1d", null, "#a51d1d"));
        Color[] lt = {c("#e07a1f"), c("#1f8fe0"), c("#c2368f"), c("#2aa198"), c("#8c5cd6"), c("#b58900"),
            c("#d33682"), c("#268bd2")};
        LIGHT = new Palette("light", l, ls, lt, 0.76, 0.56);

        Map<Ink, Color> d = new EnumMap<>(Ink.class);
        d.put(Ink.BACKGROUND, c("#0d1117"));
        d.put(Ink.SURFACE, c("#161b22"));
        d.put(Ink.TEXT, c("#e6edf3"));
        d.put(Ink.MUTED_TEXT, c("#9da7b3"));
        d.put(Ink.BORDER, c("#30363d"));
        d.put(Ink.CONTROL, c("#21262d"));
        d.put(Ink.CONTROL_EDGE, c("#6e7681"));
        d.put(Ink.TOOLBAR, c("#161b22"));
        d.put(Ink.TOOLBAR_BORDER, c("#30363d"));
        d.put(Ink.ACCENT, c("#1f6feb"));
        d.put(Ink.ON_ACCENT, c("#ffffff"));
        d.put(Ink.FOCUS, c("#58a6ff"));
        d.put(Ink.BANNER, c("#0c2d6b"));
        d.put(Ink.BANNER_TEXT, c("#f0f6fc"));
        d.put(Ink.BANNER_ERROR, c("#490202"));
        d.put(Ink.BANNER_ERROR_EDGE, c("#f85149"));
        d.put(Ink.TOGGLE_EDGE, c("#6e7681"));
        d.put(Ink.TRACK, c("#6e7681"));
        d.put(Ink.TRACK_SET, c("#3fb950"));
        d.put(Ink.KNOB, c("#f0f6fc"));
        d.put(Ink.KNOB_EDGE, c("#01040980"));
        d.put(Ink.LANE_NAME_DONE, c("#9da7b3"));
        d.put(Ink.STATUS, c("#010409"));
        d.put(Ink.STATUS_TEXT, c("#e6edf3"));
        d.put(Ink.STATUS_STRONG, c("#f2cc60"));
        d.put(Ink.CODE_TEXT, c("#f0f6fc"));
        d.put(Ink.CODE_NUMBER, c("#8b949e"));
        d.put(Ink.BADGE_TEXT, c("#0d1117"));
        d.put(Ink.BADGE_MORE, c("#8b949e"));
        d.put(Ink.CODE_KEYWORD, c("#ff7b72"));
        d.put(Ink.CODE_DEFINITION, c("#d2a8ff"));
        d.put(Ink.CODE_BUILTIN, c("#79c0ff"));
        d.put(Ink.CODE_STRING, c("#a5d6ff"));
        d.put(Ink.CODE_LITERAL, c("#ffa657"));
        d.put(Ink.CODE_COMMENT, c("#8b949e"));
        d.put(Ink.CODE_DECORATOR, c("#e3b341"));
        d.put(Ink.CODE_PROBLEM, c("#f85149"));
        d.put(Ink.CONSOLE_ERROR, c("#ff7b72"));
        d.put(Ink.KEY_CAP, c("#21262d"));
        d.put(Ink.OVERLAY, Color.rgb(1, 4, 9, 0.7));
        d.put(Ink.STRIPE, c("#161b22"));
        d.put(Ink.HIGHLIGHT, c("#3b2e0a"));
        d.put(Ink.SELECTION_EDGE, c("#e3b341"));
        d.put(Ink.RULER, c("#1c2129"));
        d.put(Ink.RULER_LINE, c("#8b949e"));
        d.put(Ink.BAND, Color.rgb(121, 192, 255, 0.07));
        d.put(Ink.BAND_RULER, Color.rgb(121, 192, 255, 0.18));
        d.put(Ink.BAND_EDGE, Color.rgb(121, 192, 255, 0.8));
        d.put(Ink.ARROW, c("#ff7b72"));
        d.put(Ink.HALO, Color.rgb(13, 17, 23, 0.85));
        d.put(Ink.MARK_PAPER, c("#0d1117"));
        d.put(Ink.MARK_INK, c("#e6edf3"));
        d.put(Ink.CLEAR, c("#79c0ff"));
        d.put(Ink.POLL_TRUE, c("#3fb950"));
        d.put(Ink.CANCEL, c("#f0883e"));
        d.put(Ink.CANCEL_TEXT, c("#ffa657"));
        d.put(Ink.FAIL, c("#ff7b72"));
        d.put(Ink.LATENCY, c("#d2a8ff"));
        d.put(Ink.LATENCY_AT_ONCE, c("#56d364"));
        d.put(Ink.PLAYHEAD, c("#ff5c57"));
        d.put(Ink.RUNNING_EDGE, c("#aff5b4"));
        d.put(Ink.IDLE, c("#161b22"));
        d.put(Ink.IDLE_EDGE, c("#8b949e"));
        Map<TaskState, Color[]> ds = new EnumMap<>(TaskState.class);
        ds.put(TaskState.READY, state("#e3b341", "#0d1117", ink(0.0, 0.7), "#e3b341"));
        ds.put(TaskState.RUNNING, state("#3fb950", "#0d1117", null, "#56d364"));
        ds.put(TaskState.WAITING, state("#58a6ff", "#0d1117", ink(0.0, 0.7), "#79c0ff"));
        ds.put(TaskState.SLEEPING, state("#bc8cff", "#0d1117", ink(0.0, 0.7), "#d2a8ff"));
        ds.put(TaskState.DONE, state("#7d8590", "#9da7b3", null, "#9da7b3"));
        ds.put(TaskState.CANCELLED, state("#f0f6fc", "#9da7b3", null, "#9da7b3"));
        ds.put(TaskState.FAILED, state("#ffa198", "#ffa198", null, "#ffa198"));
        Color[] dt = {c("#ffa657"), c("#58a6ff"), c("#f778ba"), c("#39c5cf"), c("#bc8cff"), c("#e3b341"),
            c("#ff7b72"), c("#79c0ff")};
        DARK = new Palette("dark", d, ds, dt, 0.72, 0.5);

        Map<Ink, Color> h = new EnumMap<>(Ink.class);
        h.put(Ink.BACKGROUND, c("#ffffff"));
        h.put(Ink.SURFACE, c("#ffffff"));
        h.put(Ink.TEXT, c("#000000"));
        h.put(Ink.MUTED_TEXT, c("#2b2b2b"));
        h.put(Ink.BORDER, c("#000000"));
        h.put(Ink.CONTROL, c("#ffffff"));
        h.put(Ink.CONTROL_EDGE, c("#000000"));
        h.put(Ink.TOOLBAR, c("#ffffff"));
        h.put(Ink.TOOLBAR_BORDER, c("#000000"));
        h.put(Ink.ACCENT, c("#0000c8"));
        h.put(Ink.ON_ACCENT, c("#ffffff"));
        h.put(Ink.FOCUS, c("#c80064"));
        h.put(Ink.BANNER, c("#ffffff"));
        h.put(Ink.BANNER_TEXT, c("#000000"));
        h.put(Ink.BANNER_ERROR, c("#ffffff"));
        h.put(Ink.BANNER_ERROR_EDGE, c("#b00000"));
        h.put(Ink.TOGGLE_EDGE, c("#000000"));
        h.put(Ink.TRACK, c("#5c5c5c"));
        h.put(Ink.TRACK_SET, c("#006b1f"));
        h.put(Ink.KNOB, c("#ffffff"));
        h.put(Ink.KNOB_EDGE, c("#000000"));
        h.put(Ink.LANE_NAME_DONE, c("#3d3d3d"));
        h.put(Ink.STATUS, c("#000000"));
        h.put(Ink.STATUS_TEXT, c("#ffffff"));
        h.put(Ink.STATUS_STRONG, c("#ffe600"));
        h.put(Ink.CODE_TEXT, c("#000000"));
        h.put(Ink.CODE_NUMBER, c("#3d3d3d"));
        h.put(Ink.BADGE_TEXT, c("#ffffff"));
        h.put(Ink.BADGE_MORE, c("#000000"));
        h.put(Ink.CODE_KEYWORD, c("#4a0072"));
        h.put(Ink.CODE_DEFINITION, c("#00297a"));
        h.put(Ink.CODE_BUILTIN, c("#003d4d"));
        h.put(Ink.CODE_STRING, c("#0b3d12"));
        h.put(Ink.CODE_LITERAL, c("#5c1a00"));
        h.put(Ink.CODE_COMMENT, c("#333333"));
        h.put(Ink.CODE_DECORATOR, c("#4d3000"));
        h.put(Ink.CODE_PROBLEM, c("#a00000"));
        h.put(Ink.CONSOLE_ERROR, c("#b00000"));
        h.put(Ink.KEY_CAP, c("#ffffff"));
        h.put(Ink.OVERLAY, Color.rgb(0, 0, 0, 0.6));
        h.put(Ink.STRIPE, c("#f0f0f0"));
        h.put(Ink.HIGHLIGHT, c("#fff27a"));
        h.put(Ink.SELECTION_EDGE, c("#000000"));
        h.put(Ink.RULER, c("#ffffff"));
        h.put(Ink.RULER_LINE, c("#000000"));
        h.put(Ink.BAND, Color.rgb(0, 0, 160, 0.08));
        h.put(Ink.BAND_RULER, Color.rgb(0, 0, 160, 0.18));
        h.put(Ink.BAND_EDGE, c("#0000a0"));
        h.put(Ink.ARROW, c("#c00000"));
        h.put(Ink.HALO, c("#ffffff"));
        h.put(Ink.MARK_PAPER, c("#ffffff"));
        h.put(Ink.MARK_INK, c("#000000"));
        h.put(Ink.CLEAR, c("#0000c8"));
        h.put(Ink.POLL_TRUE, c("#006b1f"));
        h.put(Ink.CANCEL, c("#a34000"));
        h.put(Ink.CANCEL_TEXT, c("#8a3600"));
        h.put(Ink.FAIL, c("#c00000"));
        h.put(Ink.LATENCY, c("#5a00a0"));
        h.put(Ink.LATENCY_AT_ONCE, c("#006b1f"));
        h.put(Ink.PLAYHEAD, c("#e00000"));
        h.put(Ink.RUNNING_EDGE, c("#000000"));
        h.put(Ink.IDLE, c("#ffffff"));
        h.put(Ink.IDLE_EDGE, c("#000000"));
        Map<TaskState, Color[]> hs = new EnumMap<>(TaskState.class);
        hs.put(TaskState.READY, state("#8f5000", "#ffffff", ink(1.0, 0.6), "#6b3e00"));
        hs.put(TaskState.RUNNING, state("#006b1f", "#ffffff", null, "#005018"));
        hs.put(TaskState.WAITING, state("#0038b8", "#ffffff", ink(1.0, 0.6), "#0030a0"));
        hs.put(TaskState.SLEEPING, state("#5c1aa8", "#ffffff", ink(1.0, 0.6), "#5c1aa8"));
        hs.put(TaskState.DONE, state("#767676", "#000000", null, "#000000"));
        hs.put(TaskState.CANCELLED, state("#000000", "#000000", null, "#000000"));
        hs.put(TaskState.FAILED, state("#8b0000", "#8b0000", null, "#8b0000"));
        Color[] ht = {c("#b34700"), c("#0050c8"), c("#a0005a"), c("#00706a"), c("#6a1fb5"), c("#7a5c00"),
            c("#c0003c"), c("#00529b")};
        CONTRAST = new Palette("contrast", h, hs, ht, 0.7, 0.45);
    }
}
