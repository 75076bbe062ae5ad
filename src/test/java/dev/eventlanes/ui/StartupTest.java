package dev.eventlanes.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What start-up prepares off the FX thread, and the class list it preloads. */
class StartupTest {
    @TempDir
    Path dir;

    @Test
    void aFirstLaunchPreparesSeedOneOpenAndReadyToPlay() {
        EventLanesApp.Prepared p = EventLanesApp.prepare(new Settings(dir.resolve("none.properties")));
        MainViewModel vm = p.vm();
        assertThat(vm.session().id()).isEqualTo("preset:" + PresetCatalog.SEED);
        assertThat(vm.timeline()).isNotNull();
        assertThat(vm.totalProperty().get()).isPositive();
        assertThat(vm.positionProperty().get()).isLessThan(vm.totalProperty().get());
        assertThat(vm.codeLines()).contains("anyio.run(main)");
    }

    @Test
    void theRememberedLanguageAndScenarioArePrepared() {
        Settings s = new Settings(dir.resolve("settings.properties"));
        s.put("language", "zh-CN");
        s.put("last", "preset:deadlock");
        EventLanesApp.Prepared p = EventLanesApp.prepare(s);
        assertThat(p.settings()).isSameAs(s);
        assertThat(p.vm().i18n().locale()).isEqualTo(I18n.CHINESE);
        assertThat(p.vm().session().id()).isEqualTo("preset:deadlock");
        assertThat(p.vm().stepTextProperty().get()).startsWith("第");
    }

    @Test
    void aLastFileThatIsGoneFallsBackToSeedOne() {
        Settings s = new Settings(dir.resolve("settings.properties"));
        s.put("last", "file:" + dir.resolve("moved.py"));
        assertThat(EventLanesApp.prepare(s).vm().session().id()).isEqualTo("preset:" + PresetCatalog.SEED);
    }

    @Test
    void theStartupClassListStillNamesClassesThatExist() throws IOException {
        List<String> names;
        try (InputStream in = StartupClasses.class.getResourceAsStream(StartupClasses.RESOURCE)) {
            assertThat(in).as("the class list ships with the window").isNotNull();
            names = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        }
        assertThat(names).contains("dev.eventlanes.ui.MainView", "javafx.fxml.FXMLLoader",
                "javafx.scene.control.skin.ListViewSkin");
        // Renamed classes are only skipped, but a list gone stale no longer helps: rewrite it
        // with dev.eventlanes.ui.bench.StartupClassList.
        assertThat(StartupClasses.preload()).isGreaterThanOrEqualTo(names.size() * 95 / 100);
    }

    @Test
    void preloadingCanBeSwitchedOff() {
        String saved = System.getProperty(StartupClasses.SWITCH);
        try {
            System.setProperty(StartupClasses.SWITCH, "false");
            assertThat(StartupClasses.preload()).isZero();
        } finally {
            if (saved == null) {
                System.clearProperty(StartupClasses.SWITCH);
            } else {
                System.setProperty(StartupClasses.SWITCH, saved);
            }
        }
    }

    @Test
    void settingsFileIsNotWrittenByPreparing() {
        Path f = dir.resolve("settings.properties");
        EventLanesApp.prepare(new Settings(f));
        assertThat(Files.exists(f)).isFalse();
    }
}
