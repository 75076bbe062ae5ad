package dev.eventlanes.ui.lanes;

import dev.eventlanes.model.TaskState;
import dev.eventlanes.ui.I18n;
import dev.eventlanes.ui.Styles;
import javafx.geometry.Pos;
import javafx.scene.canvas.Canvas;
import javafx.scene.canvas.GraphicsContext;
import javafx.scene.control.Label;
import javafx.scene.layout.FlowPane;
import javafx.scene.paint.Color;
import javafx.scene.paint.Paint;

/** The key under the lanes: each state's fill and pattern, a poll mark and a wake-up arrow, named. */
public final class Legend extends FlowPane {
    private final Patterns patterns = new Patterns();

    public Legend(I18n i18n) {
        super(18, 4);
        getStyleClass().add("legend");
        setAlignment(Pos.CENTER_LEFT);
        Label title = new Label();
        title.textProperty().bind(i18n.bind("legend.title"));
        title.getStyleClass().add("section-title");
        getChildren().add(title);
        for (TaskState s : TaskState.values()) {
            Label l = new Label();
            l.textProperty().bind(i18n.bind("state." + s.name()));
            l.setGraphic(swatch(s));
            getChildren().add(l);
        }
        Label poll = new Label();
        poll.textProperty().bind(i18n.bind("legend.poll"));
        Label arrow = new Label("\u2198");
        arrow.setStyle("-fx-text-fill: #c0392b; -fx-font-weight: bold;");
        Label arrowText = new Label();
        arrowText.textProperty().bind(i18n.bind("legend.arrow"));
        arrowText.setGraphic(arrow);
        getChildren().addAll(poll, arrowText);
        accessibleTextProperty().bind(i18n.bind("legend.title"));
    }

    private Canvas swatch(TaskState s) {
        Canvas c = new Canvas(34, 18);
        GraphicsContext g = c.getGraphicsContext2D();
        double y = 0;
        double h = 18;
        if (s == TaskState.DONE || s == TaskState.CANCELLED) {
            y = 7;
            h = 4;
        }
        g.setFill(Styles.laneColor(s));
        g.fillRect(0, y, 34, h);
        Paint p = patterns.overlay(s);
        if (p != null) {
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
}
