package dev.eventlanes.ui;

import dev.eventlanes.model.TaskState;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import javafx.css.PseudoClass;
import javafx.scene.paint.Color;

/**
 * Every CSS class and pseudo-class name the window uses, in one place, and the colours of the
 * theme in use that the window sets by code (see {@link Palette}). Controls only flip
 * pseudo-classes; {@code css/event-lanes.css} decides how each state looks.
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

    /** The window's colour in the theme in use: the scene's fill (see MainView.clearCoveredBackgrounds). */
    public static Color windowBackground() {
        return Theme.current().palette().get(Palette.Ink.BACKGROUND);
    }

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

    /** A task's colour in the theme in use: its chip beside its lane's name, its line and badge in the code. */
    public static Color taskColor(int task) {
        return Theme.current().palette().task(task);
    }

    /**
     * A task's colour for the background of the code line it is at, in the theme in use: faded
     * into the code's background so the code reads over it; {@code strong}, for the selected
     * lane, less faded (see {@link Palette#lineTint}).
     */
    public static Color lineTint(int task, boolean strong) {
        return Theme.current().palette().lineTint(task, strong);
    }

    /** A task's colour for its badge, moved where needed so the badge's words on it have a contrast of 4.5:1. */
    public static Color badgeColor(int task) {
        return Theme.current().palette().badge(task);
    }

    /** The WCAG contrast ratio of two colours (1 to 21). */
    public static double contrast(Color a, Color b) {
        return Palette.contrast(a, b);
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
