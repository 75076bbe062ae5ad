package dev.eventlanes.scenario;

import dev.eventlanes.model.AsyncEvent;
import dev.eventlanes.model.Loop;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * The text of a {@link Op.Print}: literal text with f-string-like placeholders, so that a scenario
 * can print what the conformance programs print ({@code [0.5] main: tasks_waiting=4}).
 *
 * <ul>
 * <li>{@code {time}}: the virtual time as {@code f"{t:.1f}"} formats it (round half to even on
 * the exact binary value, as CPython does);</li>
 * <li>{@code {polls}}: how many times this task's last {@link Op.PollUntilSet} found its event
 * unset;</li>
 * <li>{@code {e.is_set()}}: {@code True} or {@code False} (recorded as a poll, as the call is in
 * Python);</li>
 * <li>{@code {e.statistics().tasks_waiting}}: the event's waiter count;</li>
 * <li>{@code {{} and {@code }}} stand for literal braces.</li>
 * </ul>
 */
public final class PrintText {
    private static final String IS_SET = ".is_set()";
    private static final String WAITING = ".statistics().tasks_waiting";
    static final String EXPECTED = "{time}, {polls}, {EVENT.is_set()}, {EVENT.statistics().tasks_waiting}";

    private PrintText() {
    }

    /** True if the text has at least one placeholder (so Python would spell it as an f-string). */
    public static boolean hasPlaceholders(String text) {
        return text.indexOf('{') >= 0 || text.indexOf('}') >= 0;
    }

    /**
     * Checks a text: every placeholder known, every event it names declared, braces balanced.
     *
     * @return the problems, in order, empty if none
     */
    public static List<String> validate(String text, Predicate<String> eventDeclared) {
        List<String> errors = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '{' && i + 1 < text.length() && text.charAt(i + 1) == '{') {
                i += 2;
            } else if (c == '}' && i + 1 < text.length() && text.charAt(i + 1) == '}') {
                i += 2;
            } else if (c == '}') {
                errors.add("single '}' in print text (write '}}' for a literal brace)");
                i++;
            } else if (c == '{') {
                int end = text.indexOf('}', i);
                if (end < 0) {
                    errors.add("unclosed '{' in print text (write '{{' for a literal brace)");
                    break;
                }
                String key = text.substring(i + 1, end);
                String event = eventOf(key);
                if (!key.equals("time") && !key.equals("polls") && event == null) {
                    errors.add("unknown placeholder '{" + key + "}' in print text (expected one of " + EXPECTED + ")");
                } else if (event != null && !eventDeclared.test(event)) {
                    errors.add("event '" + event + "' in placeholder '{" + key + "}' is not declared");
                }
                i = end + 1;
            } else {
                i++;
            }
        }
        return errors;
    }

    private static String eventOf(String key) {
        if (key.endsWith(IS_SET) && key.length() > IS_SET.length()) {
            return key.substring(0, key.length() - IS_SET.length());
        }
        if (key.endsWith(WAITING) && key.length() > WAITING.length()) {
            return key.substring(0, key.length() - WAITING.length());
        }
        return null;
    }

    /** The text with its placeholders filled in, in the running task of {@code loop}. */
    static String render(String text, Loop loop, ScriptBody body) {
        if (!hasPlaceholders(text)) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length() + 16);
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if ((c == '{' || c == '}') && i + 1 < text.length() && text.charAt(i + 1) == c) {
                sb.append(c);
                i += 2;
            } else if (c == '{' && text.indexOf('}', i) > 0) {
                int end = text.indexOf('}', i);
                sb.append(value(text.substring(i + 1, end), loop, body));
                i = end + 1;
            } else {
                sb.append(c);
                i++;
            }
        }
        return sb.toString();
    }

    private static String value(String key, Loop loop, ScriptBody body) {
        if (key.equals("time")) {
            return oneDecimal(loop.time());
        }
        if (key.equals("polls")) {
            return Integer.toString(body.polls());
        }
        String name = eventOf(key);
        if (name == null) {
            return "{" + key + "}";
        }
        AsyncEvent e = ScriptBody.event(loop, name);
        if (key.endsWith(IS_SET)) {
            return e.isSet() ? "True" : "False";
        }
        return Integer.toString(e.tasksWaiting());
    }

    /** {@code f"{t:.1f}"}: Python rounds the exact binary value half to even. */
    static String oneDecimal(double t) {
        return new BigDecimal(t).setScale(1, RoundingMode.HALF_EVEN).toPlainString();
    }
}
