package dev.eventlanes.ui;

import dev.eventlanes.scene.SceneBuilder;
import dev.eventlanes.scene.TraceIndex;
import dev.eventlanes.trace.ChromeTraceWriter;
import dev.eventlanes.ui.lanes.LanesView;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.StackPane;

/**
 * What the window's Export menu writes, for slides and for a trace viewer: a picture of the
 * lanes (drawn afresh at 1× or 2× by the same path as {@code render}, so a 2× picture is sharp,
 * not an enlarged screenshot), a picture of the window as it is, and the run as a Chrome/Perfetto
 * trace (the same writer as {@code run --chrome-trace}).
 */
public final class Export {
    private Export() {
    }

    /**
     * On the FX thread: a scene of the lanes alone at moment k, {@code width} wide and tall enough
     * for every lane (unless {@code height} > 0), laid out and ready to snapshot. The lanes'
     * scale is the picture's: set it on {@code lanes} first. {@code render} draws its lanes so.
     */
    public static Scene lanesScene(LanesView lanes, MainViewModel vm, int k, double unit, int width, int height) {
        TraceIndex index = vm.timeline();
        int rows = index.laneCountAt(k);
        double s = lanes.scaleProperty().get();
        int h = height > 0 ? height
                : (int) Math.min(8000, Math.ceil(SceneBuilder.rulerHeight(s) + rows * SceneBuilder.rowHeight(s) + 8));
        StackPane root = new StackPane(lanes);
        root.getStyleClass().add(Styles.ROOT);
        root.setStyle(String.format(Locale.ROOT, "-fx-font-size: %.1fpx;", Sizes.BASE_FONT * s));
        // In the theme in use: its colours, then the style sheet written in them.
        root.getStylesheets().addAll(Theme.current().palette().stylesheet(),
                MainView.class.getResource("/css/event-lanes.css").toExternalForm());
        Scene scene = new Scene(root, width, h);
        scene.setFill(Styles.windowBackground());
        lanes.setDeadlocked(vm.deadlocked());
        lanes.show(index, k, unit);
        return scene;
    }

    /**
     * On the FX thread: the lanes at the moment shown, the whole run so far fitted into
     * {@code width} × {@code factor} pixels, every size times {@code factor}.
     */
    static WritableImage lanesPicture(MainViewModel vm, double scale, double width, double factor) {
        LanesView lanes = new LanesView(vm.i18n());
        lanes.scaleProperty().set(scale * factor);
        int k = vm.positionProperty().get();
        double unit = vm.timeline().unitAt(k);
        Scene scene = lanesScene(lanes, vm, k, unit, (int) Math.round(width * factor), 0);
        scene.getRoot().applyCss();
        scene.getRoot().layout();
        lanes.show(vm.timeline(), k, unit);
        return scene.snapshot(null);
    }

    /** The run as recorded, as a Chrome trace (Perfetto and chrome://tracing open it). */
    static void trace(MainViewModel vm, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            ChromeTraceWriter.write(vm.timeline().log(), vm.simulation().loop(), vm.session().program().title(), w);
        }
    }
}
