package dev.eventlanes.ui;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableDoubleValue;
import javafx.scene.control.MenuButton;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;

/**
 * The toolbar's theme chooser, beside the language: a menu of the themes by name in the language
 * shown, the one in use ticked, kept in step with the window's theme both ways (the key T
 * changes it too). A menu rather than a combo box, whose width would be its longest name's ("High
 * contrast"): the button keeps one short label, so the toolbar has room for it at 1280 pixels and
 * does not shift when the theme changes. Its icon (light and dark) is what it shows when the
 * toolbar is too narrow for words ({@link ToolbarFit}).
 */
final class ThemeChooser {
    private ThemeChooser() {
    }

    static void install(MenuButton button, ObjectProperty<Theme> theme, I18n i18n, ObservableDoubleValue zoom) {
        org.kordamp.ikonli.javafx.FontIcon icon =
                new org.kordamp.ikonli.javafx.FontIcon(org.kordamp.ikonli.materialdesign2.MaterialDesignT.THEME_LIGHT_DARK);
        icon.getStyleClass().add("el-icon");
        button.setGraphic(icon);
        ToggleGroup group = new ToggleGroup();
        for (Theme t : Theme.values()) {
            RadioMenuItem item = new RadioMenuItem();
            item.setId("theme-" + t.id());
            item.textProperty().bind(i18n.bind(t.messageKey()));
            item.setToggleGroup(group);
            item.setUserData(t);
            item.setSelected(t == theme.get());
            item.setOnAction(e -> theme.set(t));
            // A menu is a window of its own: it gets the chrome's zoomed size from here.
            item.styleProperty().bind(Bindings.createStringBinding(() -> Sizes.font(Sizes.of(zoom.get(), 0).chrome()),
                    zoom));
            button.getItems().add(item);
        }
        theme.addListener((o, a, b) -> group.getToggles().forEach(tg -> tg.setSelected(tg.getUserData() == b)));
    }
}
