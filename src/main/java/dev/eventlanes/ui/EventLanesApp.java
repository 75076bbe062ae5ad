package dev.eventlanes.ui;

import dev.eventlanes.launch.ArchiveMaker;
import dev.eventlanes.launch.Relaunch;
import dev.eventlanes.ui.program.ProgramSources;
import dev.eventlanes.ui.program.ProgramSource;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import javafx.application.Application;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Screen;
import javafx.stage.Stage;

/**
 * The Event Lanes window. Opens the last scenario (seed 1 on a first launch), and remembers window
 * size, language, zoom and theme in {@link Settings}.
 */
public class EventLanesApp extends Application {
    private Settings settings;
    private MainView view;
    private MainViewModel vm;

    /**
     * Started by {@link #main} before the toolkit: everything the first window needs that is plain
     * Java (settings, words, the first program compiled, run and opened in its view model) is
     * ready on another core by the time the toolkit is up.
     */
    private static volatile CompletableFuture<Prepared> early;

    /** The settings and a view model with the first session open, ready to be shown. */
    record Prepared(Settings settings, MainViewModel vm) {
    }

    /** The most rectangles software rendering repaints a frame in (see {@link #renderingDefaults}). */
    static final String DIRTY_REGIONS = "12";

    /**
     * Rendering settings the window starts the toolkit with, unless the user gave their own.
     * Software rendering repaints only what changed, in at most {@code prism.dirtyregioncount}
     * rectangles, and merges the rest into bigger ones. While a busy scenario plays, up to a
     * dozen areas change per frame (toggles that flip, lane tiles, the playhead, the status
     * line); with JavaFX's 6, areas far apart were merged and everything between them repainted.
     * Measured with {@code FrameBench} at 8x: repainted pixels per frame p99 from about 450k to
     * 300-370k, mean from 172k to 143k, p95 frame time 9 to 8 ms.
     */
    public static void renderingDefaults() {
        if (System.getProperty("prism.dirtyregioncount") == null) {
            System.setProperty("prism.dirtyregioncount", DIRTY_REGIONS);
        }
    }

    public static void main(String[] args) {
        renderingDefaults();
        CompletableFuture<Prepared> ready = new CompletableFuture<>();
        early = ready;
        // One thread beside the toolkit's: the view model first (start() waits for it), then the
        // classes the FX thread will load after it (StartupClasses), ahead of it.
        Thread t = new Thread(() -> {
            try {
                ready.complete(prepare(Settings.forApp()));
            } catch (RuntimeException | Error e) {
                ready.completeExceptionally(e);
            }
            StartupClasses.preload();
        }, "eventlanes-startup");
        t.setDaemon(true);
        t.start();
        launch(EventLanesApp.class, args);
    }

    @Override
    public void start(Stage stage) {
        CompletableFuture<Prepared> ready = early;
        early = null;
        Prepared p = ready != null ? ready.join() : prepare(Settings.forApp());
        settings = p.settings();
        vm = p.vm();
        // Before the first control: the controls' stylesheet is the theme's from the start.
        Theme.use(Theme.parse(settings.get("theme", null), Theme.LIGHT));
        view = new MainView(vm, PresetCatalog::all);
        Parent root = view.load();
        view.setLaneActions(new ScenarioActions(view));
        view.useSettings(settings);
        view.zoomProperty().set(Math.max(MainView.MIN_ZOOM, Math.min(MainView.MAX_ZOOM, settings.getDouble("zoom", 1.0))));
        Rectangle2D visible = Screen.getPrimary().getVisualBounds();
        WindowPlacement at = WindowPlacement.fit(settings.getDouble("width", Double.NaN),
                settings.getDouble("height", Double.NaN), Boolean.parseBoolean(settings.get("maximized", "false")), visible);
        Scene scene = MainView.scene(root, at.width(), at.height());
        stage.setScene(scene);
        // The stage's own size, title bar included, so that the whole window is on the screen.
        stage.setX(at.x());
        stage.setY(at.y());
        stage.setWidth(at.width());
        stage.setHeight(at.height());
        stage.setMinWidth(WindowPlacement.minWidth(visible));
        stage.setMinHeight(WindowPlacement.minHeight(visible));
        stage.setMaximized(at.maximized());
        view.showOpened();
        stage.setOnCloseRequest(e -> {
            if (!view.confirmClose()) {
                e.consume();
                return;
            }
            remember(stage);
        });
        stage.show();
        String archive = System.getProperty(Relaunch.MAKE_ARCHIVE);
        if (archive != null) {
            // A first launch of this jar on this JDK: the next one starts from an archive.
            ArchiveMaker.startLater(archive);
        }
    }

    /**
     * The view model in the remembered language with the last scenario open (seed 1 on a first
     * launch, or if the last one cannot be read). It touches no control, so it may run on any
     * thread; the FX thread takes it over once this returns.
     */
    static Prepared prepare(Settings settings) {
        String lang = settings.get("language", null);
        I18n i18n = new I18n(lang == null ? Locale.getDefault() : Locale.forLanguageTag(lang));
        MainViewModel vm = new MainViewModel(i18n, ProgramSources.defaults());
        Session s = firstSession(settings.get("last", PresetCatalog.SESSION + PresetCatalog.SEED));
        vm.open(s != null ? s : PresetCatalog.seed());
        return new Prepared(settings, vm);
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
            if (last.startsWith(PresetCatalog.SESSION)) {
                return PresetCatalog.open(last.substring(PresetCatalog.SESSION.length()));
            }
        } catch (IOException | RuntimeException e) {
            // A moved or broken last file: start on seed 1 instead.
        }
        return null;
    }

    private void remember(Stage stage) {
        // A maximized window keeps the size it had before, for when it is restored.
        if (!stage.isMaximized() && !stage.isFullScreen()) {
            settings.putDouble("width", stage.getWidth());
            settings.putDouble("height", stage.getHeight());
        }
        settings.put("maximized", String.valueOf(stage.isMaximized()));
        settings.put("language", vm.i18n().locale().toLanguageTag());
        settings.putDouble("zoom", view.deskZoom());
        settings.put("theme", view.themeProperty().get().id());
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
