package dev.eventlanes.ui.code;

import dev.eventlanes.python.syntax.Highlighter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.css.PseudoClass;

/**
 * The style classes of the code component, as {@code css/event-lanes.css} names them (the
 * section "Code view"): the style sheet alone decides how a keyword or a problem looks.
 */
public final class CodeStyles {
    private CodeStyles() {
    }

    /** The component: a code area with its scroll bars. */
    public static final String CODE_VIEW = "code-view";
    /** The whole gutter of a line: badge column, problem icon, line number. */
    public static final String LINE_GUTTER = "line-gutter";
    /** A program's problem under its text (a wavy underline). */
    public static final String PROBLEM = "code-problem";
    /** The gutter's sign on a line with a problem. */
    public static final String PROBLEM_ICON = "code-problem-icon";
    /** A line where a task is (paragraph style class, and the gutter's pseudo-class). */
    public static final String MARKED_LINE = "marked-line";
    /** The selected lane's line, or the line of what was picked on its lane. */
    public static final String SELECTED_LINE = "selected-line";
    public static final PseudoClass MARKED = PseudoClass.getPseudoClass(MARKED_LINE);
    public static final PseudoClass SELECTED = PseudoClass.getPseudoClass(SELECTED_LINE);

    private static final Map<Highlighter.Kind, String> SYNTAX = new EnumMap<>(Map.of(
            Highlighter.Kind.KEYWORD, "py-keyword",
            Highlighter.Kind.BUILTIN, "py-builtin",
            Highlighter.Kind.STRING, "py-string",
            Highlighter.Kind.COMMENT, "py-comment",
            Highlighter.Kind.NUMBER, "py-number",
            Highlighter.Kind.DECORATOR, "py-decorator",
            Highlighter.Kind.DEFINITION, "py-definition"));

    /** The style class of a kind of Python text ({@code py-keyword}, {@code py-string}, ...). */
    public static String of(Highlighter.Kind kind) {
        return SYNTAX.get(kind);
    }

    /** Every syntax style class, in {@link Highlighter.Kind} order. */
    public static List<String> syntaxClasses() {
        return List.copyOf(SYNTAX.values());
    }
}
