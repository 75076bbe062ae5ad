package dev.eventlanes.ui.bench;

import dev.eventlanes.ui.EventLanesApp;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

/** One start-up sample for {@link StartupBench}: "bare" or "app". */
public final class StartupProbe {
    public static void main(String[] args) {
        if (args[0].equals("app")) {
            // The real launch path (EventLanesApp.main), watched from outside until a window shows.
            Thread watcher = new Thread(StartupProbe::watchForWindow, "startup-probe");
            watcher.setDaemon(true);
            watcher.start();
            EventLanesApp.main(new String[0]);
        } else {
            Application.launch(BareProbe.class, args);
        }
    }

    /**
     * Hands the FX thread one watcher as soon as the toolkit takes work (runLater waits for it to
     * start): it counts pulses from the first one with a window showing, so the app is measured
     * exactly as the bare window, whose timer starts right after show(). Polling with a queue of
     * checks instead would start one timer per check queued while start() runs.
     */
    static void watchForWindow() {
        while (true) {
            try {
                Platform.runLater(() -> reportAfterFrames(() -> javafx.stage.Window.getWindows().stream()
                        .anyMatch(javafx.stage.Window::isShowing)));
                return;
            } catch (IllegalStateException e) {
                // launch() has not begun starting the toolkit yet.
                try {
                    Thread.sleep(2);
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    static void reportAfterFirstFrame() {
        reportAfterFrames(() -> true);
    }

    /** Reports at the second pulse that finds {@code shown} true (the first has painted the window). */
    private static void reportAfterFrames(java.util.function.BooleanSupplier shown) {
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (pulses == 0 && !shown.getAsBoolean()) {
                    return;
                }
                if (++pulses == 2) {
                    stop();
                    System.out.println("FIRST_FRAME");
                    System.out.flush();
                    Platform.exit();
                }
            }
        }.start();
    }

    /** A bare window: one label, one button. */
    public static final class BareProbe extends Application {
        @Override
        public void start(Stage stage) {
            stage.setScene(new Scene(new VBox(new Label("Hello"), new Button("OK")), 1500, 940));
            stage.show();
            reportAfterFirstFrame();
        }
    }

    /** The real window, as a launch opens it. */
    public static final class AppProbe extends Application {
        @Override
        public void start(Stage stage) {
            new EventLanesApp().start(stage);
            reportAfterFirstFrame();
        }
    }
}
