package dev.eventlanes.ui.bench;

import dev.eventlanes.ui.I18n;
import dev.eventlanes.ui.MainView;
import dev.eventlanes.ui.MainViewModel;
import dev.eventlanes.ui.PresetCatalog;
import dev.eventlanes.ui.program.ProgramSources;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.animation.PauseTransition;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;
import javafx.util.Duration;

/**
 * Frame time while playing 100 lanes x 50 events, software rendering. JavaFX's own pulse logger
 * times every pulse from its start to the end of its rendering (animation timers with our tick
 * and canvas drawing, CSS, layout, and painting); this prints the distribution.
 *
 * <p>Run under Xvfb with {@code -Dprism.order=sw}.
 */
public final class FrameBench {
    static final Pattern PULSE = Pattern.compile("PULSE: (\\d+) \\[(\\d+)ms:(\\d+)ms\\]");
    static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();
    static PrintStream realErr;

    public static void main(String[] args) {
        System.setProperty("prism.order", System.getProperty("prism.order", "sw"));
        System.setProperty("javafx.pulseLogger", "true");
        System.setProperty("javafx.pulseLogger.threshold", "0");
        realErr = System.err;
        PrintStream capture = new PrintStream(LOG, true, StandardCharsets.UTF_8);
        System.setErr(capture);
        System.setOut(new PrintStream(new java.io.OutputStream() {
            @Override
            public void write(int b) {
                synchronized (LOG) {
                    LOG.write(b);
                }
            }
        }, true));
        Application.launch(App.class, args);
    }

    /** The window under test. */
    public static final class App extends Application {
        @Override
        public void start(Stage stage) {
            MainViewModel vm = new MainViewModel(new I18n(Locale.ENGLISH), ProgramSources.defaults());
            MainView view = new MainView(vm, PresetCatalog::all);
            stage.setScene(new Scene(view.load(), 1500, 950));
            stage.show();
            view.openSession(BenchPrograms.session(BenchPrograms.busy(100, 50)));
            double speed = Double.parseDouble(System.getProperty("bench.speed", "8"));
            vm.speedProperty().set(speed);
            // Diagnostics: -Dbench.hide=.canvas,#events hides parts to see what each costs.
            for (String sel : System.getProperty("bench.hide", "").split(",")) {
                if (!sel.isBlank()) {
                    view.root().lookupAll(sel).forEach(n -> n.setVisible(false));
                }
            }
            PauseTransition warm = new PauseTransition(Duration.seconds(3));
            warm.setOnFinished(e -> {
                synchronized (LOG) {
                    LOG.reset();
                }
                PauseTransition measure = new PauseTransition(Duration.seconds(10));
                measure.setOnFinished(f -> report(vm, view));
                measure.play();
            });
            vm.play();
            warm.play();
        }

        private void report(MainViewModel vm, MainView view) {
            String text;
            synchronized (LOG) {
                text = LOG.toString(StandardCharsets.UTF_8);
            }
            List<Integer> durations = new ArrayList<>();
            Matcher m = PULSE.matcher(text);
            while (m.find()) {
                durations.add(Integer.parseInt(m.group(3)));
            }
            if (Boolean.getBoolean("bench.dump")) {
                int at = Math.max(0, text.length() / 2);
                realErr.println(text.substring(at, Math.min(text.length(), at + 3000)));
            }
            Collections.sort(durations);
            int n = durations.size();
            int lanes = vm.timeline().laneCountAt(vm.positionProperty().get());
            int events = vm.timeline().eventCountAt(vm.positionProperty().get());
            realErr.printf("playing %d lanes x %d events at %.2gx for 10 s: %d pulses, t reached %.1f s, %d trace entries%n",
                    lanes, events, vm.speedProperty().get(), n, vm.timeline().timeAt(vm.positionProperty().get()), vm.totalProperty().get());
            if (n > 0) {
                realErr.printf("pulse duration (start to end of painting, ms, 1 ms resolution): median %d, p95 %d, p99 %d,"
                        + " max %d (target p99 <= 8)%n", durations.get(n / 2), durations.get((int) (n * 0.95)),
                        durations.get(Math.min(n - 1, (int) (n * 0.99))), durations.get(n - 1));
            } else {
                realErr.println("no pulse log lines captured; first 400 chars: " + text.substring(0, Math.min(400, text.length())));
            }
            Platform.exit();
        }
    }
}
