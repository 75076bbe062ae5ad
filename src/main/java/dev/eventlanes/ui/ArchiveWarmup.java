package dev.eventlanes.ui;

import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.scene.Parent;
import javafx.scene.Scene;

/**
 * What {@code dev.eventlanes.launch.ArchiveMaker} runs to record the class data archive: the
 * first window's work without a window. It prepares the view model as a launch does, loads the
 * first window's classes ({@link StartupClasses}), and builds, styles and lays out the window's
 * scene off screen, so the archive holds the classes (and lambda classes) a launch needs. Nothing
 * is shown and nothing is written; if the toolkit cannot start here (no display, or macOS, where
 * starting it shows a dock icon) the archive still gets the classes.
 */
public final class ArchiveWarmup {
    private ArchiveWarmup() {
    }

    public static void main(String[] args) throws InterruptedException {
        EventLanesApp.Prepared p = EventLanesApp.prepare(Settings.forApp());
        StartupClasses.preload();
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).startsWith("mac")) {
            offScreen(p);
        }
        System.exit(0);
    }

    private static void offScreen(EventLanesApp.Prepared p) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(1);
        try {
            Platform.startup(() -> {
                try {
                    MainView view = new MainView(p.vm(), PresetCatalog::all);
                    Parent root = view.load();
                    view.setLaneActions(new ScenarioActions(view));
                    Scene scene = MainView.scene(root, 1500, 940);
                    view.showOpened();
                    root.applyCss();
                    root.layout();
                    scene.snapshot(null);
                    view.stop();
                } catch (RuntimeException | Error e) {
                    // Whatever was loaded so far still goes into the archive.
                } finally {
                    done.countDown();
                }
            });
        } catch (RuntimeException | Error e) {
            return;
        }
        done.await(2, TimeUnit.MINUTES);
        Platform.exit();
    }
}
