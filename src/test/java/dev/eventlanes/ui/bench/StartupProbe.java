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
        Application.launch(args[0].equals("app") ? AppProbe.class : BareProbe.class, args);
    }

    static void reportAfterFirstFrame() {
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
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
