package dev.eventlanes.ui.lanes;

import dev.eventlanes.model.TaskState;
import dev.eventlanes.scene.TraceIndex;
import dev.eventlanes.ui.I18n;
import dev.eventlanes.ui.Styles;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;

/**
 * The key under the lanes: each state's fill and pattern, each mark, the wake-up arrow, the
 * latency bracket and the instant band, named, drawn as the lanes draw them.
 */
public final class Legend extends FlowPane {
    private final Patterns patterns = new Patterns();
    private final Font markFont = Font.font("System", FontWeight.BOLD, 13);

    public Legend(I18n i18n) {
        super(18, 4);
        getStyleClass().add("legend");
        setAlignment(Pos.CENTER_LEFT);
        Label title = new Label();
        title.textProperty().bind(i18n.bind("legend.title"));
        title.getStyleClass().add("section-title");
        getChildren().add(title);
        for (TaskState s : TaskState.values()) {
            add(i18n, "state." + s.name(), swatch(s));
        }
        add(i18n, "legend.set", glyph(TraceIndex.MarkKind.SET, false));
        add(i18n, "legend.clear", glyph(TraceIndex.MarkKind.CLEAR, false));
        Canvas poll = new Canvas(44, 22);
        poll.getGraphicsContext2D().translate(11, 11);
        ScenePainter.drawGlyph(poll.getGraphicsContext2D(), TraceIndex.MarkKind.POLL, true, 9, markFont);
        poll.getGraphicsContext2D().translate(22, 0);
        ScenePainter.drawGlyph(poll.getGraphicsContext2D(), TraceIndex.MarkKind.POLL, false, 9, markFont);
        add(i18n, "legend.poll", poll);
        add(i18n, "legend.waitSet", glyph(TraceIndex.MarkKind.WAIT_SET, false));
        add(i18n, "legend.cancel", glyph(TraceIndex.MarkKind.CANCEL, false));
        add(i18n, "legend.fail", glyph(TraceIndex.MarkKind.FAIL, false));
        add(i18n, "legend.forever", glyph(TraceIndex.MarkKind.FOREVER, false));
        add(i18n, "legend.arrow", arrow());
        add(i18n, "legend.latency", latency());
        add(i18n, "legend.band", band());
        accessibleTextProperty().bind(i18n.bind("legend.title"));
    }

    private void add(I18n i18n, String key, Canvas graphic) {
        Label l = new Label();
        l.textProperty().bind(i18n.bind(key));
        l.setGraphic(graphic);
        getChildren().add(l);
    }

    private Canvas glyph(TraceIndex.MarkKind kind, boolean value) {
        Canvas c = new Canvas(22, 22);
        GraphicsContext g = c.getGraphicsContext2D();
        g.translate(11, 11);
        ScenePainter.drawGlyph(g, kind, value, 9, markFont);
        return c;
    }

    private Canvas swatch(TaskState s) {
        Canvas c = new Canvas(34, 18);
        GraphicsContext g = c.getGraphicsContext2D();
        double y = 0;
        double h = 18;
        if (s.isFinished()) {
            // A finished task's lane goes on as a thin line at the foot of its bar.
            y = 14;
            h = 4;
        }
        g.setFill(Styles.laneColor(s));
        g.fillRect(0, y, 34, h);
        Paint p = patterns.overlay(s);
        if (p != null && !s.isFinished()) {
            g.setFill(p);
            g.fillRect(0, y, 34, h);
        }
        if (s == TaskState.RUNNING) {
            g.setStroke(Color.web("#14532d"));
            g.setLineWidth(2);
            g.strokeRect(1, 1, 32, 16);
        }
        return c;
    }

    private Canvas arrow() {
        Canvas c = new Canvas(16, 22);
        GraphicsContext g = c.getGraphicsContext2D();
        g.setStroke(Color.web("#c0392b"));
        g.setLineWidth(2.5);
        g.strokeLine(8, 1, 8, 14);
        g.setFill(Color.web("#c0392b"));
        g.fillPolygon(new double[] {8, 2.5, 13.5}, new double[] {22, 12, 12}, 3);
        return c;
    }

    private Canvas latency() {
        Canvas c = new Canvas(34, 18);
        GraphicsContext g = c.getGraphicsContext2D();
        g.setStroke(Color.web("#6b4fa0"));
        g.setLineWidth(2);
        g.setLineCap(StrokeLineCap.BUTT);
        g.strokeLine(2, 9, 32, 9);
        g.strokeLine(2, 4, 2, 14);
        g.strokeLine(32, 4, 32, 14);
        return c;
    }

    private Canvas band() {
        Canvas c = new Canvas(30, 18);
        GraphicsContext g = c.getGraphicsContext2D();
        g.setFill(Color.rgb(70, 90, 150, 0.22));
        g.fillRect(4, 0, 22, 18);
        g.setStroke(Color.rgb(70, 90, 150, 0.55));
        g.setLineWidth(1.2);
        for (double bx : new double[] {4, 26}) {
            g.strokePolyline(new double[] {bx, bx - 3, bx + 3, bx - 3, bx}, new double[] {0, 4.5, 9, 13.5, 18}, 5);
        }
        return c;
    }
}
