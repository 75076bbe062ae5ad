package dev.eventlanes.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventlanes.lesson.Lesson;
import dev.eventlanes.lesson.LessonNotes;
import org.junit.jupiter.api.Test;

/** A scenario file's {@code lesson} object: read, written back, and never in the way of the run. */
class ScenarioLessonTest {
    private static String file(String lesson) {
        return """
                {"version": 1, "title": "two tasks", %s"semantics": "anyio", "events": ["e"],
                 "tasks": [{"name": "main", "ops": [{"op": "set", "event": "e"}]}]}
                """.formatted(lesson == null ? "" : "\"lesson\": " + lesson + ", ");
    }

    @Test
    void aLessonObjectGivesTheNotesInEachLanguage() {
        ScenarioJson.ReadResult r = ScenarioJson.read(file("""
                {"title": "Set", "shows": "main sets e.", "watch": "the red diamond", "ask": "Who waits? Nobody.",
                 "zh": {"title": "设置", "watch": "红色菱形"}}"""));
        assertThat(r.errors()).isEmpty();
        LessonNotes n = r.scenario().lesson();
        assertThat(n.problems()).isEmpty();
        assertThat(n.in("en")).isEqualTo(new Lesson("Set", "main sets e.", "the red diamond", "Who waits? Nobody."));
        assertThat(n.in("zh")).isEqualTo(new Lesson("设置", "main sets e.", "红色菱形", "Who waits? Nobody."));
    }

    @Test
    void aLessonWithoutATitleTakesTheScenarios() {
        LessonNotes n = ScenarioJson.read(file("{\"watch\": \"w\"}")).scenario().lesson();
        assertThat(n.in("en").title()).isEqualTo("two tasks");
        assertThat(ScenarioJson.read(file(null)).scenario().lesson()).isEqualTo(LessonNotes.NONE);
    }

    @Test
    void aLessonIsWrittenBackAndReadsTheSame() {
        Scenario s = ScenarioJson.read(file("{\"zh\": {\"watch\": \"看\"}, \"title\": \"T\", \"ask\": \"Q? A.\"}")).scenario();
        String written = ScenarioJson.write(s);
        assertThat(written).contains("\"lesson\"");
        assertThat(ScenarioJson.read(written).scenario()).isEqualTo(s);
        // Carried through what the window does to a scenario.
        assertThat(s.withSemantics(dev.eventlanes.model.Semantics.TRIO).withSeed(4).lesson()).isEqualTo(s.lesson());
    }

    @Test
    void aMalformedLessonNamesEachFieldAndTheScenarioStillOpens() {
        ScenarioJson.ReadResult r = ScenarioJson.read(file("""
                {"title": "T", "wach": "typo", "watch": 3, "ask": "", "zh": "not an object", "fr": {"shows": "x", "tilte": "y"}}"""));
        assertThat(r.ok()).as(String.join("; ", r.errors())).isTrue();
        assertThat(r.scenario().lesson().problems()).containsExactly(
                "lesson: unknown field 'wach' (expected title, shows, watch, ask, or a language code such as zh holding those)",
                "lesson.watch: expected a string, found a number",
                "lesson.ask: ask is empty: write its text after the colon",
                "lesson.zh: expected an object with the lesson in language 'zh', found a string"
                        + " (or is it a misspelt field? expected title, shows, watch, ask)",
                "lesson.fr: unknown field 'tilte' (expected title, shows, watch, ask)");
        assertThat(r.scenario().lesson().in("fr").shows()).isEqualTo("x");
        assertThat(ScenarioJson.read(file("[1]")).scenario().lesson().problems())
                .containsExactly("lesson: expected an object like {\"title\": \"...\", \"watch\": \"...\"}, found an array");
    }

    @Test
    void otherUnknownTopLevelFieldsAreStillErrors() {
        assertThat(ScenarioJson.read(file(null).replace("\"title\"", "\"lessons\": {}, \"title\"")).errors())
                .singleElement().asString().startsWith("unknown field 'lessons'");
    }
}
