package dev.eventlanes.ui;

import dev.eventlanes.ui.program.ProgramSources;
import dev.eventlanes.ui.program.ProgramSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * The Event Lanes window. Opens the last scenario (seed 1 on a first launch), and remembers window
 * size, language and zoom in {@link Settings}.
 */
public class EventLanesApp extends Application {
    private Settings settings;
    private MainView view;
    private MainViewModel vm;

    /** Started by {@link #main} before the toolkit, so reading the first program overlaps its start-up. */
    private static volatile CompletableFuture<Session> early;

    public static void main(String[] args) {
        Settings s = Settings.forApp();
        String last = s.get("last", "preset:" + PresetCatalog.SEED);
        early = CompletableFuture.supplyAsync(() -> {
            // Class loading on the second core while the first starts JavaFX: FXML's loader too.
            try {
                Class.forName("javafx.fxml.FXMLLoader");
            } catch (ClassNotFoundException | LinkageError e) {
                // Only a warm-up; start() loads it anyway.
            }
            return firstSession(last);
        });
        launch(EventLanesApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        settings = Settings.forApp();
        String lang = settings.get("language", null);
        I18n i18n = new I18n(lang == null ? Locale.getDefault() : Locale.forLanguageTag(lang));
        // Read the first program (JSON parsing, the slowest part of start-up) while the window is built.
        String last = settings.get("last", "preset:" + PresetCatalog.SEED);
        CompletableFuture<Session> first = early != null && last.equals(earlyLast(settings))
                ? early : CompletableFuture.supplyAsync(() -> firstSession(last));
        vm = new MainViewModel(i18n, ProgramSources.defaults());
        view = new MainView(vm, PresetCatalog::all);
        Parent root = view.load();
        view.setLaneActions(new ScenarioActions(view));
        view.zoomProperty().set(Math.max(MainView.MIN_ZOOM, Math.min(MainView.MAX_ZOOM, settings.getDouble("zoom", 1.0))));
        Scene scene = new Scene(root, settings.getDouble("width", 1500), settings.getDouble("height", 940));
        stage.setScene(scene);
        Session s = first.join();
        view.openSession(s != null ? s : PresetCatalog.seed());
        stage.setOnCloseRequest(e -> {
            if (!view.confirmClose()) {
                e.consume();
                return;
            }
            remember(stage);
        });
        stage.show();
    }

    private static String earlyLast(Settings settings) {
        return settings.get("last", "preset:" + PresetCatalog.SEED);
    }

    /** The session the last launch ended on, or null for seed 1 (never throws: a bad file is skipped). */
    private static Session firstSession(String last) {
        try {
            if (last.startsWith("file:")) {
                Path p = Path.of(last.substring(5));
                ProgramSource.Loaded l = ProgramSources.defaults().load(p.getFileName().toString(),
                        Files.readString(p, StandardCharsets.UTF_8));
                return l.ok() ? new Session(last, l.program(), l.code(), l.editable(), l.clicks()) : null;
            }
            if (last.startsWith("preset:")) {
                return PresetCatalog.open(last.substring(7));
            }
        } catch (IOException | RuntimeException e) {
            // A moved or broken last file: start on seed 1 instead.
        }
        return null;
    }

    private void remember(Stage stage) {
        settings.putDouble("width", stage.getWidth());
        settings.putDouble("height", stage.getHeight());
        settings.put("language", vm.i18n().locale().toLanguageTag());
        settings.putDouble("zoom", view.zoomProperty().get());
        if (vm.session() != null && !vm.session().id().startsWith("pasted:")) {
            settings.put("last", vm.session().id());
        }
        settings.save();
    }

    @Override
    public void stop() {
        if (view != null) {
            view.stop();
        }
    }
}
