package dev.eventlanes.ui.lesson;

import dev.eventlanes.ui.I18n;
import dev.eventlanes.ui.MainView;
import dev.eventlanes.ui.MainViewModel;
import dev.eventlanes.ui.PresetCatalog;
import dev.eventlanes.ui.program.ProgramSources;
import dev.eventlanes.ui.render.PngWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Pictures of the window with the lesson panel open, to look at (render --window has no switch
 * for the panel): {@code mvn -o test -Dtest=LessonPanelPictures -Dlesson.pictures=/tmp/lesson}.
 * Skipped in a normal build.
 */
@ExtendWith(ApplicationExtension.class)
@EnabledIfSystemProperty(named = "lesson.pictures", matches = ".+")
class LessonPanelPictures {
    private MainViewModel vm;
    private MainView view;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        vm = new MainViewModel(new I18n(Locale.ENGLISH), ProgramSources.defaults());
        view = new MainView(vm, PresetCatalog::all);
        Scene scene = MainView.scene(view.load(), 1280, 800);
        stage.setScene(scene);
        view.openSession(PresetCatalog.seed());
        stage.show();
    }

    @Test
    void pictures(FxRobot robot) throws Exception {
        Path dir = Path.of(System.getProperty("lesson.pictures"));
        Files.createDirectories(dir);
        robot.clickOn("#lessonToggle");
        String[] presets = System.getProperty("lesson.presets", "py:waiting_vs_polling,py:starlette_call_next,poll_vs_wait")
                .split(",");
        for (String zoom : System.getProperty("lesson.zooms", "1.0").split(",")) {
            robot.interact(() -> view.zoomProperty().set(Double.parseDouble(zoom)));
            for (String id : presets) {
                for (Locale l : new Locale[] {I18n.ENGLISH, I18n.CHINESE}) {
                    robot.interact(() -> {
                        vm.i18n().setLocale(l);
                        view.openSession(PresetCatalog.open(id));
                        vm.runToEnd();
                    });
                    // Fired, not clicked: in a long lesson the button may be scrolled out of view.
                    robot.interact(() -> robot.lookup("#lessonShowAnswer").queryAs(javafx.scene.control.Button.class).fire());
                    WaitForAsyncUtils.waitForFxEvents();
                    WaitForAsyncUtils.sleep(300, java.util.concurrent.TimeUnit.MILLISECONDS);
                    WaitForAsyncUtils.waitForFxEvents();
                    WritableImage[] img = new WritableImage[1];
                    robot.interact(() -> img[0] = stage.getScene().snapshot(null));
                    String name = id.replace(':', '-') + "-" + l.getLanguage() + "-" + Math.round(Double.parseDouble(zoom) * 100) + ".png";
                    PngWriter.write(img[0], dir.resolve(name));
                }
            }
        }
    }
}
