package dev.eventlanes.ui.code;

import dev.eventlanes.scene.TraceIndex;
import dev.eventlanes.ui.I18n;
import dev.eventlanes.ui.MainViewModel;
import dev.eventlanes.ui.Styles;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import javafx.application.Platform;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.OverrunStyle;
import javafx.scene.layout.Region;
import javafx.scene.paint.Color;

/**
 * The window's code panel: the program, read-only, with where each task is at the moment shown.
 * A line where tasks are is tinted in the first one's colour (the selected lane's, if it is
 * there, more strongly, with a bar of its full colour at the left edge), and each task gets a
 * badge in the gutter's badge column: as many as fit, then "+n". The column has one width for
 * the whole program (room for its longest lane name), so badges coming and going never move
 * the code. A step restyles only the lines a task left or reached.
 *
 * <p>The line a task has just reached is scrolled into view if it is out of it (while playing
 * and stepping); with a lane selected, its line is followed instead.
 */
public final class CodePanel extends CodeEditor {
    /** Characters of a lane's name a badge shows before it is cut short (the tooltip has it whole). */
    static final int BADGE_CHARS = 10;
    static final double BADGE_GAP = 3;

    private final I18n i18n;
    /** The lines shown, or null before the first program. */
    private List<String> lines;
    /** The marks of each line where something is (1-based line numbers). */
    private Map<Integer, LineMarks> marks = Map.of();
    /** The width of the badge column, the same on every line, and how many badges fit in it side by side. */
    private final DoubleProperty badgeWidth = new SimpleDoubleProperty(0);
    private int slots = 1;
    /** The narrowest a badge gets when several share the column: one letter of its name. */
    private double badgeMin;
    /** How many badges fit beside the count of the rest ("+12"), when not all fit. */
    private int besideCount;
    /** What the column was last measured for: the longest name, at the text size of then. */
    private String measuredFor = "";
    private String longestName = "main";
    private final Label probe = new Label();
    /** The tint colours in use, each a style class of the line's text (see {@link #tintClass}). */
    private final Set<String> tints = new LinkedHashSet<>();
    private String tintSheet;
    /** A line to bring into view once the area is laid out, and whether even if it is in view. */
    private int followLine;
    private boolean followAlways;
    private boolean followQueued;

    /**
     * What a line shows of the tasks there.
     *
     * @param markers  the tasks at the line, in lane order
     * @param selected the selected lane's task is here, or this is the line picked on its lane
     * @param lead     the task whose colour the line takes: the selected one if it is here, else the first
     */
    record LineMarks(List<MainViewModel.Marker> markers, boolean selected, int lead) {
    }

    public CodePanel(I18n i18n) {
        super(false, true);
        this.i18n = i18n;
        area().setId("code");
        area().setFocusTraversable(false);
        // Measures a badge as the style sheet draws it in a line: at the code's size.
        probe.getStyleClass().add(Styles.CODE_BADGE);
        sizer().getChildren().add(probe);
        probe.sceneProperty().addListener((o, a, b) -> {
            if (b != null) {
                invalidateGutter();
            }
        });
        area().widthProperty().addListener((o, a, b) -> measure());
        decorations();
    }

    /** Measures the badge column again at the next {@link #show} (the window's zoom or language changed). */
    public void invalidateGutter() {
        measuredFor = "";
        measure();
    }

    @Override
    protected void textSizeChanged() {
        if (probe != null) {
            invalidateGutter();
        }
    }

    /**
     * Shows the code and where each task is in it.
     *
     * @param code          the lines
     * @param markers       where each task is
     * @param lanes         the run's lanes (for the badge column's width: the longest name)
     * @param selectedTask  the selected lane's task, or -1
     * @param pickedRow     the 1-based line of what was picked on the selected lane, or 0
     */
    public void show(List<String> code, List<MainViewModel.Marker> markers, List<TraceIndex.Lane> lanes,
                     int selectedTask, int pickedRow) {
        longest(lanes);
        measure();
        if (!code.equals(lines)) {
            lines = List.copyOf(code);
            marks = Map.of();
            setText(String.join("\n", lines));
            if (topLine > 0) {
                area().showParagraphAtTop(Math.min(topLine, lines.size() - 1));
            }
        }
        Map<Integer, List<MainViewModel.Marker>> at = new LinkedHashMap<>();
        for (MainViewModel.Marker m : markers) {
            at.computeIfAbsent(m.line(), x -> new ArrayList<>()).add(m);
        }
        Map<Integer, LineMarks> now = new LinkedHashMap<>();
        for (Map.Entry<Integer, List<MainViewModel.Marker>> e : at.entrySet()) {
            boolean sel = pickedRow > 0 ? pickedRow == e.getKey() : false;
            int lead = e.getValue().get(0).task();
            for (MainViewModel.Marker m : e.getValue()) {
                if (m.task() == selectedTask) {
                    sel |= pickedRow <= 0;
                    lead = m.task();
                }
            }
            now.put(e.getKey(), new LineMarks(List.copyOf(e.getValue()), sel, lead));
        }
        if (pickedRow > 0 && !now.containsKey(pickedRow)) {
            now.put(pickedRow, new LineMarks(List.of(), true, -1));
        }
        if (now.equals(marks)) {
            return;
        }
        Map<Integer, LineMarks> was = marks;
        marks = now;
        Set<Integer> changed = new HashSet<>(was.keySet());
        changed.addAll(now.keySet());
        int count = area().getParagraphs().size();
        for (int line : changed) {
            if (Objects.equals(was.get(line), now.get(line)) || line < 1 || line > count) {
                continue;
            }
            Collection<String> style = paragraphStyle(now.get(line));
            if (!style.equals(area().getParagraph(line - 1).getParagraphStyle())) {
                area().setParagraphStyle(line - 1, style);
            }
            refreshGutter(line);
        }
        follow(was, now, selectedTask);
    }

    /**
     * What to bring into view after a change: the selected lane's line; else the line a task has
     * just reached (the first, in lane order), if it is out of view.
     */
    private void follow(Map<Integer, LineMarks> was, Map<Integer, LineMarks> now, int selectedTask) {
        int target = 0;
        for (Map.Entry<Integer, LineMarks> e : now.entrySet()) {
            for (MainViewModel.Marker m : e.getValue().markers()) {
                if (m.task() == selectedTask) {
                    target = e.getKey();
                }
            }
        }
        if (target == 0 && selectedTask < 0) {
            for (Map.Entry<Integer, LineMarks> e : now.entrySet()) {
                LineMarks before = was.get(e.getKey());
                boolean reached = e.getValue().markers().stream().anyMatch(m -> before == null || !before.markers().contains(m));
                if (reached && !e.getValue().markers().isEmpty()) {
                    target = e.getKey();
                    break;
                }
            }
        }
        if (target > 0) {
            followLater(target, false);
        }
    }

    /** Brings the line of the selected lane's task into view, at once (the lane was just selected). */
    public void revealTask(List<MainViewModel.Marker> markers, int task) {
        for (MainViewModel.Marker m : markers) {
            if (m.task() == task) {
                followLater(m.line(), true);
                return;
            }
        }
    }

    /** Brings a line into view, a few lines below the top (what was picked on a lane is there). */
    public void revealLine(int line) {
        followLater(line, true);
    }

    /**
     * Another program opened: this 0-based line at the top (past a lesson's notes), once its text
     * is in (the next {@link #show}).
     */
    public void scrollToTop(int line) {
        followLine = 0;
        topLine = Math.max(0, line);
        area().showParagraphAtTop(topLine);
    }

    /** The line {@link #scrollToTop} asked for, shown again once the text it is in is put in. */
    private int topLine;

    /**
     * The tints and badges drawn again in the colours of the theme now in use (a theme switch:
     * {@link Styles#lineTint} and {@link Styles#badgeColor} follow it).
     */
    public void restyle() {
        Map<Integer, LineMarks> now = marks;
        marks = Map.of();
        int count = area().getParagraphs().size();
        for (Map.Entry<Integer, LineMarks> e : now.entrySet()) {
            if (e.getKey() <= count) {
                area().setParagraphStyle(e.getKey() - 1, paragraphStyle(e.getValue()));
            }
        }
        marks = now;
        refreshGutters();
    }

    /**
     * Brings a line into view once the area has been laid out: before that, which lines are in
     * view is not known yet (a program just opened, its text just put in).
     */
    private void followLater(int line, boolean always) {
        followLine = line;
        followAlways |= always;
        Scene scene = getScene();
        if (scene == null || followQueued) {
            if (scene == null && !followQueued) {
                followQueued = true;
                sceneProperty().addListener(new javafx.beans.InvalidationListener() {
                    @Override
                    public void invalidated(javafx.beans.Observable o) {
                        if (getScene() != null) {
                            sceneProperty().removeListener(this);
                            followQueued = false;
                            followLater(followLine, followAlways);
                        }
                    }
                });
            }
            return;
        }
        followQueued = true;
        scene.addPostLayoutPulseListener(followNow);
        Platform.requestNextPulse();
    }

    private final Runnable followNow = new Runnable() {
        @Override
        public void run() {
            Scene scene = getScene();
            if (scene != null) {
                scene.removePostLayoutPulseListener(this);
            }
            followQueued = false;
            int line = followLine;
            boolean always = followAlways;
            followLine = 0;
            followAlways = false;
            int count = area().getParagraphs().size();
            if (line < 1 || line > count) {
                return;
            }
            if (always) {
                area().showParagraphAtTop(Math.max(0, line - 4));
            } else if (!lineInView(line)) {
                // As little as will do, so that what was in view mostly stays (another task's
                // line): from below, the line comes in at the bottom with one to spare.
                boolean below = !area().getVisibleParagraphs().isEmpty() && line - 1 >= area().lastVisibleParToAllParIndex();
                if (below) {
                    area().showParagraphAtBottom(Math.min(count - 1, line));
                } else {
                    area().showParagraphAtTop(Math.max(0, line - 2));
                }
            }
        }
    };

    /** Whether a line is in view, with a line to spare at each edge (the first and last line need none). */
    public boolean lineInView(int line) {
        if (area().getVisibleParagraphs().isEmpty()) {
            return false;
        }
        int first = area().firstVisibleParToAllParIndex();
        int last = area().lastVisibleParToAllParIndex();
        int i = line - 1;
        int end = area().getParagraphs().size() - 1;
        return (i > first || first == 0 && i == 0) && (i < last || last == end && i == end);
    }

    // ------------------------------------------------------------------ tints

    private Collection<String> paragraphStyle(LineMarks m) {
        if (m == null) {
            return List.of();
        }
        if (m.markers().isEmpty()) {
            return m.selected() ? List.of(PICKED_LINE) : List.of();
        }
        String tint = tintClass(Styles.lineTint(m.lead(), m.selected()));
        return m.selected() ? List.of(CodeStyles.MARKED_LINE, CodeStyles.SELECTED_LINE, tint)
                : List.of(CodeStyles.MARKED_LINE, tint);
    }

    /** A line picked on a lane where no task is now: a neutral tint. */
    static final String PICKED_LINE = "picked-line";

    /**
     * The style class that tints a line's text in a colour: {@code tint-rrggbb}, defined in a
     * small style sheet of the area's own that lists the tints in use. The colours come from
     * {@link Styles#lineTint} (a line's text is styled by classes only).
     */
    private String tintClass(Color c) {
        String hex = Styles.web(c).substring(1);
        if (tints.add(hex)) {
            StringBuilder css = new StringBuilder();
            for (String h : tints) {
                css.append(".paragraph-text.tint-").append(h).append(" { -fx-background-color: #").append(h).append("; }\n");
            }
            String url = "data:text/css;base64," + Base64.getEncoder().encodeToString(css.toString().getBytes(StandardCharsets.UTF_8));
            if (tintSheet != null) {
                area().getStylesheets().remove(tintSheet);
            }
            tintSheet = url;
            area().getStylesheets().add(url);
        }
        return "tint-" + hex;
    }

    /**
     * A marked line's gutter: its task's colour, light enough to read over, as on the text;
     * for the selected lane stronger, with a bar of the full colour at the left edge.
     * Backgrounds only: a border would push the code right.
     */
    static String gutterStyle(int task, boolean selected) {
        String tint = Styles.web(Styles.lineTint(task, selected));
        return selected
                ? "-fx-background-color: " + Styles.web(Styles.taskColor(task)) + ", " + tint
                        + "; -fx-background-insets: 0, 0 0 0 0.3em;"
                : "-fx-background-color: " + tint + "; -fx-background-insets: 0;";
    }

    // ------------------------------------------------------------------ gutter

    private void longest(List<TraceIndex.Lane> lanes) {
        String longest = "";
        for (TraceIndex.Lane l : lanes) {
            if (l != null && l.name().length() > longest.length()) {
                longest = l.name().substring(0, Math.min(l.name().length(), BADGE_CHARS));
            }
        }
        longestName = longest.isEmpty() ? "main" : longest;
    }

    /**
     * Sizes the badge column for the longest lane name (up to {@link #BADGE_CHARS} characters)
     * as the style sheet draws it at the code's size. Several tasks at one line share the column,
     * each badge cut down to as few as one letter on its own colour; as many as fit that way,
     * then a count of the rest.
     */
    private void measure() {
        String key = longestName + "|" + Math.round(area().getWidth() / WIDTH_STEP);
        if (key.equals(measuredFor) || probe.getScene() == null) {
            return;
        }
        probe.setText(longestName);
        probe.applyCss();
        double one = probe.prefWidth(-1);
        if (one <= 0) {
            // Not styled yet: measured at a later show.
            return;
        }
        measuredFor = key;
        probe.setText("W");
        badgeMin = Math.ceil(probe.prefWidth(-1));
        probe.setText("+99");
        double count = Math.ceil(probe.prefWidth(-1));
        // Room for the longest name, and for three tasks at one line, a letter each at least; in a
        // narrow panel (1024 wide) no more than a share of its width, the code needs it more
        // (a long name then ends in "…", whole in the tooltip).
        double least = 3 * badgeMin + 2 * BADGE_GAP;
        double most = area().getWidth() > 0 ? Math.max(least, Math.floor(area().getWidth() * MOST_OF_WIDTH)) : Double.MAX_VALUE;
        double w = Math.min(most, Math.max(Math.ceil(one), least));
        slots = Math.max(1, (int) ((w + BADGE_GAP) / (badgeMin + BADGE_GAP)));
        besideCount = Math.max(0, (int) ((w - count) / (badgeMin + BADGE_GAP)));
        badgeWidth.set(w);
        refreshGutters();
    }

    /** The most of the panel's width the badge column takes. */
    static final double MOST_OF_WIDTH = 0.2;
    /** The panel's width is told apart in steps of this much for the badge column (no measuring on every pixel of a resize). */
    private static final double WIDTH_STEP = 16;

    /** The badge column's width now (tests). */
    public double badgeColumnWidth() {
        return badgeWidth.get();
    }

    @Override
    protected void decorate(Gutter g) {
        if (!g.badges.prefWidthProperty().isBound()) {
            g.badges.minWidthProperty().bind(badgeWidth);
            g.badges.prefWidthProperty().bind(badgeWidth);
            g.badges.maxWidthProperty().bind(badgeWidth);
        }
        g.badges.getChildren().clear();
        LineMarks m = marks.get(g.line);
        String text = g.line <= area().getParagraphs().size() ? area().getParagraph(g.line - 1).getText() : "";
        g.pseudoClassStateChanged(CodeStyles.MARKED, m != null && !m.markers().isEmpty());
        g.pseudoClassStateChanged(CodeStyles.SELECTED, m != null && m.selected());
        if (m == null || m.markers().isEmpty()) {
            g.setStyle(null);
            g.tip = null;
            g.setAccessibleText(i18n.get("problem.line", g.line, text));
            return;
        }
        List<MainViewModel.Marker> ms = m.markers();
        g.setStyle(gutterStyle(m.lead(), m.selected()));
        int shown = ms.size() <= slots ? ms.size() : besideCount;
        List<String> words = new ArrayList<>();
        for (int i = 0; i < ms.size(); i++) {
            MainViewModel.Marker k = ms.get(i);
            words.add(k.idle() ? i18n.get("code.marker.idle", k.name(), i18n.get("state.WAITING.idle"))
                    : i18n.get("code.marker", k.name()));
            if (i < shown) {
                Label badge = new Label(k.name());
                badge.getStyleClass().add(Styles.CODE_BADGE);
                badge.setStyle("-fx-background-color: " + Styles.web(Styles.badgeColor(k.task())) + ";");
                // Alone, a long name ends in "…"; sharing the column, a badge keeps the letters
                // it has room for (the colour and the tooltip tell the rest).
                badge.setTextOverrun(ms.size() == 1 ? OverrunStyle.ELLIPSIS : OverrunStyle.CLIP);
                badge.setMinWidth(badgeMin);
                g.badges.getChildren().add(badge);
            }
        }
        if (shown < ms.size()) {
            Label more = new Label("+" + (ms.size() - shown));
            more.getStyleClass().addAll(Styles.CODE_BADGE, Styles.CODE_BADGE_MORE);
            more.setMinWidth(Region.USE_PREF_SIZE);
            g.badges.getChildren().add(more);
            words.add(i18n.get("code.marker.more", ms.size() - shown));
        }
        g.tip = String.join("\n", words.subList(0, Math.min(words.size(), 12)));
        g.setAccessibleText(i18n.get("problem.line", g.line, text) + ". " + String.join(". ", words));
    }
}
