package dev.eventlanes.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class I18nTest {
    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = I18nTest.class.getResourceAsStream("/dev/eventlanes/ui/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void chineseTranslatesEveryEnglishKey() throws IOException {
        Properties en = load("messages.properties");
        Properties zh = load("messages_zh_CN.properties");
        assertThat(zh.keySet()).containsExactlyInAnyOrderElementsOf(en.keySet());
        for (Object k : en.keySet()) {
            assertThat(zh.getProperty((String) k)).as((String) k).isNotBlank();
        }
    }

    @Test
    void aPatternFormatsEachTimeWithItsOwnArgumentsInTheLanguageOfTheMoment() {
        I18n i = new I18n(Locale.ENGLISH);
        assertThat(i.get("toggle.waiting", 0)).isEqualTo("nobody waiting");
        assertThat(i.get("toggle.waiting", 1)).isEqualTo("1 waiting");
        assertThat(i.get("toggle.waiting", 3)).isEqualTo("3 waiting");
        i.setLocale(I18n.CHINESE);
        assertThat(i.get("toggle.waiting", 3)).isEqualTo("3 \u4e2a\u7b49\u5f85");
        i.setLocale(Locale.ENGLISH);
        assertThat(i.get("toggle.waiting", 2)).isEqualTo("2 waiting");
    }

    @Test
    void switchingLocaleChangesTheWordsAndBindingsFollow() {
        I18n i = new I18n(Locale.ENGLISH);
        var play = i.bind("action.play");
        assertThat(play.get()).isEqualTo("Play");
        i.setLocale(Locale.CHINA);
        assertThat(play.get()).isEqualTo("播放");
        assertThat(i.locale()).isEqualTo(I18n.CHINESE);
    }

    @Test
    void defaultFollowsTheSystemLocale() {
        assertThat(I18n.supported(Locale.TRADITIONAL_CHINESE)).isEqualTo(I18n.CHINESE);
        assertThat(I18n.supported(Locale.GERMANY)).isEqualTo(I18n.ENGLISH);
        // An English request must not fall back to the system's Chinese bundle.
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
            assertThat(new I18n(Locale.ENGLISH).get("action.play")).isEqualTo("Play");
        } finally {
            Locale.setDefault(saved);
        }
    }

    @Test
    void pluralsAndArgumentsAreFormatted() {
        I18n i = new I18n(Locale.ENGLISH);
        assertThat(i.get("say.setWoke", 2)).isEqualTo(" (2 waiting tasks become ready)");
        assertThat(i.get("say.setWoke", 0)).isEqualTo(" (nobody was waiting)");
        assertThat(i.get("say.call", "e.set()", i.get("say.setWoke", 1))).isEqualTo("called e.set() (1 waiting task becomes ready)");
        assertThat(i.get("lane.actions.tip", "w")).isEqualTo("Add an operation to w's script");
    }

    @Test
    void chineseIsDrawnInAFamilyWithABoldFaceWhenOneIsInstalled() {
        java.util.List<String> installed = java.util.List.of("DejaVu Sans", "Microsoft YaHei", "Noto Sans CJK SC");
        assertThat(Styles.uiFamily(Locale.SIMPLIFIED_CHINESE, installed)).isEqualTo("Noto Sans CJK SC");
        assertThat(Styles.uiFamily(Locale.SIMPLIFIED_CHINESE, java.util.List.of("Microsoft YaHei"))).isEqualTo("Microsoft YaHei");
        assertThat(Styles.uiFamily(Locale.SIMPLIFIED_CHINESE, java.util.List.of("DejaVu Sans"))).isNull();
        assertThat(Styles.uiFamily(Locale.ENGLISH, installed)).as("English keeps the style sheet's font").isNull();
    }
}
