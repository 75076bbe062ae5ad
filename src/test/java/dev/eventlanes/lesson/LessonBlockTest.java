package dev.eventlanes.lesson;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The comment-block convention: what a teacher writes at the top of a .py, read field by field. */
class LessonBlockTest {
    private static final String GOOD = """
            # Lesson: Waiting vs polling
            # Shows: Two tasks wait for one event. The waiter blocks in wait()
            #   and wakes at once; the poller notices late.
            # Watch: The waiter wakes "at once"; the poller "+0.2 s" later.
            # Ask: Why is the poller late? It only looks when its sleep ends.
            # Watch[zh]: 等待者“立即”醒来；轮询者
            #   “晚 0.2 秒”才发现。

            import anyio
            """;

    @Test
    void aBlockGivesEveryFieldWithContinuedLinesJoined() {
        LessonNotes n = LessonBlock.parse(GOOD);
        assertThat(n.problems()).isEmpty();
        Lesson en = n.in(Locale.ENGLISH);
        assertThat(en).isEqualTo(new Lesson("Waiting vs polling",
                "Two tasks wait for one event. The waiter blocks in wait() and wakes at once; the poller notices late.",
                "The waiter wakes \"at once\"; the poller \"+0.2 s\" later.",
                "Why is the poller late? It only looks when its sleep ends."));
        assertThat(en.question()).isEqualTo("Why is the poller late?");
        assertThat(en.answer()).isEqualTo("It only looks when its sleep ends.");
        assertThat(en.complete()).isTrue();
    }

    @Test
    void aTaggedFieldServesItsLanguageAndTheRestFallBackToTheUntagged() {
        Lesson zh = LessonBlock.parse(GOOD).in(Locale.SIMPLIFIED_CHINESE);
        // Two Chinese lines join without a space between them.
        assertThat(zh.watch()).isEqualTo("等待者“立即”醒来；轮询者“晚 0.2 秒”才发现。");
        assertThat(zh.title()).isEqualTo("Waiting vs polling");
        assertThat(LessonBlock.parse(GOOD).in("en").watch()).startsWith("The waiter");
    }

    @Test
    void aQuestionWithAChineseQuestionMarkSplitsThere() {
        Lesson l = new Lesson("t", "s", "w", "为什么？因为如此。");
        assertThat(l.question()).isEqualTo("为什么？");
        assertThat(l.answer()).isEqualTo("因为如此。");
    }

    @Test
    void commentsBeforeTheBlockAreSkippedAndKeysIgnoreCase() {
        LessonNotes n = LessonBlock.parse("#!/usr/bin/env python3\n# -*- coding: utf-8 -*-\n# (c) a teacher\n\n"
                + "# lesson: Mine\n#WATCH: the arrow\nimport anyio\n");
        assertThat(n.problems()).isEmpty();
        assertThat(n.in("en")).isEqualTo(new Lesson("Mine", "", "the arrow", ""));
    }

    @Test
    void aProgramWithoutABlockHasNoLesson() {
        assertThat(LessonBlock.parse("import anyio\n# Lesson: too late, code came first\n")).isEqualTo(LessonNotes.NONE);
        assertThat(LessonBlock.parse("# just a comment\nimport anyio\n")).isEqualTo(LessonNotes.NONE);
        assertThat(LessonBlock.parse("\"\"\"docstring\"\"\"\n# Lesson: after the docstring\n").in("en")).isNull();
        assertThat(LessonBlock.parse("")).isEqualTo(LessonNotes.NONE);
    }

    @Test
    void theBlockEndsAtABlankLineOrABareHash() {
        LessonNotes n = LessonBlock.parse("# Lesson: T\n# Watch: w\n#\n# Note: ordinary comment\n\n# Ask: not read\n");
        assertThat(n.problems()).isEmpty();
        assertThat(n.in("en")).isEqualTo(new Lesson("T", "", "w", ""));
    }

    @Test
    void anUnknownKeyNamesItsLine() {
        LessonNotes n = LessonBlock.parse("# Lesson: T\n# Shows: s\n# Wacth: typo\n# Ask: q? a.\n");
        assertThat(n.problems()).containsExactly("line 3: unknown key 'Wacth' (expected Lesson, Shows, Watch or Ask)");
        // The rest of the block still reads.
        assertThat(n.in("en")).isEqualTo(new Lesson("T", "s", "", "q? a."));
    }

    @Test
    void aStrayCommentNamesItsLine() {
        LessonNotes n = LessonBlock.parse("# Lesson: T\n# Watch: w\n# this line has no key\n");
        assertThat(n.problems()).singleElement().asString()
                .startsWith("line 3: this comment is not part of the lesson")
                .contains("indent it by two spaces");
    }

    @Test
    void aFieldGivenTwiceOrEmptyNamesItsLines() {
        LessonNotes n = LessonBlock.parse("# Lesson: T\n# Watch: one\n# Shows:\n# Watch: two\n");
        assertThat(n.problems()).containsExactly(
                "line 3: Shows is empty: write its text after the colon",
                "line 4: Watch is given twice (first at line 2)");
        assertThat(n.in("en").watch()).isEqualTo("one");
    }

    @Test
    void aBadLanguageTagNamesItsLine() {
        LessonNotes n = LessonBlock.parse("# Lesson: T\n# Watch[zh CN]: w\n");
        assertThat(n.problems()).containsExactly("line 2: '[zh CN]' is not a language tag: write a code such as [zh] or [en]");
    }

    @Test
    void aWatchLineTooWideForTheCanvasNamesItsLineAndItsWidth() {
        String wide = "x".repeat(81);
        LessonNotes n = LessonBlock.parse("# Lesson: T\n# Watch: " + wide + "\n# Watch[zh]: " + "看".repeat(41) + "\n");
        assertThat(n.problems()).containsExactly(
                "line 2: Watch is 81 columns wide; keep it to 80 so that it fits on one line in presentation mode",
                "line 3: Watch[zh] is 82 columns wide; keep it to 80 so that it fits on one line in presentation mode");
        assertThat(Lesson.columns("看".repeat(40))).isEqualTo(80);
    }

    @Test
    void windowsLineEndsReadTheSame() {
        assertThat(LessonBlock.parse(GOOD.replace("\n", "\r\n"))).isEqualTo(LessonBlock.parse(GOOD));
    }

    @Test
    void theCodeGoesOnPastTheBlockAndTheBlankLinesAfterIt() {
        assertThat(LessonBlock.codeLine(GOOD)).isEqualTo(9);
        assertThat(LessonBlock.codeLine("import anyio\n")).isEqualTo(1);
        assertThat(LessonBlock.codeLine("# licence\n# Lesson: T\n#\n\n# a comment\nimport anyio\n")).isEqualTo(5);
        assertThat(LessonBlock.codeLine("# Lesson: only notes\n")).isEqualTo(1);
    }

    /** The examples a teacher copies from the README and docs/lesson-notes.md read without a problem. */
    @Test
    void theDocumentedExamplesReadCleanly() throws java.io.IOException {
        for (String doc : new String[] {"README.md", "docs/lesson-notes.md"}) {
            String text = java.nio.file.Files.readString(java.nio.file.Path.of(doc));
            int from = text.indexOf("```python\n# Lesson:");
            assertThat(from).as(doc).isNotNegative();
            String block = text.substring(from + "```python\n".length(), text.indexOf("```", from + 3));
            LessonNotes n = LessonBlock.parse(block);
            assertThat(n.problems()).as(doc).isEmpty();
            assertThat(n.in("en").title()).as(doc).isEqualTo("Waiting vs polling");
            assertThat(n.in("zh").watch()).as(doc).contains("等待者").isNotEqualTo(n.in("en").watch());
        }
    }
}
