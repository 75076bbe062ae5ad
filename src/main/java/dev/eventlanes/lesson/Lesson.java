package dev.eventlanes.lesson;

/**
 * A lesson card in one language: what a teacher says about a program while the class watches it
 * run. Every field is a plain string, never null; a field the notes do not give is empty.
 *
 * @param title the lesson's title (a preset's own title)
 * @param shows what the program shows, in two or three sentences
 * @param watch the one thing to look at while it plays: one line, at most {@link #WATCH_COLUMNS}
 *     columns, so presentation mode can put it on the canvas
 * @param ask   a question for the class, then its answer for the teacher: the question ends at
 *     the first question mark, the rest is the answer ({@link #question()}, {@link #answer()})
 */
public record Lesson(String title, String shows, String watch, String ask) {
    /** The widest a "watch" line may be, in columns (a CJK character takes two). */
    public static final int WATCH_COLUMNS = 80;

    public Lesson {
        title = clean(title);
        shows = clean(shows);
        watch = clean(watch);
        ask = clean(ask);
    }

    private static String clean(String s) {
        return s == null ? "" : s.strip();
    }

    /** The question to ask the class: {@link #ask} up to its first question mark ("?" or "？"). */
    public String question() {
        int q = questionEnd(ask);
        return q < 0 ? ask : ask.substring(0, q + 1);
    }

    /** The answer, for the teacher: what follows the question, or empty if there is none. */
    public String answer() {
        int q = questionEnd(ask);
        return q < 0 ? "" : ask.substring(q + 1).strip();
    }

    private static int questionEnd(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '?' || c == '\uff1f') {
                return i;
            }
        }
        return -1;
    }

    /** True if every field is given and the question comes with an answer. */
    public boolean complete() {
        return !title.isEmpty() && !shows.isEmpty() && !watch.isEmpty() && !question().isEmpty() && !answer().isEmpty();
    }

    /** True if no field is given at all. */
    public boolean isEmpty() {
        return title.isEmpty() && shows.isEmpty() && watch.isEmpty() && ask.isEmpty();
    }

    /**
     * How many columns {@code s} takes in a monospaced or CJK-aware layout: two for a wide (East
     * Asian) character, one for any other. The "watch" line's limit is counted this way, so 80
     * columns are about the same width in English and in Chinese (40 characters).
     */
    public static int columns(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            n += wide(cp) ? 2 : 1;
            i += Character.charCount(cp);
        }
        return n;
    }

    /** True for a character that takes two columns: CJK ideographs, kana, Hangul, full-width forms. */
    static boolean wide(int cp) {
        return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) || (cp >= 0xAC00 && cp <= 0xD7A3)
                || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60)
                || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x20000 && cp <= 0x3FFFD);
    }
}
