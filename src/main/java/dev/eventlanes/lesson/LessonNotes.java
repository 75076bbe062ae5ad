package dev.eventlanes.lesson;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A program's lesson notes in every language they are written in, and what was wrong with them.
 * Read from a Python program's leading comment block ({@link LessonBlock}), a scenario file's
 * {@code lesson} object, or a preset's translations ({@link PresetLessons}); shown as a
 * {@link Lesson} in one language by {@link #in(Locale)}.
 *
 * <p>Notes are never an error that stops a program: a malformed block is read as far as it
 * goes, and each problem is kept here as one sentence that names its place ("line 3: ...").
 *
 * @param languages the lesson per language tag ({@code "zh"}, {@code "en"}); the key {@code ""}
 *     holds the fields written without a tag, the notes' own language
 * @param problems  what is wrong with the notes, each naming its line or field, in reading order
 */
public record LessonNotes(Map<String, Lesson> languages, List<String> problems) {
    /** A program without notes. */
    public static final LessonNotes NONE = new LessonNotes(Map.of(), List.of());

    /** The four fields, as a comment block ({@code # Watch:}) and a scenario file ({@code "watch"}) name them. */
    public enum Field {
        TITLE("Lesson", "title"),
        SHOWS("Shows", "shows"),
        WATCH("Watch", "watch"),
        ASK("Ask", "ask");

        private final String commentKey;
        private final String jsonKey;

        Field(String commentKey, String jsonKey) {
            this.commentKey = commentKey;
            this.jsonKey = jsonKey;
        }

        /** The key in a comment block: {@code Lesson}, {@code Shows}, {@code Watch}, {@code Ask}. */
        public String commentKey() {
            return commentKey;
        }

        /** The key in a scenario file's {@code lesson} object: {@code title}, {@code shows}, ... */
        public String jsonKey() {
            return jsonKey;
        }

        /** This field of {@code l}. */
        public String of(Lesson l) {
            return switch (this) {
                case TITLE -> l.title();
                case SHOWS -> l.shows();
                case WATCH -> l.watch();
                case ASK -> l.ask();
            };
        }
    }

    public LessonNotes {
        languages = Collections.unmodifiableMap(new LinkedHashMap<>(languages));
        problems = List.copyOf(problems);
    }

    /** True if no field is given in any language. */
    public boolean isEmpty() {
        return languages.values().stream().allMatch(Lesson::isEmpty);
    }

    /** The lesson in the language of {@code locale} (see {@link #in(String)}). */
    public Lesson in(Locale locale) {
        return in(locale.getLanguage());
    }

    /**
     * The lesson in {@code language} ({@code "en"}, {@code "zh"}), field by field: a field
     * written for that language if there is one, else the field written without a tag. Null if
     * the notes are empty.
     */
    public Lesson in(String language) {
        if (isEmpty()) {
            return null;
        }
        Lesson base = languages.getOrDefault("", new Lesson("", "", "", ""));
        Lesson tagged = tagged(language);
        if (tagged == null) {
            return base;
        }
        return new Lesson(pick(tagged.title(), base.title()), pick(tagged.shows(), base.shows()),
                pick(tagged.watch(), base.watch()), pick(tagged.ask(), base.ask()));
    }

    /** The lesson written for {@code language} itself ("zh" matches a tag zh, zh-CN or zh-Hans), or null. */
    private Lesson tagged(String language) {
        String want = normalize(language);
        for (Map.Entry<String, Lesson> e : languages.entrySet()) {
            String tag = e.getKey();
            if (!tag.isEmpty() && (tag.equals(want) || tag.startsWith(want + "-"))) {
                return e.getValue();
            }
        }
        return null;
    }

    private static String pick(String preferred, String fallback) {
        return preferred.isEmpty() ? fallback : preferred;
    }

    /**
     * These notes with {@code lesson} for {@code language}, where the notes do not already give
     * that language themselves (a program's own words win over shipped translations).
     */
    public LessonNotes orTranslation(String language, Lesson lesson) {
        if (lesson == null || lesson.isEmpty() || tagged(language) != null) {
            return this;
        }
        Map<String, Lesson> out = new LinkedHashMap<>(languages);
        out.put(normalize(language), lesson);
        return new LessonNotes(out, problems);
    }

    /** A language tag as the notes keep it: lower case, {@code -} between its parts. */
    static String normalize(String tag) {
        return tag.strip().replace('_', '-').toLowerCase(Locale.ROOT);
    }

    /**
     * Collects fields as a reader finds them, checking each: given twice, empty, or a "watch"
     * line too wide for the canvas. Problems name the place the reader gives ("line 4",
     * "lesson.zh.watch") and the field as the source spells it.
     */
    public static final class Builder {
        private final Map<String, EnumMap<Field, String>> fields = new LinkedHashMap<>();
        private final Map<String, String> firstPlace = new HashMap<>();
        private final List<String> problems = new ArrayList<>();

        /**
         * Adds a field.
         *
         * @param place    where it is, for problems ("line 4")
         * @param name     the field as the source spells it ("Watch[zh]", "watch")
         * @param language its language tag, or "" for none
         * @param field    which field
         * @param value    its text (stripped here)
         */
        public Builder put(String place, String name, String language, Field field, String value) {
            String lang = normalize(language);
            String key = lang + "|" + field;
            String first = firstPlace.putIfAbsent(key, place);
            if (first != null) {
                problem(place, name + " is given twice (first at " + first + ")");
                return this;
            }
            String text = value == null ? "" : value.strip();
            if (text.isEmpty()) {
                problem(place, name + " is empty: write its text after the colon");
            } else if (field == Field.WATCH && Lesson.columns(text) > Lesson.WATCH_COLUMNS) {
                problem(place, name + " is " + Lesson.columns(text) + " columns wide; keep it to " + Lesson.WATCH_COLUMNS
                        + " so that it fits on one line in presentation mode");
            }
            fields.computeIfAbsent(lang, k -> new EnumMap<>(Field.class)).put(field, text);
            return this;
        }

        /** Gives a field the notes leave out a value, with no checks (a scenario's own title). */
        public Builder fallback(Field field, String value) {
            fields.computeIfAbsent("", k -> new EnumMap<>(Field.class)).putIfAbsent(field, value);
            return this;
        }

        /** True if no field has been added. */
        public boolean isEmpty() {
            return fields.isEmpty();
        }

        /** Records a problem at {@code place}. */
        public Builder problem(String place, String message) {
            problems.add(place.isEmpty() ? message : place + ": " + message);
            return this;
        }

        public LessonNotes build() {
            Map<String, Lesson> out = new LinkedHashMap<>();
            for (Map.Entry<String, EnumMap<Field, String>> e : fields.entrySet()) {
                EnumMap<Field, String> f = e.getValue();
                out.put(e.getKey(), new Lesson(f.get(Field.TITLE), f.get(Field.SHOWS), f.get(Field.WATCH), f.get(Field.ASK)));
            }
            return new LessonNotes(out, problems);
        }
    }
}
