package dev.eventlanes.ui.bench;

import dev.eventlanes.ui.I18n;
import dev.eventlanes.ui.MainView;
import dev.eventlanes.ui.MainViewModel;
import dev.eventlanes.ui.PresetCatalog;
import dev.eventlanes.ui.program.ProgramSources;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Time to show any moment of a 1,000,000-step run: the run is simulated and indexed first, then
 * the window is scrubbed to random positions; each figure is one scrub, from the view model call
 * through the lanes, toggles, code panel and console updating, on the FX thread (layout and
 * painting follow in the next pulse and are what FrameBench measures).
 *
 * <p>Run: {@code java -cp target/classes:target/test-classes:<deps> dev.eventlanes.ui.bench.ScrubBench}
 */
public final class ScrubBench {
    static final int STEPS = 1_000_000;

    public static void main(String[] args) {
        Application.launch(App.class, args);
    }

    /** The window under test (a nested class: the java launcher refuses an Application main class). */
    public static final class App extends Application {
    @Override
    public void start(Stage stage) {
        MainViewModel vm = new MainViewModel(new I18n(Locale.ENGLISH), ProgramSources.defaults());
        MainView view = new MainView(vm, PresetCatalog::all);
        stage.setScene(MainView.scene(view.load(), 1400, 900));
        stage.show();
        view.openSession(BenchPrograms.session(BenchPrograms.longRun(STEPS)));
        long t0 = System.nanoTime();
        vm.runToEnd();
        long simMs = (System.nanoTime() - t0) / 1_000_000;
        int total = vm.totalProperty().get();
        System.out.printf("run: %d steps, %d trace entries, simulated and indexed in %d ms%n",
                vm.timeline().stepCount(), total, simMs);
        Random r = new Random(42);
        for (int i = 0; i < 50; i++) {
            // Warm-up: the JIT compiles the drawing code on the first scrubs.
            vm.scrubTo(r.nextInt(total + 1));
        }
        int n = 500;
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            int k = r.nextInt(total + 1);
            long a = System.nanoTime();
            vm.scrubTo(k);
            ms[i] = (System.nanoTime() - a) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf("scrub to a random point (%d samples): median %.2f ms, p99 %.2f ms, max %.2f ms (target <= 50 ms)%n",
                n, ms[n / 2], ms[(int) (n * 0.99)], ms[n - 1]);
        Platform.exit();
    }
    }
}
