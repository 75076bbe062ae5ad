package dev.eventlanes.ui.lanes;

import dev.eventlanes.model.TaskState;
import dev.eventlanes.scene.TraceIndex;
import dev.eventlanes.ui.I18n;
import dev.eventlanes.ui.Palette;
import dev.eventlanes.ui.Palette.Ink;
import dev.eventlanes.ui.Theme;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.paint.Color;
import javafx.scene.shape.StrokeLineCap;
import javafx.scene.text.Font;
import javafx.scene.text.FontWeight;
import javafx.scene.transform.Affine;

/**
 * The key under the lanes: each state's fill and pattern, each mark, the wake-up arrow, the
 * latency bracket and the instant band, named, drawn as the lanes draw them, in the theme's
 * colours ({@link #setPalette}).
 */
public final class Legend extends FlowPane {
    private final Font markFont = Font.font("System", FontWeight.BOLD, 13);
    /** Each picture of the key and how it is drawn, to draw it again in another theme's colours. */
    private final List<Canvas> canvases = new ArrayList<>();
    private final List<BiConsumer<GraphicsContext, Palette>> drawings = new ArrayList<>();
    private Palette palette = Theme.current().palette();
    private Patterns patterns = new Patterns(palette);

    public Legend(I18n i18n) {
        super(18, 4);
        getStyleClass().add("legend");
        setAlignment(Pos.CENTER_LEFT);
        Label title = new Label();
        title.textProperty().bind(i18n.bind("legend.title"));
        title.getStyleClass().add("section-title");
        getChildren().add(title);
        for (TaskState s : TaskState.values()) {
            add(i18n, "state." + s.name(), picture(34, 18, (g, p) -> swatch(g, p, s)));
        }
        add(i18n, "legend.set", glyph(TraceIndex.MarkKind.SET));
        add(i18n, "legend.clear", glyph(TraceIndex.MarkKind.CLEAR));
        add(i18n, "legend.poll", picture(46, 24, (g, p) -> {
            g.translate(12, 12);
            ScenePainter.drawGlyph(g, p, TraceIndex.MarkKind.POLL, true, 9, markFont, ground(p));
            g.translate(22, 0);
            ScenePainter.drawGlyph(g, p, TraceIndex.MarkKind.POLL, false, 9, markFont, ground(p));
        }));
        add(i18n, "legend.waitSet", glyph(TraceIndex.MarkKind.WAIT_SET));
        add(i18n, "legend.cancel", glyph(TraceIndex.MarkKind.CANCEL));
        add(i18n, "legend.fail", glyph(TraceIndex.MarkKind.FAIL));
        add(i18n, "legend.forever", glyph(TraceIndex.MarkKind.FOREVER));
        add(i18n, "legend.arrow", picture(16, 22, this::arrow));
        add(i18n, "legend.latency", picture(34, 18, this::latency));
        add(i18n, "legend.band", picture(30, 18, this::band));
        accessibleTextProperty().bind(i18n.bind("legend.title"));
    }

    /** Draws the key again in p's colours. */
    public void setPalette(Palette p) {
        if (p == palette) {
            return;
        }
        palette = p;
        patterns = new Patterns(p);
        for (int i = 0; i < canvases.size(); i++) {
            draw(canvases.get(i), drawings.get(i));
        }
    }

    /** The key is drawn on the window's colour. */
    private static Color[] ground(Palette p) {
        return new Color[] {p.get(Ink.BACKGROUND)};
    }

    private Canvas picture(double w, double h, BiConsumer<GraphicsContext, Palette> drawing) {
        Canvas c = new Canvas(w, h);
        canvases.add(c);
        drawings.add(drawing);
        draw(c, drawing);
        return c;
    }

    private void draw(Canvas c, BiConsumer<GraphicsContext, Palette> drawing) {
        GraphicsContext g = c.getGraphicsContext2D();
        g.setTransform(new Affine());
        g.clearRect(0, 0, c.getWidth(), c.getHeight());
        g.save();
        drawing.accept(g, palette);
        g.restore();
    }

    private void add(I18n i18n, String key, Canvas graphic) {
        Label l = new Label();
        l.textProperty().bind(i18n.bind(key));
        l.setGraphic(graphic);
        getChildren().add(l);
    }

    private Canvas glyph(TraceIndex.MarkKind kind) {
        // Room for the rim the lanes draw around a mark.
        return picture(24, 24, (g, p) -> {
            g.translate(12, 12);
            ScenePainter.drawGlyph(g, p, kind, false, 9, markFont, ground(p));
        });
    }

    private void swatch(GraphicsContext g, Palette p, TaskState s) {
        // A finished task's lane goes on as a thin line at the foot of its bar.
        double y = s.isFinished() ? 14 : 0;
        double h = s.isFinished() ? 4 : 18;
        ScenePainter.bar(g, p, patterns, s, 0, y, 34, h, 0, false);
    }

    private void arrow(GraphicsContext g, Palette p) {
        g.setStroke(p.get(Ink.ARROW));
        g.setLineWidth(2.5);
        g.strokeLine(8, 1, 8, 14);
        g.setFill(p.get(Ink.ARROW));
        g.fillPolygon(new double[] {8, 2.5, 13.5}, new double[] {22, 12, 12}, 3);
        ScenePainter.see("the key's arrow", ScenePainter.GRAPHIC, ground(p), p.get(Ink.ARROW));
    }

    private void latency(GraphicsContext g, Palette p) {
        g.setStroke(p.get(Ink.LATENCY));
        g.setLineWidth(2);
        g.setLineCap(StrokeLineCap.BUTT);
        g.strokeLine(2, 9, 32, 9);
        g.strokeLine(2, 4, 2, 14);
        g.strokeLine(32, 4, 32, 14);
        ScenePainter.see("the key's latency bracket", ScenePainter.GRAPHIC, ground(p), p.get(Ink.LATENCY));
    }

    private void band(GraphicsContext g, Palette p) {
        g.setFill(p.get(Ink.BAND_RULER));
        g.fillRect(4, 0, 22, 18);
        g.setStroke(p.get(Ink.BAND_EDGE));
        g.setLineWidth(1.2);
        for (double bx : new double[] {4, 26}) {
            g.strokePolyline(new double[] {bx, bx - 3, bx + 3, bx - 3, bx}, new double[] {0, 4.5, 9, 13.5, 18}, 5);
        }
        ScenePainter.see("the key's band edges", ScenePainter.GRAPHIC,
                new Color[] {p.get(Ink.BACKGROUND), Palette.over(p.get(Ink.BAND_RULER), p.get(Ink.BACKGROUND))},
                p.get(Ink.BAND_EDGE));
    }
}
