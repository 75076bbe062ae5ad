package dev.eventlanes.ui.code;

import dev.eventlanes.python.syntax.Highlighter;
import dev.eventlanes.ui.program.ProgramSource;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.WeakHashMap;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Pane;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import org.fxmisc.flowless.VirtualizedScrollPane;
import org.fxmisc.richtext.Caret;
import org.fxmisc.richtext.CodeArea;
import org.fxmisc.richtext.model.StyleSpans;
import org.fxmisc.richtext.model.StyleSpansBuilder;
import org.fxmisc.richtext.util.UndoUtils;

/**
 * A program's text as a code component (RichTextFX's {@link CodeArea}): Python coloured by the
 * project's own scanner ({@link Highlighter}), soft wrap, and in front of each line a gutter
 * with its number (once, however many rows the line wraps into). The gutter has one width on
 * every line, so the code starts at the same x on every line; what a subclass puts in it
 * ({@link #decorate}) must keep to that width.
 *
 * <p>Read-only (the code panel, {@link CodePanel}) or editable (the paste editor): the editable
 * one marks a program's problems with a wavy line under the text and a sign in the gutter
 * ({@link #setProblems}), until the text is edited.
 *
 * <p>Its text has its own size, {@link #textScaleProperty() textScale} times the size code had
 * in the old list (0.85 em of the window's text), so it follows the window's zoom too.
 */
public class CodeEditor extends StackPane {
    /** The text sizes the code keys step through (Ctrl+Shift+= and Ctrl+Shift+-). */
    public static final double[] TEXT_STEPS = {0.6, 0.7, 0.8, 0.9, 1.0, 1.15, 1.3, 1.5, 1.75, 2.0, 2.5, 3.0};
    public static final double MIN_TEXT = TEXT_STEPS[0];
    public static final double MAX_TEXT = TEXT_STEPS[TEXT_STEPS.length - 1];
    /** Code at scale 1, in em of the window's text. */
    static final double BASE_EM = 0.85;

    private final CodeArea area = new CodeArea();
    private final VirtualizedScrollPane<CodeArea> scroll;
    private final boolean editable;
    private final DoubleProperty textScale = new SimpleDoubleProperty(1);
    /** The gutters made for lines on show (the area makes one per line it shows and drops it later). */
    private final Set<Gutter> gutters = Collections.newSetFromMap(new WeakHashMap<>());
    /** Stand-ins at the code's size, for measuring what the gutter shows (see {@link #sizer()}). */
    private final Pane sizer = new Pane();
    private boolean python = true;
    private List<ProgramSource.Problem> problems = List.of();
    /** Digits of the line numbers: one width for all of them. */
    private int digits = 2;
    /** Whether {@link #decorate} may be called: not before a subclass is built (see {@link #decorations}). */
    private boolean decorating;

    /** An editor whose gutters are only numbered (and marked with problems). */
    public CodeEditor(boolean editable) {
        this(editable, false);
    }

    /**
     * @param decorated true for a subclass that decorates gutters: it calls {@link #decorations}
     *     at the end of its constructor, once its own fields are there
     */
    protected CodeEditor(boolean editable, boolean decorated) {
        this.editable = editable;
        this.decorating = !decorated;
        getStyleClass().add(CodeStyles.CODE_VIEW);
        area.setEditable(editable);
        area.setWrapText(true);
        if (!editable) {
            // Shown code is replaced, never typed: nothing to undo, no caret to blink.
            area.setUndoManager(UndoUtils.noOpUndoManager());
            area.setShowCaret(Caret.CaretVisibility.OFF);
        }
        area.setParagraphGraphicFactory(this::gutter);
        scroll = new VirtualizedScrollPane<>(area);
        sizer.setManaged(false);
        sizer.setVisible(false);
        sizer.setMouseTransparent(true);
        // The stand-ins last: a lookup of a badge or a number finds a line's first.
        getChildren().addAll(scroll, sizer);
        textScale.addListener((o, a, b) -> applyTextSize());
        applyTextSize();
        if (editable) {
            area.plainTextChanges().subscribe(change -> {
                // Edited: the problems found in the text that ran may no longer be where they were.
                boolean hadProblems = !problems.isEmpty();
                problems = List.of();
                numberDigits();
                highlight();
                if (hadProblems) {
                    refreshGutters();
                }
            });
        }
    }

    /** The RichTextFX area itself (tests and the dialog's focus). */
    public CodeArea area() {
        return area;
    }

    /** What a screen reader says the code is ("Code"). */
    public void setAccessibleWords(String words) {
        area.setAccessibleText(words);
    }

    public DoubleProperty textScaleProperty() {
        return textScale;
    }

    /** The next bigger text size (Ctrl+Shift+=). */
    public void textBigger() {
        for (double z : TEXT_STEPS) {
            if (z > textScale.get() + 1e-9) {
                textScale.set(z);
                return;
            }
        }
    }

    /** The next smaller text size (Ctrl+Shift+-). */
    public void textSmaller() {
        for (int i = TEXT_STEPS.length - 1; i >= 0; i--) {
            if (TEXT_STEPS[i] < textScale.get() - 1e-9) {
                textScale.set(TEXT_STEPS[i]);
                return;
            }
        }
    }

    /** The code's own text size again (Ctrl+Shift+0). */
    public void textNormal() {
        textScale.set(1);
    }

    /** Python colours on (a program) or off (a scenario's JSON). */
    public void setPython(boolean python) {
        if (this.python != python) {
            this.python = python;
            highlight();
        }
    }

    /** Shows this text from its first line, coloured; problems marked before are dropped. */
    public void setText(String text) {
        problems = List.of();
        area.replaceText(text);
        if (!editable) {
            numberDigits();
            highlight();
        }
        area.moveTo(0);
        area.showParagraphAtTop(0);
    }

    public String getText() {
        return area.getText();
    }

    /**
     * Marks problems in the text: a wavy line under each one's place (the word at its column; the
     * line's text when the column is not known) and a sign in its line's gutter, whose tooltip
     * says what is wrong. Problems without a line are only listed by whoever shows them.
     */
    public void setProblems(List<ProgramSource.Problem> list) {
        problems = List.copyOf(list);
        highlight();
        refreshGutters();
    }

    public List<ProgramSource.Problem> problems() {
        return problems;
    }

    /** Puts the caret at a problem, scrolls to it and gives the area the focus. */
    public void goTo(ProgramSource.Problem p) {
        if (p.line() < 1 || area.getParagraphs().isEmpty()) {
            return;
        }
        int par = Math.min(p.line(), area.getParagraphs().size()) - 1;
        String text = area.getParagraph(par).getText();
        int col = p.column() >= 0 ? Math.min(p.column(), text.length()) : firstNonBlank(text);
        area.moveTo(par, col);
        area.requestFocus();
        area.showParagraphInViewport(par);
        area.requestFollowCaret();
    }

    private static int firstNonBlank(String s) {
        int i = 0;
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        return i == s.length() ? 0 : i;
    }

    // ------------------------------------------------------------------ colours

    private static final Collection<String> PLAIN = List.of();

    /** Colours the whole text anew, with the problems' wavy lines. */
    protected final void highlight() {
        String text = area.getText();
        List<Highlighter.Span> spans = python ? Highlighter.spans(text) : List.of();
        area.setStyleSpans(0, styleSpans(text, spans, problemRanges(text)));
    }

    /**
     * The area's style spans: the syntax classes, plus {@link CodeStyles#PROBLEM} where a problem
     * is; they cover the text exactly.
     */
    static StyleSpans<Collection<String>> styleSpans(String text, List<Highlighter.Span> spans, List<int[]> problemRanges) {
        int n = text.length();
        java.util.TreeSet<Integer> cuts = new java.util.TreeSet<>();
        cuts.add(0);
        cuts.add(n);
        for (Highlighter.Span s : spans) {
            cuts.add(Math.min(n, s.start()));
            cuts.add(Math.min(n, s.end()));
        }
        for (int[] r : problemRanges) {
            cuts.add(Math.min(n, r[0]));
            cuts.add(Math.min(n, r[1]));
        }
        StyleSpansBuilder<Collection<String>> b = new StyleSpansBuilder<>();
        if (n == 0) {
            b.add(PLAIN, 0);
            return b.create();
        }
        int si = 0;
        Integer prev = null;
        for (int cut : cuts) {
            if (prev != null && cut > prev) {
                int from = prev;
                while (si < spans.size() && spans.get(si).end() <= from) {
                    si++;
                }
                String syntax = si < spans.size() && spans.get(si).start() <= from ? CodeStyles.of(spans.get(si).kind()) : null;
                boolean problem = false;
                for (int[] r : problemRanges) {
                    problem |= r[0] <= from && from < r[1];
                }
                Collection<String> style = syntax == null ? (problem ? List.of(CodeStyles.PROBLEM) : PLAIN)
                        : problem ? List.of(syntax, CodeStyles.PROBLEM) : List.of(syntax);
                b.add(style, cut - from);
            }
            prev = cut;
        }
        return b.create();
    }

    /** Where each problem's wavy line goes: {@code [start, end)} offsets in the text. */
    private List<int[]> problemRanges(String text) {
        if (problems.isEmpty()) {
            return List.of();
        }
        List<int[]> out = new ArrayList<>();
        int[] starts = lineStarts(text);
        for (ProgramSource.Problem p : problems) {
            if (p.line() < 1 || p.line() > starts.length) {
                continue;
            }
            int from = starts[p.line() - 1];
            int to = p.line() < starts.length ? starts[p.line()] - 1 : text.length();
            int[] r = problemRange(text.substring(from, to), p.column());
            if (r != null) {
                out.add(new int[] {from + r[0], from + r[1]});
            }
        }
        return out;
    }

    /**
     * The stretch of a line a problem at a column is underlined in: the word (or the one sign)
     * at the column; past the end of the line, its last word; with no column, the line's text
     * without its indentation. Null for a blank line (its gutter still has the sign).
     */
    static int[] problemRange(String line, int column) {
        int end = line.length();
        while (end > 0 && Character.isWhitespace(line.charAt(end - 1))) {
            end--;
        }
        if (end == 0) {
            return null;
        }
        if (column < 0) {
            return new int[] {firstNonBlank(line), end};
        }
        int at = Math.min(column, end - 1);
        if (column >= end) {
            // Past the text ("expected ':'" at the end of a line): its last word.
            at = end - 1;
            int start = at;
            while (start > 0 && isWordChar(line.charAt(start - 1)) && isWordChar(line.charAt(at))) {
                start--;
            }
            return new int[] {start, end};
        }
        int stop = at + 1;
        // A word, or a decorator with its name.
        if (isWordChar(line.charAt(at)) || line.charAt(at) == '@') {
            while (stop < end && isWordChar(line.charAt(stop))) {
                stop++;
            }
        }
        return new int[] {at, stop};
    }

    private static boolean isWordChar(char c) {
        return c == '_' || Character.isLetterOrDigit(c);
    }

    private static int[] lineStarts(String text) {
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n') {
                starts.add(i + 1);
            }
        }
        return starts.stream().mapToInt(Integer::intValue).toArray();
    }

    // ------------------------------------------------------------------ size

    private void applyTextSize() {
        String style = String.format(Locale.ROOT, "-fx-font-size: %.3fem;", BASE_EM * textScale.get());
        area.setStyle(style);
        sizer.setStyle(style);
        textSizeChanged();
    }

    /** After the text size changed (the gutter's contents may need measuring again). */
    protected void textSizeChanged() {
    }

    /**
     * An invisible pane whose text has the code's size: a label put in it measures as it would
     * in a line's gutter (see {@link CodePanel}).
     */
    protected final Pane sizer() {
        return sizer;
    }

    // ------------------------------------------------------------------ gutter

    private void numberDigits() {
        int d = Math.max(2, String.valueOf(area.getParagraphs().size()).length());
        if (d != digits) {
            digits = d;
            refreshGutters();
        }
    }

    /** Fills every gutter on show again (a line's marks changed, or their width). */
    protected final void refreshGutters() {
        for (Gutter g : new ArrayList<>(gutters)) {
            if (g.getParent() != null) {
                fill(g);
            }
        }
    }

    /** Fills the gutter of one line again, if it is on show. */
    protected final void refreshGutter(int line) {
        for (Gutter g : new ArrayList<>(gutters)) {
            if (g.line == line && g.getParent() != null) {
                fill(g);
            }
        }
    }

    /** The gutter of a line, if it is on show (tests). */
    public final Gutter gutterOf(int line) {
        for (Gutter g : new ArrayList<>(gutters)) {
            if (g.line == line && g.getScene() != null && g.getParent() != null) {
                return g;
            }
        }
        return null;
    }

    /** The text of a line, as the area shows it beside its gutter, if it is on show (tests). */
    public final javafx.scene.text.TextFlow textOf(int line) {
        Gutter g = gutterOf(line);
        if (g == null) {
            return null;
        }
        for (javafx.scene.Node n : g.getParent().getChildrenUnmodifiable()) {
            if (n instanceof javafx.scene.text.TextFlow t) {
                return t;
            }
        }
        return null;
    }

    private Gutter gutter(int index) {
        Gutter g = new Gutter(index + 1, editable);
        fill(g);
        gutters.add(g);
        return g;
    }

    private void fill(Gutter g) {
        g.number.setText(String.format(Locale.ROOT, "%" + digits + "d", g.line));
        ProgramSource.Problem problem = null;
        for (ProgramSource.Problem p : problems) {
            if (p.line() == g.line) {
                problem = p;
                break;
            }
        }
        g.icon.setVisible(problem != null);
        g.problemTip = problem == null ? null : problem.message();
        if (decorating) {
            decorate(g);
        }
    }

    /** From now on gutters are decorated (the subclass is built); those on show are, at once. */
    protected final void decorations() {
        decorating = true;
        refreshGutters();
    }

    /**
     * What a subclass shows in a line's gutter beside the number (its badge column, the line's
     * tint). Called when the line is first shown and on every {@link #refreshGutters}.
     */
    protected void decorate(Gutter g) {
    }

    /**
     * A line's gutter: the badge column (the code panel's; the same width on every line), the
     * problem sign (the editor's; room kept for it on every line) and the line's number in the
     * code's font, padded to the same number of digits on every line.
     */
    public static final class Gutter extends HBox {
        /** The 1-based line. */
        final int line;
        final HBox badges = new HBox(CodePanel.BADGE_GAP);
        final Label icon = new Label("!");
        final Label number = new Label();
        String problemTip;
        /** Said by the tooltip, made when the pointer first comes. */
        String tip;

        Gutter(int line, boolean editable) {
            this.line = line;
            getStyleClass().add(CodeStyles.LINE_GUTTER);
            setAlignment(Pos.BASELINE_LEFT);
            badges.getStyleClass().add(dev.eventlanes.ui.Styles.CODE_GUTTER);
            badges.setAlignment(Pos.BASELINE_LEFT);
            badges.setMinWidth(0);
            badges.setManaged(!editable);
            badges.setVisible(!editable);
            icon.getStyleClass().add(CodeStyles.PROBLEM_ICON);
            icon.setManaged(editable);
            icon.setMinWidth(Region.USE_PREF_SIZE);
            number.getStyleClass().add(dev.eventlanes.ui.Styles.CODE_NUMBER);
            number.setMinWidth(Region.USE_PREF_SIZE);
            getChildren().addAll(badges, icon, number);
            // A tooltip only where there is something to say, made when the pointer first comes.
            addEventHandler(MouseEvent.MOUSE_ENTERED, e -> {
                String words = problemTip != null ? problemTip : tip;
                Tooltip t = getProperties().get(TOOLTIP) instanceof Tooltip had ? had : null;
                if (words == null && t != null) {
                    Tooltip.uninstall(this, t);
                    getProperties().remove(TOOLTIP);
                } else if (words != null && t != null) {
                    t.setText(words);
                } else if (words != null) {
                    t = new Tooltip(words);
                    getProperties().put(TOOLTIP, t);
                    Tooltip.install(this, t);
                }
            });
        }

        private static final String TOOLTIP = "eventlanes.tip";

        public int line() {
            return line;
        }

        /** The badge column. */
        public HBox badges() {
            return badges;
        }

        /** The problem sign (shown on a line with a problem). */
        public Label icon() {
            return icon;
        }

        public Label number() {
            return number;
        }
    }
}
