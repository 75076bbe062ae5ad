package dev.eventlanes.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventlanes.ui.bench.BenchPrograms;
import dev.eventlanes.ui.program.ProgramSources;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The events bar while a busy program plays: every toggle says what its event is, and none jumps about. */
@ExtendWith(ApplicationExtension.class)
class EventsBarTest {
    private MainViewModel vm;
    private MainView view;

    @Start
    void start(Stage stage) {
        vm = new MainViewModel(new I18n(Locale.ENGLISH), ProgramSources.defaults());
        view = new MainView(vm, PresetCatalog::all);
        stage.setScene(MainView.scene(view.load(), 1280, 800));
        view.openSession(BenchPrograms.session(BenchPrograms.busy(30, 12)));
        stage.show();
    }

    /** One frame of playing (the test's own clock: the timer's ticks are stopped), then CSS and layout, as a pulse would do. */
    private void frame(FxRobot robot) {
        robot.interact(() -> {
            vm.tick(1 / 60.0);
            view.root().applyCss();
            view.root().layout();
        });
    }

    private void playAt8x(FxRobot robot) {
        robot.interact(() -> {
            view.stop();
            vm.speedProperty().set(8);
            vm.play();
        });
    }

    private String expected(EventsBar.EventToggle t) {
        I18n i18n = vm.i18n();
        return i18n.get(t.isSet() ? "toggle.set" : "toggle.unset") + " \u00b7 " + i18n.get("toggle.waiting", t.waiting());
    }

    private boolean inView(EventsBar.EventToggle t) {
        return t.isVisible() && view.eventsBar().inView(t);
    }

    @Test
    void whilePlayingTogglesShowTheirEventAndNeitherShrinkNorMoveBack(FxRobot robot) {
        playAt8x(robot);
        frame(robot);
        List<EventsBar.EventToggle> toggles = view.eventsBar().toggles();
        double[] width = new double[toggles.size()];
        double[] x = new double[toggles.size()];
        Set<String> texts = new HashSet<>();
        int narrowerTexts = 0;
        double[] textWidth = new double[toggles.size()];
        for (int f = 0; f < 240; f++) {
            frame(robot);
            for (int i = 0; i < toggles.size(); i++) {
                EventsBar.EventToggle t = toggles.get(i);
                if (!inView(t)) {
                    continue;
                }
                assertThat(t.detail.getText()).as("frame %d, %s", f, t.eventName).isEqualTo(expected(t));
                texts.add(t.detail.getText());
                double tw = t.detail.getLayoutBounds().getWidth();
                narrowerTexts += tw < textWidth[i] ? 1 : 0;
                textWidth[i] = tw;
                assertThat(t.getWidth()).as("width of %s, frame %d", t.eventName, f).isGreaterThanOrEqualTo(width[i]);
                assertThat(t.getLayoutX()).as("place of %s, frame %d", t.eventName, f).isGreaterThanOrEqualTo(x[i]);
                // Its texts fit in it.
                assertThat(t.getWidth()).isGreaterThanOrEqualTo(t.detail.getLayoutBounds().getWidth());
                width[i] = t.getWidth();
                x[i] = t.getLayoutX();
            }
        }
        assertThat(texts).as("the counts changed while playing").hasSizeGreaterThan(2);
        assertThat(narrowerTexts).as("some text got narrower on the way").isPositive();
    }

    @Test
    void togglesFarOutOfViewLeaveTheSceneAndComeBackUpToDateWhenScrolledTo(FxRobot robot) {
        robot.interact(() -> view.openSession(BenchPrograms.session(BenchPrograms.busy(20, 50))));
        playAt8x(robot);
        for (int f = 0; f < 30; f++) {
            frame(robot);
        }
        EventsBar bar = view.eventsBar();
        List<EventsBar.EventToggle> toggles = bar.toggles();
        assertThat(toggles).hasSize(50);
        long inScene = toggles.stream().filter(t -> t.getScene() != null).count();
        assertThat(inScene).as("toggles in the scene").isBetween(3L, 20L);
        // The row is as wide as all fifty: each one out of the scene has a slot of its width.
        double last = toggles.get(49).getWidth();
        assertThat(bar.prefWidth(-1)).isGreaterThan(49 * 100.0);
        javafx.scene.control.ScrollPane scroll = (javafx.scene.control.ScrollPane) robot.lookup(".events-scroll").query();
        // Scrolled to the end, paused: the last toggle is in the scene, showing its event, at once
        // (no frame is played, and the scroll pane need not lay out again first).
        robot.interact(() -> {
            vm.pause();
            scroll.setHvalue(scroll.getHmax());
        });
        EventsBar.EventToggle end = toggles.get(49);
        assertThat(end.getScene()).as("the last toggle, scrolled to").isNotNull();
        assertThat(inView(end)).isTrue();
        assertThat(end.detail.getText()).isEqualTo(expected(end));
        assertThat(end.getWidth()).isGreaterThanOrEqualTo(last);
        assertThat(toggles.get(0).getScene()).as("the first toggle, scrolled away from").isNull();
    }

    /** How wide the toggle's texts are now, whatever it showed before. */
    private static double natural(EventsBar.EventToggle t) {
        return t.getGraphic().prefWidth(-1) + t.snappedLeftInset() + t.snappedRightInset();
    }

    @Test
    void anotherLanguageMeasuresTheTogglesAfresh(FxRobot robot) {
        playAt8x(robot);
        for (int f = 0; f < 120; f++) {
            frame(robot);
        }
        List<EventsBar.EventToggle> wide = new ArrayList<>();
        robot.interact(() -> view.eventsBar().toggles().stream().filter(this::inView)
                .filter(t -> t.getWidth() > natural(t) + 1).forEach(wide::add));
        assertThat(wide).as("toggles kept wider than their texts now need").isNotEmpty();
        for (Locale l : List.of(I18n.CHINESE, Locale.ENGLISH)) {
            // No tick in between: the toggles show the same counts, in other words.
            robot.interact(() -> {
                vm.i18n().localeProperty().set(l);
                view.root().applyCss();
                view.root().layout();
            });
            robot.interact(() -> {
                for (EventsBar.EventToggle t : view.eventsBar().toggles()) {
                    if (inView(t)) {
                        assertThat(t.detail.getText()).as("%s in %s", t.eventName, l).isEqualTo(expected(t));
                        assertThat(t.getWidth()).as("%s in %s", t.eventName, l)
                                .isCloseTo(natural(t), org.assertj.core.data.Offset.offset(1.0));
                    }
                }
            });
        }
    }
}
