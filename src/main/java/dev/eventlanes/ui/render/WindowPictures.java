package dev.eventlanes.ui.render;

import dev.eventlanes.scene.PictureMaker;
import dev.eventlanes.scene.SceneJson;
import dev.eventlanes.scene.TraceIndex;
import dev.eventlanes.scene.SceneBuilder;
import dev.eventlanes.ui.I18n;
import dev.eventlanes.ui.MainView;
import dev.eventlanes.ui.MainViewModel;
import dev.eventlanes.ui.PresetCatalog;
import dev.eventlanes.ui.Session;
import dev.eventlanes.ui.Styles;
import dev.eventlanes.ui.lanes.LanesView;
import dev.eventlanes.ui.program.ProgramSource;
import dev.eventlanes.ui.program.ProgramSources;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;

/**
 * The {@code render} command's pictures: the window's own view model and lanes (or the whole
 * window), opened on the file as the window opens it, moved to the moment asked for, laid out
 * offscreen and snapshotted. No display is needed: the toolkit starts on Monocle's headless
 * screen with software rendering, so this runs on a build server as in a classroom.
 *
 * <p>The scene written beside the picture is the very scene the lanes painted.
 */
public final class WindowPictures implements PictureMaker {
    /** The picture's width when none is asked for. */
    static final int DEFAULT_WIDTH = 1400;
    /** The whole window's height when none is asked for. */
    static final int DEFAULT_WINDOW_HEIGHT = 900;

    private static boolean started;

    /** Starts the toolkit headless, once per process (the window is never shown). */
    static synchronized void startToolkit() throws InterruptedException {
        if (started) {
            return;
        }
        setDefault("glass.platform", "Monocle");
        setDefault("monocle.platform", "Headless");
        setDefault("prism.order", "sw");
        setDefault("prism.text", "t2k");
        setDefault("java.awt.headless", "true");
        CountDownLatch up = new CountDownLatch(1);
        try {
            Platform.startup(up::countDown);
        } catch (IllegalStateException alreadyRunning) {
            up.countDown();
        }
        up.await();
        Platform.setImplicitExit(false);
        started = true;
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) {
            System.setProperty(key, value);
        }
    }

    @Override
    public Result make(Request r) throws IOException {
        try {
            startToolkit();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while starting the toolkit");
        }
        AtomicReference<Object> out = new AtomicReference<>();
        CountDownLatch done = new CountDownLatch(1);
        Platform.runLater(() -> {
            try {
                out.set(draw(r));
            } catch (IOException | RuntimeException e) {
                out.set(e);
            } finally {
                done.countDown();
            }
        });
        try {
            if (!done.await(5, TimeUnit.MINUTES)) {
                throw new IOException("drawing took more than five minutes");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while drawing");
        }
        Object o = out.get();
        if (o instanceof IOException e) {
            throw e;
        }
        if (o instanceof RuntimeException e) {
            throw e;
        }
        return (Result) o;
    }

    /** On the FX thread: open, move to the moment, lay out, snapshot, write. */
    private Result draw(Request r) throws IOException {
        I18n i18n = new I18n("zh".equals(r.lang()) ? I18n.CHINESE : Locale.ENGLISH);
        ProgramSources sources = ProgramSources.defaults();
        ProgramSource.Loaded loaded = sources.load(r.fileName(), r.text());
        if (!loaded.ok()) {
            List<String> problems = new ArrayList<>();
            for (ProgramSource.Problem p : loaded.problems()) {
                problems.add(p.line() > 0 ? "line " + p.line() + ": " + p.message() : p.message());
            }
            return new Result(null, problems);
        }
        MainViewModel vm = new MainViewModel(i18n, sources);
        if (r.seed() != null) {
            vm.setSeed(r.seed());
        }
        Session session = new Session("file:" + r.fileName(), loaded.program(), loaded.code(), loaded.editable(),
                loaded.clicks());
        MainView view = null;
        Scene scene = null;
        LanesView lanes;
        int width = r.width() > 0 ? r.width() : DEFAULT_WIDTH;
        if (r.window()) {
            view = new MainView(vm, PresetCatalog::all);
            scene = MainView.scene(view.load(), width, r.height() > 0 ? r.height() : DEFAULT_WINDOW_HEIGHT);
            view.openSession(session);
            lanes = (LanesView) scene.lookup("#lanes");
        } else {
            vm.open(session);
            lanes = new LanesView(i18n);
        }
        if (r.semantics() != null && r.semantics() != vm.semanticsProperty().get()) {
            vm.semanticsProperty().set(r.semantics());
        }
        // The run is recorded whole on opening (a program) or ahead of the playhead (a scenario).
        vm.runToEnd();
        TraceIndex index = vm.timeline();
        int k = index.size();
        double unit = index.unitAt(k);
        if (r.atStep() != null) {
            vm.reset();
            for (int i = 0; i < r.atStep() && vm.positionProperty().get() < index.size(); i++) {
                vm.step();
            }
            k = vm.positionProperty().get();
            unit = index.unitAt(k);
        } else if (r.atTime() != null) {
            double t = r.atTime();
            k = 0;
            while (k < index.size() && index.log().time(k) <= t) {
                k++;
            }
            // The playhead at t itself, gliding through time that passes before the next entry.
            unit = index.unitAt(k) + Math.max(0, t - index.timeAt(k));
            if (k < index.size()) {
                unit = Math.min(unit, index.unitOf(k));
            }
            vm.scrubTo(k);
        }
        if (!r.window()) {
            // Tall enough for every lane, unless a height is asked for.
            int rows = index.laneCountAt(k);
            double s = lanes.scaleProperty().get();
            int height = r.height() > 0 ? r.height()
                    : (int) Math.min(8000, Math.ceil(SceneBuilder.rulerHeight(s) + rows * SceneBuilder.rowHeight(s) + 8));
            StackPane root = new StackPane(lanes);
            root.getStyleClass().add(Styles.ROOT);
            root.getStylesheets().add(MainView.class.getResource("/css/event-lanes.css").toExternalForm());
            scene = new Scene(root, width, height);
            scene.setFill(Styles.WINDOW_BACKGROUND);
            lanes.setDeadlocked(vm.deadlocked());
            lanes.show(index, k, unit);
        }
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        if (!r.window()) {
            lanes.show(index, k, unit);
        }
        WritableImage img = scene.snapshot(null);
        PngWriter.write(img, r.png());
        if (r.scene() != null && lanes.scene() != null) {
            Path p = r.scene().toAbsolutePath();
            if (p.getParent() != null) {
                Files.createDirectories(p.getParent());
            }
            try (Writer w = Files.newBufferedWriter(p, StandardCharsets.UTF_8)) {
                SceneJson.write(lanes.scene(), vm.session().program().title(), vm.semanticsProperty().get().library(),
                        t -> t >= 0 && t < index.lanes().size() && index.lanes().get(t) != null
                                ? index.lanes().get(t).taskName() : null, w);
            }
        }
        if (view != null) {
            view.stop();
        }
        return new Result(vm.simulation(), List.of());
    }

}
