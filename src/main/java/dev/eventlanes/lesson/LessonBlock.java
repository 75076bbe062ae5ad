package dev.eventlanes.lesson;

import java.util.Iterator;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the lesson notes a teacher writes at the top of a Python program, as comments:
 *
 * <pre>
 * # Lesson: Waiting vs polling
 * # Shows: Two tasks wait for one event. The waiter blocks in wait() and wakes
 * #   at once; the poller checks is_set() every 0.3 s and notices late.
 * # Watch: The waiter wakes "at once"; the poller "+0.2 s" later.
 * # Ask: Why is the poller late? It only looks when its sleep ends.
 * # Watch[zh]: 等待者“立即”醒来；轮询者晚 0.2 秒才发现。
 * </pre>
 *
 * <p>The rules, which {@code docs/lesson-notes.md} states for teachers:
 * <ul>
 * <li>The block is among the program's leading comments: before its first line of code (a module
 *     docstring is code). Comments before it (a shebang, a coding line, a licence) are skipped.
 * <li>It starts at a {@code # Lesson:} line, whose text is the title, and ends at the first blank
 *     line, bare {@code #} or line of code.
 * <li>Each field is a line {@code # Key: text}: {@code Lesson}, {@code Shows}, {@code Watch},
 *     {@code Ask} (any case). A line whose text after {@code #} is indented by two or more
 *     spaces continues the field above it.
 * <li>{@code Key[zh]:} gives the field in another language; untagged fields are the notes' own
 *     language, shown wherever a language has no field of its own.
 * <li>{@code Ask} holds the question, then its answer: the question ends at the first "?".
 * </ul>
 * A line in the block that breaks a rule (an unknown key, a stray comment, a field given twice,
 * an empty field, a "watch" line over {@value Lesson#WATCH_COLUMNS} columns) is a problem that
 * names its line; the rest of the block still reads. The program itself is never affected: to
 * Python these are comments.
 */
public final class LessonBlock {
    /** {@code Key[tag]: text}, the text after {@code #}; the key is checked against the four by name. */
    private static final Pattern KEY = Pattern.compile("\\s*([A-Za-z]+)\\s*(?:\\[([^\\]]*)\\])?\\s*:(.*)");
    private static final Pattern TAG = Pattern.compile("[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*");

    private LessonBlock() {
    }

    /** The notes in {@code source}'s leading comment block; {@link LessonNotes#NONE} if it has none. */
    public static LessonNotes parse(String source) {
        Reader r = new Reader();
        read(source, r);
        return r.finish();
    }

    /**
     * The line where the program goes on after its lesson block and the blank lines below it
     * (1-based), or 1 if it has no block: where the code panel opens, since the lesson panel
     * shows the notes.
     */
    public static int codeLine(String source) {
        Reader r = new Reader();
        int n = read(source, r);
        if (!r.inBlock) {
            return 1;
        }
        // Past the block's end, and the blank lines and bare '#' after it.
        int line = 0;
        for (String s : (Iterable<String>) source.lines()::iterator) {
            line++;
            if (line >= n && !s.isBlank() && !s.strip().equals("#")) {
                return line;
            }
        }
        return 1;
    }

    /** Feeds the leading lines to {@code r}; returns the number of the line it stopped at (one past the last if none). */
    private static int read(String source, Reader r) {
        Iterator<String> it = source.lines().iterator();
        int n = 0;
        while (it.hasNext()) {
            n++;
            if (!r.line(n, it.next().stripLeading())) {
                return n;
            }
        }
        return n + 1;
    }

    /** One pass over the leading lines; {@link #line} says whether to read on. */
    private static final class Reader {
        private final LessonNotes.Builder notes = new LessonNotes.Builder();
        private boolean inBlock;
        /** The field being read (its value may go on in continuation lines), or null. */
        private LessonNotes.Field field;
        private String name;
        private String tag;
        private int fieldLine;
        private final StringBuilder value = new StringBuilder();

        boolean line(int n, String s) {
            if (!inBlock) {
                if (s.isEmpty()) {
                    return true;
                }
                if (!s.startsWith("#")) {
                    return false;
                }
                Matcher m = KEY.matcher(s.substring(1));
                if (m.matches() && m.group(1).equalsIgnoreCase(LessonNotes.Field.TITLE.commentKey())) {
                    inBlock = true;
                    start(n, m);
                }
                return true;
            }
            if (!s.startsWith("#") || s.substring(1).isBlank()) {
                return false;
            }
            String body = s.substring(1);
            Matcher m = KEY.matcher(body);
            LessonNotes.Field f = m.matches() ? field(m.group(1)) : null;
            if (f != null) {
                flush();
                start(n, m);
            } else if (body.startsWith("  ") || body.startsWith("\t") || body.startsWith(" \t")) {
                if (field != null) {
                    append(body.strip());
                }
            } else if (m.matches()) {
                flush();
                notes.problem("line " + n, "unknown key '" + m.group(1) + "' (expected Lesson, Shows, Watch or Ask)");
            } else {
                flush();
                notes.problem("line " + n, "this comment is not part of the lesson: start it with Lesson:, Shows:,"
                        + " Watch: or Ask:, indent it by two spaces to continue the line above, or leave a blank line"
                        + " before it to end the lesson");
            }
            return true;
        }

        private static LessonNotes.Field field(String key) {
            for (LessonNotes.Field f : LessonNotes.Field.values()) {
                if (f.commentKey().equalsIgnoreCase(key)) {
                    return f;
                }
            }
            return null;
        }

        private void start(int n, Matcher m) {
            field = field(m.group(1));
            fieldLine = n;
            String t = m.group(2);
            tag = "";
            name = field.commentKey();
            if (t != null) {
                if (TAG.matcher(t.strip()).matches()) {
                    tag = t.strip().toLowerCase(Locale.ROOT);
                    name += "[" + tag + "]";
                } else {
                    notes.problem("line " + n, "'[" + t + "]' is not a language tag: write a code such as [zh] or [en]");
                    field = null;
                    return;
                }
            }
            value.setLength(0);
            value.append(m.group(3).strip());
        }

        /** Joins a continued line: with a space, except between two CJK characters (Chinese has none between words). */
        private void append(String more) {
            if (more.isEmpty()) {
                return;
            }
            if (value.length() > 0 && !(cjk(value.codePointBefore(value.length())) && cjk(more.codePointAt(0)))) {
                value.append(' ');
            }
            value.append(more);
        }

        /** A wide character, or a quotation mark as Chinese text uses them. */
        private static boolean cjk(int cp) {
            return Lesson.wide(cp) || (cp >= 0x2018 && cp <= 0x201F);
        }

        private void flush() {
            if (field != null) {
                notes.put("line " + fieldLine, name, tag, field, value.toString());
            }
            field = null;
        }

        LessonNotes finish() {
            if (!inBlock) {
                return LessonNotes.NONE;
            }
            flush();
            return notes.build();
        }
    }
}
