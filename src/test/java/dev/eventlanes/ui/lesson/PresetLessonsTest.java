package dev.eventlanes.ui.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventlanes.lesson.Lesson;
import dev.eventlanes.lesson.LessonBlock;
import dev.eventlanes.lesson.LessonNotes;
import dev.eventlanes.python.PythonPresets;
import dev.eventlanes.ui.I18n;
import dev.eventlanes.ui.Preset;
import dev.eventlanes.ui.PresetCatalog;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every preset opens with a whole lesson, in English and in Chinese, as the window shows it. */
class PresetLessonsTest {
    private static final Pattern CJK = Pattern.compile("[\\u4e00-\\u9fff]");

    private static List<Preset> presets() {
        List<Preset> all = PresetCatalog.all();
        assertThat(all).hasSize(PythonPresets.all().size() + dev.eventlanes.scenario.Presets.ids().size());
        return all;
    }

    private static String titleKey(Preset p) {
        return p.name().startsWith(PresetCatalog.PY) ? "preset." + p.name().substring(PresetCatalog.PY.length())
                : "scenario." + p.name();
    }

    @Test
    void everyPresetHasACompleteLessonInEnglishAndChinese() {
        I18n en = new I18n(Locale.ENGLISH);
        I18n zh = new I18n(I18n.CHINESE);
        for (Preset p : presets()) {
            LessonNotes notes = SessionLessons.of(p.open().get());
            assertThat(notes.problems()).as(p.name()).isEmpty();
            Lesson e = notes.in(I18n.ENGLISH);
            Lesson c = notes.in(I18n.CHINESE);
            assertThat(e).as(p.name()).isNotNull();
            assertThat(e.complete()).as(p.name() + " in English: " + e).isTrue();
            assertThat(c.complete()).as(p.name() + " in Chinese: " + c).isTrue();
            // The title is the preset's own, as the menu and the window's title show it.
            assertThat(e.title()).as(p.name()).isEqualTo(en.get(titleKey(p)));
            assertThat(c.title()).as(p.name()).isEqualTo(zh.get(titleKey(p)));
            // One line on the canvas in presentation mode.
            assertThat(e.watch().length()).as(p.name() + ": " + e.watch()).isLessThanOrEqualTo(80);
            assertThat(Lesson.columns(c.watch())).as(p.name() + ": " + c.watch()).isLessThanOrEqualTo(Lesson.WATCH_COLUMNS);
            assertThat(e.watch()).doesNotContain("\n");
            // Chinese is written, not fallen back to English, field by field.
            for (String field : new String[] {c.shows(), c.watch(), c.question(), c.answer()}) {
                assertThat(CJK.matcher(field).find()).as(p.name() + ": " + field).isTrue();
            }
            assertThat(e.question()).endsWith("?");
            assertThat(c.question()).endsWith("？");
        }
    }

    @Test
    void aPythonPresetCarriesItsEnglishNotesAsTheCommentConventionWithItsOwnTitle() {
        for (PythonPresets.Preset p : PythonPresets.all()) {
            String source = p.source();
            assertThat(source).as(p.id()).startsWith("# Lesson: " + p.title() + "\n");
            LessonNotes inFile = LessonBlock.parse(source);
            assertThat(inFile.languages().keySet()).as(p.id()).containsExactly("");
            assertThat(inFile.in("en").complete()).as(p.id()).isTrue();
        }
    }

    /**
     * anyio and trio events have no clear(): wherever a lesson names one of them and clear() in
     * one sentence, the sentence says it has none.
     */
    @Test
    void noLessonSaysAnyioOrTrioCanClear() {
        Pattern sentence = Pattern.compile("[^.;:。；：！？?]+");
        for (Preset p : presets()) {
            LessonNotes notes = SessionLessons.of(p.open().get());
            for (Lesson l : new Lesson[] {notes.in("en"), notes.in("zh")}) {
                for (String text : new String[] {l.title(), l.shows(), l.watch(), l.ask()}) {
                    var m = sentence.matcher(text);
                    while (m.find()) {
                        String s = m.group();
                        if (s.contains("clear") && (s.contains("anyio") || s.contains("trio"))) {
                            assertThat(s).as(p.name()).containsAnyOf(" no clear", "have none", "没有", "no clear()");
                        }
                    }
                }
            }
        }
    }

    @Test
    void aProgramsOwnNotesWinOverTheShippedTranslation() {
        LessonNotes own = LessonBlock.parse("# Lesson: Mine\n# Watch[zh]: 我自己的\n");
        LessonNotes n = dev.eventlanes.lesson.PresetLessons.translate("py.seed1_worker_waits", own);
        assertThat(n.in("zh").watch()).isEqualTo("我自己的");
        assertThat(SessionLessons.presetKey("preset:py:seed1_worker_waits")).isEqualTo("py.seed1_worker_waits");
        assertThat(SessionLessons.presetKey("preset:poll_vs_wait")).isEqualTo("scenario.poll_vs_wait");
        assertThat(SessionLessons.presetKey("pasted:pasted.py")).isNull();
    }
}
