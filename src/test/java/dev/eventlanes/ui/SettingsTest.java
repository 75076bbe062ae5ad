package dev.eventlanes.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {
    @TempDir
    Path dir;

    @Test
    void settingsSurviveARestart() {
        Path f = dir.resolve("sub/settings.properties");
        Settings s = new Settings(f);
        s.putDouble("zoom", 1.3);
        s.put("language", "zh-CN");
        s.put("last", "preset:deadlock");
        s.save();
        Settings again = new Settings(f);
        assertThat(again.getDouble("zoom", 1)).isEqualTo(1.3);
        assertThat(again.get("language", null)).isEqualTo("zh-CN");
        assertThat(again.get("last", null)).isEqualTo("preset:deadlock");
    }

    @Test
    void aDamagedFileFallsBackToDefaults() throws Exception {
        Path f = dir.resolve("settings.properties");
        Files.writeString(f, "zoom=abc\n\\u00zz");
        Settings s = new Settings(f);
        assertThat(s.getDouble("zoom", 1.0)).isEqualTo(1.0);
    }

    @Test
    void theSystemPropertyKeepsTestsAwayFromTheUsersFile() {
        String old = System.getProperty("eventlanes.settings");
        try {
            System.setProperty("eventlanes.settings", dir.resolve("x.properties").toString());
            assertThat(Settings.forApp().file()).isEqualTo(dir.resolve("x.properties"));
        } finally {
            if (old == null) {
                System.clearProperty("eventlanes.settings");
            } else {
                System.setProperty("eventlanes.settings", old);
            }
        }
    }
}
