package dev.eventlanes.ui;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The keys overlay (F1 or ?): every binding of the window's {@link KeyMap}, by section, over a
 * dimmed window. Made when first shown, in the language shown then; Esc, F1, ? or a click outside
 * the card close it.
 */
final class KeyHelp extends StackPane {
    static final String STYLE = "key-help";
    static final String CARD = "key-help-card";
    static final String KEY_CAP = "key-cap";

    private final I18n i18n;
    private final List<KeyMap.Binding> bindings;
    private final Runnable close;

    KeyHelp(I18n i18n, List<KeyMap.Binding> bindings, Runnable close) {
        this.i18n = i18n;
        this.bindings = bindings;
        this.close = close;
        setId("keyHelp");
        getStyleClass().add(STYLE);
        build();
        // A click on the dimmed window closes the overlay; one on the card does not.
        setOnMouseClicked(e -> {
            if (e.getTarget() == this) {
                close.run();
            }
        });
    }

    private void build() {
        Label title = new Label(i18n.get("keys.title"));
        title.getStyleClass().add("key-help-title");
        Button done = new Button(i18n.get("keys.close"));
        done.setId("keyHelpClose");
        done.setOnAction(e -> close.run());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox head = new HBox(12, title, gap, done);
        head.setAlignment(Pos.CENTER_LEFT);

        // Two columns of sections: playing and the time axis left, the window and files right.
        VBox left = new VBox(14);
        VBox right = new VBox(14);
        for (KeyMap.Section s : KeyMap.Section.values()) {
            GridPane g = new GridPane();
            g.setHgap(14);
            g.setVgap(6);
            ColumnConstraints keysCol = new ColumnConstraints();
            keysCol.setMinWidth(Region.USE_PREF_SIZE);
            ColumnConstraints words = new ColumnConstraints();
            words.setHgrow(Priority.ALWAYS);
            g.getColumnConstraints().addAll(keysCol, words);
            int row = 0;
            for (KeyMap.Binding b : bindings) {
                if (b.section() != s) {
                    continue;
                }
                Label keys = new Label(b.keysText());
                keys.getStyleClass().add(KEY_CAP);
                keys.setMinWidth(Region.USE_PREF_SIZE);
                Label what = new Label(i18n.get("keys." + b.id()));
                what.setWrapText(true);
                what.setId("keyHelp-" + b.id());
                g.addRow(row++, keys, what);
            }
            if (row == 0) {
                continue;
            }
            Label name = new Label(i18n.get(s.key));
            name.getStyleClass().add("key-help-section");
            VBox box = new VBox(8, name, g);
            (s == KeyMap.Section.PLAY || s == KeyMap.Section.TIME ? left : right).getChildren().add(box);
        }
        HBox columns = new HBox(36, left, right);
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        // Zoomed up on a small screen the list may not fit: it scrolls, the card's head stays.
        ScrollPane scroll = new ScrollPane(columns);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("key-help-scroll");
        VBox card = new VBox(16, head, scroll);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        card.getStyleClass().add(CARD);
        card.setMaxWidth(Region.USE_PREF_SIZE);
        card.maxHeightProperty().bind(heightProperty().multiply(0.92));
        getChildren().add(card);
        StackPane.setAlignment(card, Pos.CENTER);
    }
}
