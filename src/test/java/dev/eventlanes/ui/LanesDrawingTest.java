package dev.eventlanes.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventlanes.model.Semantics;
import dev.eventlanes.ui.render.PngWriter;
import dev.eventlanes.ui.bench.BenchPrograms;
import dev.eventlanes.ui.program.ProgramSources;
import java.nio.file.Path;
import java.util.Locale;
import javafx.scene.Scene;
import javafx.scene.control.ChoiceBox;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.input.KeyCode;
import javafx.scene.input.ScrollEvent;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The lanes are drawn from a cache that is only repaired near the playhead while playing (see
 * LanesView). Whatever happens (playing until the view scrolls, stepping back, scrubbing, zooming,
 * resizing, scrolling the lanes, selecting one, another language, another program), what it shows
 * must be what a drawing from scratch shows.
 */
@ExtendWith(ApplicationExtension.class)
class LanesDrawingTest {
    /** Channel difference allowed: anti-aliased edges may round differently when drawn in pieces. */
    private static final int TOLERANCE = 24;
    private MainViewModel vm;
    private MainView view;
    private Stage stage;

    private double stageWidth;
    private double stageHeight;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stageWidth = stage.getWidth();
        stageHeight = stage.getHeight();
        vm = new MainViewModel(new I18n(Locale.ENGLISH), ProgramSources.defaults());
        view = new MainView(vm, PresetCatalog::all);
        stage.setScene(MainView.scene(view.load(), 1280, 800));
        view.openSession(BenchPrograms.session(BenchPrograms.busy(30, 12)));
        stage.show();
    }

    /** The stage is shared with the tests that run after these: leave it as it was. */
    @AfterEach
    void restoreTheStage() throws Exception {
        FxToolkit.setupFixture(() -> {
            if (!Double.isNaN(stageWidth)) {
                stage.setWidth(stageWidth);
                stage.setHeight(stageHeight);
            }
        });
    }

    /** How many pixels differ (by more than the tolerance) between two pictures of one size. */
    private static int differing(Image a, Image b) {
        assertThat(a.getWidth()).isEqualTo(b.getWidth());
        assertThat(a.getHeight()).isEqualTo(b.getHeight());
        int w = (int) a.getWidth();
        int h = (int) a.getHeight();
        int[] pa = new int[w * h];
        int[] pb = new int[w * h];
        a.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), pa, 0, w);
        b.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), pb, 0, w);
        int n = 0;
        for (int i = 0; i < pa.length; i++) {
            int p = pa[i];
            int q = pb[i];
            if (p != q && (Math.abs((p >> 16 & 255) - (q >> 16 & 255)) > TOLERANCE
                    || Math.abs((p >> 8 & 255) - (q >> 8 & 255)) > TOLERANCE || Math.abs((p & 255) - (q & 255)) > TOLERANCE)) {
                n++;
            }
        }
        return n;
    }

    private Image cached;

    /** Asserts the cached drawing is the fresh one; keeps the picture for {@link #changedSinceLast}. */
    /** Runs on the FX thread and waits for it (without TestFX's slower wait for all events). */
    private static void fx(Runnable r) {
        try {
            WaitForAsyncUtils.asyncFx(r).get(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void assertCacheIsFresh(FxRobot robot, String when) {
        Image[] img = new Image[2];
        // A snapshot lays the window out first, which can still move things (the events row's
        // scroll bar comes and goes as toggles change width): then both pictures are taken again.
        for (int attempt = 0; attempt < 5; attempt++) {
            fx(() -> {
                view.root().applyCss();
                view.root().layout();
                img[0] = view.lanes().snapshotDrawing();
                img[1] = view.lanes().drawFromScratch();
            });
            if (img[0].getWidth() == img[1].getWidth() && img[0].getHeight() == img[1].getHeight()) {
                break;
            }
        }
        int bad = differing(img[0], img[1]);
        if (bad > 0) {
            try {
                PngWriter.write(img[0], Path.of("target", "lanes-cached.png"));
                PngWriter.write(img[1], Path.of("target", "lanes-fresh.png"));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        assertThat(bad).as(when + ": pixels where the cached lanes differ from a fresh drawing"
                + " (see target/lanes-cached.png, target/lanes-fresh.png)").isZero();
        previous = cached;
        cached = img[0];
    }

    private Image previous;

    private boolean changedSinceLast() {
        return previous != null && differing(previous, cached) > 0;
    }

    /** Plays {@code frames} frames of 1/60 s at the speed set, checking every {@code every}. */
    private void play(FxRobot robot, int frames, int every, String what) {
        for (int f = 0; f < frames; f += every) {
            fx(() -> {
                vm.play();
                for (int i = 0; i < every; i++) {
                    vm.tick(1 / 60.0);
                }
                vm.pause();
            });
            assertCacheIsFresh(robot, what + ", frame " + (f + every));
        }
    }

    @Test
    void playingUntilTheViewScrollsThenGoingBackShowsWhatAFreshDrawingShows(FxRobot robot) {
        robot.interact(() -> vm.speedProperty().set(8));
        assertCacheIsFresh(robot, "opened");
        play(robot, 45, 5, "playing at 8x");
        assertThat(changedSinceLast()).as("the picture moves on while playing").isTrue();
        play(robot, 180, 30, "playing on, the view follows the playhead");
        robot.interact(() -> vm.speedProperty().set(1));
        play(robot, 8, 1, "playing at 1x, scrolled");
        int k = vm.positionProperty().get();
        robot.interact(() -> vm.scrubTo(k / 2));
        assertCacheIsFresh(robot, "scrubbed back");
        robot.interact(() -> vm.scrubTo(k));
        assertCacheIsFresh(robot, "scrubbed forward again");
        robot.interact(() -> vm.scrubTo(k / 2));
        assertCacheIsFresh(robot, "scrubbed back again");
        robot.interact(() -> vm.stepBack());
        assertCacheIsFresh(robot, "stepped back");
        robot.interact(() -> vm.step());
        assertCacheIsFresh(robot, "stepped");
        play(robot, 6, 1, "playing after scrubbing back");
        robot.interact(() -> vm.reset());
        assertCacheIsFresh(robot, "reset");
        play(robot, 20, 5, "playing from the start again");
    }

    @Test
    void labelsTagsAndPollMarksAreCopiedFromImagesMadeOnce(FxRobot robot) {
        robot.interact(() -> vm.speedProperty().set(8));
        play(robot, 120, 40, "playing at 8x");
        int made = view.lanes().spritesMade();
        assertThat(made).as("images made for the texts and marks seen so far").isPositive();
        play(robot, 120, 40, "playing on");
        // Every text of this run (states, waiting on e0..e11, tags) has been drawn by now; a key
        // that never matched would make an image at every drawing, hundreds a frame.
        assertThat(view.lanes().spritesMade() - made).as("images made while playing on").isLessThanOrEqualTo(4);
    }

    @Test
    void labelsAndTagsAtTheLeftEdgeStayInSightAsTheViewScrolls(FxRobot robot) {
        // Long segments: once the view follows the playhead, a label whose segment began before
        // the left edge is kept in sight there, and a tag kept from running off it.
        robot.interact(() -> view.openSession(BenchPrograms.session(BenchPrograms.slow(8, 3))));
        robot.interact(() -> vm.speedProperty().set(8));
        play(robot, 240, 40, "playing a slow program until it scrolls");
        play(robot, 24, 1, "playing a slow program, scrolled, frame by frame");
        robot.interact(() -> vm.speedProperty().set(0.25));
        play(robot, 10, 1, "playing a slow program at a quarter speed");
    }

    @Test
    void aRulerTimeWhoseTickHasScrolledPastTheLeftEdgeIsNotShownCut(FxRobot robot) {
        // Times stand 3 px right of their tick: in the first 3 px of the ruler, text can only be
        // the end of a time whose tick is left of the edge, shown cut ("=18.15").
        robot.interact(() -> vm.speedProperty().set(8));
        int scrolledFrames = 0;
        for (int f = 0; f < 60; f++) {
            play(robot, 6, 6, "playing at 8x");
            Image img = cached;
            if (view.lanes().viewStartPixels() <= 0) {
                continue;
            }
            scrolledFrames++;
            for (int y = 8; y < 24; y++) {
                for (int x = 0; x < 3; x++) {
                    int argb = img.getPixelReader().getArgb(x, y);
                    int darkest = Math.min(argb >> 16 & 255, Math.min(argb >> 8 & 255, argb & 255));
                    assertThat(darkest).as("ruler pixel (%d, %d) at frame %d: text at the left edge", x, y, f)
                            .isGreaterThan(170);
                }
            }
        }
        assertThat(scrolledFrames).as("frames with the view scrolled").isGreaterThan(30);
    }

    @Test
    void zoomResizeScrollSelectLanguageAndAnotherProgramRedrawEverything(FxRobot robot) {
        robot.interact(() -> vm.speedProperty().set(8));
        play(robot, 200, 50, "playing");
        robot.interact(view::zoomIn);
        assertCacheIsFresh(robot, "zoomed in");
        robot.interact(view::zoomOut);
        robot.interact(view::zoomOut);
        assertCacheIsFresh(robot, "zoomed out");
        play(robot, 10, 2, "playing zoomed out");
        robot.interact(() -> stage.setWidth(stage.getWidth() - 170));
        assertCacheIsFresh(robot, "narrower window");
        robot.interact(() -> stage.setHeight(stage.getHeight() + 60));
        assertCacheIsFresh(robot, "taller window");
        robot.interact(() -> view.lanes().fireEvent(new ScrollEvent(ScrollEvent.SCROLL, 10, 10, 10, 10, false,
                false, false, false, false, false, 0, -150, 0, 0, null, 0, null, 0, 0, null)));
        assertCacheIsFresh(robot, "lanes scrolled down");
        play(robot, 10, 2, "playing, lanes scrolled");
        robot.interact(() -> view.lanes().fireEvent(new ScrollEvent(ScrollEvent.SCROLL, 10, 10, 10, 10, false,
                true, false, false, false, false, 0, 40, 0, 0, null, 0, null, 0, 0, null)));
        assertCacheIsFresh(robot, "ctrl+wheel zoom of the time axis");
        robot.interact(() -> vm.selectedTaskProperty().set(3));
        assertCacheIsFresh(robot, "a lane selected");
        play(robot, 10, 2, "playing with a lane selected");
        robot.interact(() -> vm.i18n().setLocale(I18n.CHINESE));
        assertCacheIsFresh(robot, "in Chinese");
        play(robot, 10, 2, "playing in Chinese");
        robot.interact(() -> vm.i18n().setLocale(I18n.ENGLISH));
        assertCacheIsFresh(robot, "back in English");
        robot.interact(() -> view.openSession(PresetCatalog.open("py:waiting_vs_polling")));
        assertCacheIsFresh(robot, "another program");
        for (int i = 0; i < 8; i++) {
            robot.interact(() -> vm.step());
            assertCacheIsFresh(robot, "step " + (i + 1) + " of a program that polls");
        }
        robot.interact(() -> vm.speedProperty().set(1));
        play(robot, 60, 6, "playing a program that polls");
    }

    @Test
    void aClickAndAnotherSemanticsReRunAndRedraw(FxRobot robot) {
        robot.interact(() -> view.openSession(PresetCatalog.seed()));
        for (int i = 0; i < 6; i++) {
            robot.clickOn("#step");
            assertCacheIsFresh(robot, "step " + (i + 1));
        }
        robot.clickOn("#toggle-event");
        assertCacheIsFresh(robot, "after a click");
        robot.interact(() -> robot.lookup("#semantics").queryAs(ChoiceBox.class).setValue(Semantics.ASYNCIO));
        assertCacheIsFresh(robot, "re-run as asyncio");
        robot.type(KeyCode.RIGHT);
        assertCacheIsFresh(robot, "stepped with the keyboard");
        robot.interact(() -> vm.runToEnd());
        assertCacheIsFresh(robot, "run to the end");
    }

    @Test
    void aPlayheadGlidingBehindThePositionGrowsLabelsLeftOfWhereItWas(FxRobot robot) {
        // With animations on, a step shows the new position at once and the playhead glides after
        // it: a segment the old playhead cut may be finished at once, and its label (left of all
        // that is new) must appear. Driven here frame by frame, as the glide would.
        robot.interact(() -> view.openSession(PresetCatalog.open("py:ping_pong")));
        robot.interact(() -> vm.runToEnd());
        dev.eventlanes.scene.TraceIndex tl = vm.timeline();
        int total = vm.totalProperty().get();
        int[] stops = {0, 10, 20, 30, 60, 100};
        for (int i = 1; i < stops.length; i++) {
            int from = total * stops[i - 1] / 100;
            int to = total * stops[i] / 100;
            robot.interact(() -> view.lanes().show(tl, from, tl.unitAt(from)));
            for (int f = 0; f <= 4; f++) {
                double unit = tl.unitAt(from) + (tl.unitAt(to) - tl.unitAt(from)) * f / 4;
                fx(() -> view.lanes().show(tl, to, unit));
                assertCacheIsFresh(robot, "gliding from " + stops[i - 1] + "% to " + stops[i] + "%, frame " + f);
            }
        }
    }
}
