package dev.eventlanes.ui;

import dev.eventlanes.model.TaskState;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.scene.paint.Color;

/**
 * Every CSS class and pseudo-class name the window uses, and the lane palette the canvas draws
 * with, in one place. Controls only flip pseudo-classes; {@code css/event-lanes.css} decides how
 * each state looks.
 */
public final class Styles {
    private Styles() {
    }

    public static final String ROOT = "event-lanes";
    public static final String TOOLBAR = "el-toolbar";
    public static final String LANE_HEADER = "lane-header";
    public static final String LANE_NAME = "lane-name";
    /** A lane header's name and state, which carry the task state's pseudo-class. */
    public static final String LANE_TEXTS = "lane-texts";
    public static final String LANE_STATE = "lane-state";
    public static final String EVENT_TOGGLE = "event-toggle";
    /** The events row's words while the program has made no event yet. */
    public static final String EVENTS_NONE = "events-none";
    public static final String BANNER = "banner";
    public static final String CONSOLE = "console";
    public static final String CONSOLE_ERROR = "console-error";
    public static final String CODE_PANEL = "code-panel";
    public static final String CODE_LINE = "code-line";
    /** The code panel's badge column, the same width on every line. */
    public static final String CODE_GUTTER = "code-gutter";
    public static final String CODE_NUMBER = "code-number";
    /** A task's badge in the code panel: its name on its colour. */
    public static final String CODE_BADGE = "code-badge";
    /** The badge that counts the tasks at a line beyond those the column has room for ("+3"). */
    public static final String CODE_BADGE_MORE = "code-badge-more";
    public static final String STATUS_BAR = "status-bar";
    public static final String SENTENCE = "sentence";

    /** The window's colour: the scene's fill (see MainView.clearCoveredBackgrounds), as the CSS has it for dialogs. */
    public static final Color WINDOW_BACKGROUND = Color.web("#fbfbfd");

    public static final PseudoClass READY = PseudoClass.getPseudoClass("ready");
    public static final PseudoClass RUNNING = PseudoClass.getPseudoClass("running");
    public static final PseudoClass WAITING = PseudoClass.getPseudoClass("waiting");
    public static final PseudoClass SLEEPING = PseudoClass.getPseudoClass("sleeping");
    public static final PseudoClass DONE = PseudoClass.getPseudoClass("done");
    public static final PseudoClass CANCELLED = PseudoClass.getPseudoClass("cancelled");
    public static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");
    public static final PseudoClass SET = PseudoClass.getPseudoClass("set");
    public static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    public static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");
    public static final PseudoClass REFUSED = PseudoClass.getPseudoClass("refused");

    /** The pseudo-class for a task state. */
    public static PseudoClass of(TaskState s) {
        return switch (s) {
            case READY -> READY;
            case RUNNING -> RUNNING;
            case WAITING -> WAITING;
            case SLEEPING -> SLEEPING;
            case DONE -> DONE;
            case CANCELLED -> CANCELLED;
            case FAILED -> FAILED;
        };
    }

    /** Flips the state pseudo-classes of a node so exactly {@code s} is on (none if null). */
    public static void applyState(javafx.scene.Node n, TaskState s) {
        for (TaskState t : STATES) {
            n.pseudoClassStateChanged(of(t), t == s);
        }
    }

    /**
     * Only {@code :done} or {@code :cancelled} of the states, on n (a lane's name, greyed once its
     * task has finished): the other states do not restyle it.
     */
    public static void applyFinished(javafx.scene.Node n, TaskState s) {
        n.pseudoClassStateChanged(of(TaskState.DONE), s == TaskState.DONE);
        n.pseudoClassStateChanged(of(TaskState.CANCELLED), s == TaskState.CANCELLED);
    }

    private static final TaskState[] STATES = TaskState.values();

    /** Lane fill per state for the canvas (the canvas cannot read CSS); patterns add the rest. */
    public static Color laneColor(TaskState s) {
        return switch (s) {
            case READY -> Color.web("#f2c14e");
            case RUNNING -> Color.web("#2e9e5b");
            case WAITING -> Color.web("#3f7fd6");
            case SLEEPING -> Color.web("#9b7fd1");
            case DONE -> Color.web("#c9ced6");
            case CANCELLED -> Color.web("#8a8f98");
            case FAILED -> Color.web("#d64545");
        };
    }

    /** Task colours for code-panel markers and lane name chips, by task id. */
    private static final Color[] TASK_COLORS = {
        Color.web("#e07a1f"), Color.web("#1f8fe0"), Color.web("#c2368f"), Color.web("#2aa198"),
        Color.web("#8c5cd6"), Color.web("#b58900"), Color.web("#d33682"), Color.web("#268bd2"),
    };

    public static Color taskColor(int task) {
        return TASK_COLORS[Math.floorMod(task, TASK_COLORS.length)];
    }

    /**
     * A task's colour for the background of the code line it is at: light enough that the code
     * reads over it (dark text keeps a contrast of at least 7:1); {@code strong}, for the selected
     * lane, is deeper (at least 4.5:1).
     */
    public static Color lineTint(int task, boolean strong) {
        return taskColor(task).interpolate(Color.WHITE, strong ? 0.62 : 0.82);
    }

    /** A task's colour for its badge, darkened where needed so white text on it has a contrast of 4.5:1. */
    public static Color badgeColor(int task) {
        Color c = taskColor(task);
        for (int i = 0; i < 20 && contrast(Color.WHITE, c) < 4.5; i++) {
            c = c.deriveColor(0, 1, 0.92, 1);
        }
        return c;
    }

    /** The WCAG contrast ratio of two colours (1 to 21). */
    public static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        return 0.2126 * linear(c.getRed()) + 0.7152 * linear(c.getGreen()) + 0.0722 * linear(c.getBlue());
    }

    private static double linear(double v) {
        return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }

    public static String web(Color c) {
        return String.format("#%02x%02x%02x", (int) Math.round(c.getRed() * 255),
                (int) Math.round(c.getGreen() * 255), (int) Math.round(c.getBlue() * 255));
    }

    /**
     * Families that draw Chinese in bold as well as regular, most wanted first (Linux, then
     * Windows and macOS). The window's font (DejaVu Sans, or the system's) has no Chinese, and
     * JavaFX draws Chinese from a fallback font in its regular face: bold titles, names and
     * banners came out regular under 中文.
     */
    static final List<String> CHINESE_FAMILIES = List.of("Noto Sans CJK SC", "Source Han Sans SC",
            "Source Han Sans CN", "Noto Sans SC", "Microsoft YaHei", "PingFang SC");

    /** The font family for the interface in language l, of those installed; null: the style sheet's. */
    static String uiFamily(Locale l, Collection<String> installed) {
        if (!"zh".equals(l.getLanguage())) {
            return null;
        }
        for (String f : CHINESE_FAMILIES) {
            if (installed.contains(f)) {
                return f;
            }
        }
        return null;
    }

    private static List<String> installed;

    /** As {@link #uiFamily(Locale, Collection)}, with the fonts of this machine (listed once, and only for Chinese). */
    public static String uiFamily(Locale l) {
        if (!"zh".equals(l.getLanguage())) {
            return null;
        }
        if (installed == null) {
            installed = javafx.scene.text.Font.getFamilies();
        }
        return uiFamily(l, installed);
    }
}
