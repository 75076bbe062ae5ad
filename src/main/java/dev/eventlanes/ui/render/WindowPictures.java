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
import dev.eventlanes.ui.Theme;
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
import javafx.stage.Stage;

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

    /** Tests: looks at the shown window just before it closes. */
    static java.util.function.Consumer<Scene> beforeClose;

    /** Starts the toolkit headless, once per process (windows are shown on Monocle's screen). */
    static synchronized void startToolkit() throws InterruptedException {
        if (started) {
            return;
        }
        setDefault("glass.platform", "Monocle");
        setDefault("monocle.platform", "Headless");
        setDefault("prism.order", "sw");
        setDefault("prism.text", "t2k");
        setDefault("java.awt.headless", "true");
        // A still picture shows where things end, not a frame of their animation.
        setDefault("eventlanes.animations", "off");
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
    public List<String> themes() {
        return Theme.ids();
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
                Drawing d = open(r);
                if (d.result() != null) {
                    out.set(d.result());
                    done.countDown();
                } else {
                    settleThen(d, () -> {
                        try {
                            out.set(finish(r, d));
                        } catch (IOException | RuntimeException e) {
                            out.set(e);
                        } finally {
                            done.countDown();
                        }
                    });
                }
            } catch (IOException | RuntimeException e) {
                out.set(e);
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

    /** What {@link #open} made ready to be snapshotted, or the problems that stopped it. */
    private record Drawing(Result result, MainViewModel vm, MainView view, Stage stage, Scene scene, LanesView lanes,
            TraceIndex index, int position, double unit) {
    }

    /**
     * How many layout pulses the shown window gets before its picture is taken: what the window
     * does after a layout (the output panel scrolling its newest line whole, the code panel
     * scrolling to a marked line) takes a pulse or two, and a still picture has no animations.
     */
    static final int SETTLE_PULSES = 8;

    /** Runs {@code then} on the FX thread once the shown window has had its settling pulses. */
    private static void settleThen(Drawing d, Runnable then) {
        if (d.stage() == null) {
            then.run();
            return;
        }
        Runnable[] counter = new Runnable[1];
        int[] left = {SETTLE_PULSES};
        counter[0] = () -> {
            if (--left[0] > 0) {
                Platform.requestNextPulse();
                return;
            }
            d.scene().removePostLayoutPulseListener(counter[0]);
            // Outside the pulse: a snapshot inside a pulse listener would start a pulse of its own.
            Platform.runLater(then);
        };
        d.scene().addPostLayoutPulseListener(counter[0]);
        Platform.requestNextPulse();
    }

    /**
     * On the FX thread: opens the file as the window does and moves to the moment; the whole
     * window is shown on the headless screen, so that it lays itself out as on a desk.
     */
    private Drawing open(Request r) throws IOException {
        I18n i18n = new I18n("zh".equals(r.lang()) ? I18n.CHINESE : Locale.ENGLISH);
        // The theme of the whole application (its controls' stylesheet), before anything is made.
        Theme.use(r.theme() == null ? Theme.LIGHT : Theme.parse(r.theme()));
        ProgramSources sources = ProgramSources.defaults();
        ProgramSource.Loaded loaded = sources.load(r.fileName(), r.text());
        if (!loaded.ok()) {
            List<String> problems = new ArrayList<>();
            for (ProgramSource.Problem p : loaded.problems()) {
                problems.add(p.line() > 0 ? "line " + p.line() + ": " + p.message() : p.message());
            }
            return new Drawing(new Result(null, problems), null, null, null, null, null, null, 0, 0);
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
            if (r.presentation()) {
                view.togglePresentation();
            }
            if (r.zoom() != null) {
                view.zoomProperty().set(r.zoom());
            }
            lanes = (LanesView) scene.lookup("#lanes");
        } else {
            vm.open(session);
            lanes = new LanesView(i18n);
            if (r.zoom() != null) {
                lanes.scaleProperty().set(r.zoom());
            }
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
            scene = dev.eventlanes.ui.Export.lanesScene(lanes, vm, k, unit, width, r.height());
        }
        Stage stage = null;
        if (r.window()) {
            stage = new Stage();
            stage.setScene(scene);
            stage.show();
        } else {
            scene.getRoot().applyCss();
            scene.getRoot().layout();
            lanes.show(index, k, unit);
        }
        return new Drawing(null, vm, view, stage, scene, lanes, index, k, unit);
    }

    /** On the FX thread, once the window has settled: snapshot and write. */
    private Result finish(Request r, Drawing d) throws IOException {
        MainViewModel vm = d.vm();
        LanesView lanes = d.lanes();
        TraceIndex index = d.index();
        Scene scene = d.scene();
        WritableImage img = scene.snapshot(null);
        if (d.stage() != null) {
            if (beforeClose != null) {
                beforeClose.accept(scene);
            }
            d.stage().hide();
        }
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
        if (d.view() != null) {
            d.view().stop();
        }
        return new Result(vm.simulation(), List.of());
    }

}
