package dev.eventlanes.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventlanes.ui.program.ProgramSources;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The code panel as a launch builds the window: the program is open before the view exists, and
 * the view is in its scene only after it has drawn once (see EventLanesApp.start).
 */
@ExtendWith(ApplicationExtension.class)
class CodePanelAtLaunchTest {
    @Start
    void start(Stage stage) {
        MainViewModel vm = new MainViewModel(new I18n(Locale.ENGLISH), ProgramSources.defaults());
        vm.open(PresetCatalog.seed());
        MainView view = new MainView(vm, PresetCatalog::all);
        javafx.scene.Parent root = view.load();
        view.setLaneActions(new ScenarioActions(view));
        stage.setScene(MainView.scene(root, 1280, 800));
        view.showOpened();
        stage.show();
    }

    @Test
    void theFirstMarkedLineHasItsBadgeInAColumnOfItsOwn(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        Label badge = robot.lookup(".code-badge").queryAs(Label.class);
        assertThat(badge.getText()).isEqualTo("main");
        assertThat(badge.getWidth()).as("the badge is drawn whole").isGreaterThanOrEqualTo(badge.prefWidth(-1) - 0.5);
        Node gutter = robot.lookup(".code-gutter").query();
        assertThat(gutter.getLayoutBounds().getWidth()).isGreaterThanOrEqualTo(badge.getWidth());
    }
}
