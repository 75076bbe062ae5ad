package dev.eventlanes.lesson;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The shipped presets' lessons in other languages. A preset carries its English notes in the
 * file itself, where a teacher reads and copies them (a Python preset's leading comment block, a
 * scenario preset's {@code lesson} object); the translations live apart, one properties file
 * per language ({@code presets_zh.properties}, UTF-8), so that a translator has every preset's
 * words in one place and the code panel does not show each note twice.
 *
 * <p>Keys: {@code <preset>.<field>}, where the preset is {@code py.<id>} for a Python preset or
 * {@code scenario.<id>} for a scenario file, and the field is {@code title}, {@code shows},
 * {@code watch} or {@code ask}.
 */
public final class PresetLessons {
    /** The languages the presets' lessons are translated into. */
    public static final List<String> LANGUAGES = List.of("zh");
    private static final String DIR = "/dev/eventlanes/lesson/";
    private static final Map<String, Properties> BUNDLES = new ConcurrentHashMap<>();

    private PresetLessons() {
    }

    /** The key of a Python preset's lesson ({@code py.seed1_worker_waits}). */
    public static String python(String id) {
        return "py." + id;
    }

    /** The key of a scenario preset's lesson ({@code scenario.poll_vs_wait}). */
    public static String scenario(String id) {
        return "scenario." + id;
    }

    /** {@code notes} with the shipped translations of the preset {@code key} added (see {@link LessonNotes#orTranslation}). */
    public static LessonNotes translate(String key, LessonNotes notes) {
        LessonNotes out = notes;
        for (String language : LANGUAGES) {
            out = out.orTranslation(language, translation(key, language));
        }
        return out;
    }

    /** The preset's lesson in {@code language} as shipped, or null if there is none. */
    public static Lesson translation(String key, String language) {
        Properties p = BUNDLES.computeIfAbsent(language, PresetLessons::load);
        Lesson l = new Lesson(p.getProperty(key + ".title"), p.getProperty(key + ".shows"),
                p.getProperty(key + ".watch"), p.getProperty(key + ".ask"));
        return l.isEmpty() ? null : l;
    }

    private static Properties load(String language) {
        Properties p = new Properties();
        try (InputStream in = PresetLessons.class.getResourceAsStream(DIR + "presets_" + language + ".properties")) {
            if (in != null) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
