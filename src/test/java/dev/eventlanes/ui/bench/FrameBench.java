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
 * <p>Run under Xvfb with {@code -Dprism.order=sw} (the default here). {@code -Dbench.speed=S} plays at
 * S times (default 8), {@code -Dbench.warmup=N} plays N seconds before measuring (default 3: the
 * compiler is still busy for tens of seconds, so 10 and 30 say more), {@code -Dbench.phases=true}
 * adds per-phase figures, {@code -Dbench.floor=true} measures the floor instead ({@link Floor}).
 * The window's own JVM gets the options of {@code launch.Relaunch} ({@code -XX:+UseSerialGC
 * -XX:TieredStopAtLevel=1}); pass them to measure that. The report names the
 * options and collector it ran with.
 */
public final class FrameBench {
    static final Pattern PULSE = Pattern.compile("PULSE: (\\d+) \\[(\\d+)ms:(\\d+)ms\\]");
    static final ByteArrayOutputStream LOG = new ByteArrayOutputStream();
    static PrintStream realErr;

    public static void main(String[] args) {
        System.setProperty("prism.order", System.getProperty("prism.order", "sw"));
        // As the window starts its toolkit (the floor too: the same renderer).
        dev.eventlanes.ui.EventLanesApp.renderingDefaults();
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
        Application.launch(Boolean.getBoolean("bench.floor") ? Floor.class : App.class, args);
    }

    /**
     * The floor ({@code -Dbench.floor=true}): a window of the same size with nothing in it but a
     * line moving one pixel per pulse, a playhead on an empty stage. Software rendering reads the
     * whole window back and uploads it to the display on every pulse that changes anything, so
     * this is what any frame of a window this size costs here; the app's figures are read against it.
     */
    public static final class Floor extends Application {
        @Override
        public void start(Stage stage) {
            javafx.scene.shape.Line head = new javafx.scene.shape.Line(0, 0, 0, 950);
            head.setStrokeWidth(2);
            javafx.scene.layout.Pane pane = new javafx.scene.layout.Pane(head);
            stage.setScene(new Scene(pane, 1500, 950));
            stage.show();
            new javafx.animation.AnimationTimer() {
                @Override
                public void handle(long now) {
                    head.setTranslateX((head.getTranslateX() + 1) % 1500);
                }
            }.start();
            warmThenMeasure(() -> { }, text -> {
                realErr.println("floor: an empty 1500x950 window, one line moving, 10 s: " + distribution(text));
                Platform.exit();
            });
        }
    }

    /**
     * After {@code -Dbench.warmup=N} seconds (default 3; the JIT compiler is busy for a while), the
     * pulse log is started afresh and {@code atStart} runs; 10 s later {@code report} gets that log.
     */
    static void warmThenMeasure(Runnable atStart, java.util.function.Consumer<String> report) {
        PauseTransition warm = new PauseTransition(Duration.seconds(Double.parseDouble(System.getProperty("bench.warmup", "3"))));
        warm.setOnFinished(e -> {
            synchronized (LOG) {
                LOG.reset();
            }
            atStart.run();
            PauseTransition measure = new PauseTransition(Duration.seconds(10));
            measure.setOnFinished(f -> {
                String text;
                synchronized (LOG) {
                    text = LOG.toString(StandardCharsets.UTF_8);
                }
                report.accept(text);
            });
            measure.play();
        });
        warm.play();
    }

    /**
     * The pulses of a pulse log and their duration from start to end of painting (1 ms resolution).
     * The log's first pulse is left out: the measurement started inside it (the log is reset and
     * the CPU clocks read from an animation callback), so it holds the benchmark's own work, 20 to
     * 35 ms of it, and would be one of the slowest pulses of every run.
     */
    static String distribution(String log) {
        List<Integer> durations = new ArrayList<>();
        Matcher m = PULSE.matcher(log);
        boolean first = true;
        while (m.find()) {
            if (first) {
                first = false;
                continue;
            }
            durations.add(Integer.parseInt(m.group(3)));
        }
        if (durations.isEmpty()) {
            return "no pulse log lines captured; first 400 chars: " + log.substring(0, Math.min(400, log.length()));
        }
        Collections.sort(durations);
        int n = durations.size();
        return String.format("%d pulses; pulse duration (start to end of painting, ms) median %d, p95 %d, p99 %d, max %d", n,
                durations.get(n / 2), durations.get((int) (n * 0.95)), durations.get(Math.min(n - 1, (int) (n * 0.99))),
                durations.get(n - 1));
    }

    /** The window under test. */
    public static final class App extends Application {
        @Override
        public void start(Stage stage) {
            MainViewModel vm = new MainViewModel(new I18n(Locale.ENGLISH), ProgramSources.defaults());
            MainView view = new MainView(vm, PresetCatalog::all);
            // -Dbench.size=1920x1080 sizes the window; -Dbench.presentation=true plays it in
            // presentation mode (full screen: the screen's size).
            String[] size = System.getProperty("bench.size", "1500x950").split("x");
            stage.setScene(MainView.scene(view.load(), Double.parseDouble(size[0]), Double.parseDouble(size[1])));
            stage.show();
            view.openSession(BenchPrograms.session(BenchPrograms.busy(100, 50)));
            if (Boolean.getBoolean("bench.presentation")) {
                view.togglePresentation();
            }
            double speed = Double.parseDouble(System.getProperty("bench.speed", "8"));
            vm.speedProperty().set(speed);
            // Diagnostics: -Dbench.hide=.canvas,#events hides parts to see what each costs.
            for (String sel : System.getProperty("bench.hide", "").split(",")) {
                if (!sel.isBlank()) {
                    view.root().lookupAll(sel).forEach(n -> n.setVisible(false));
                }
            }
            vm.play();
            warmThenMeasure(() -> cpuAtStart = cpuTimes(), text -> report(vm, view, text));
        }

        /** Diagnostics (-Dbench.nodes=true): how many nodes each part of the scene has (every pulse walks them all). */
        private static int nodes(javafx.scene.Node n, String path, int depth, java.util.Map<String, Integer> byPart) {
            int count = 1;
            if (n instanceof javafx.scene.Parent p) {
                for (javafx.scene.Node c : p.getChildrenUnmodifiable()) {
                    String name = c.getId() != null ? "#" + c.getId() : c.getStyleClass().isEmpty()
                            ? c.getClass().getSimpleName() : "." + c.getStyleClass().get(0);
                    count += nodes(c, depth < 4 ? path + "/" + name : path, depth + 1, byPart);
                }
            }
            byPart.merge(path, 1, Integer::sum);
            return count;
        }

        private void report(MainViewModel vm, MainView view, String text) {
            if (Boolean.getBoolean("bench.nodes")) {
                java.util.Map<String, Integer> byPart = new java.util.TreeMap<>();
                realErr.println("nodes in the scene: " + nodes(view.root(), "", 0, byPart));
                byPart.entrySet().stream().filter(e -> e.getValue() >= 10)
                        .forEach(e -> realErr.printf("  %5d %s%n", e.getValue(), e.getKey()));
            }
            if (Boolean.getBoolean("bench.phases")) {
                phases(text);
                realErr.println("  lanes cache: " + view.lanes().cacheStats());
                long[] cpu = cpuTimes();
                int pulses = Math.max(1, countPulses(text));
                realErr.printf("  CPU per pulse (ms, load-independent): FX thread %.2f, render thread %.2f, whole process %.2f%n",
                        (cpu[0] - cpuAtStart[0]) / 1e6 / pulses, (cpu[1] - cpuAtStart[1]) / 1e6 / pulses,
                        (cpu[2] - cpuAtStart[2]) / 1e6 / pulses);
            }
            // -Dbench.log=FILE: the whole pulse log of the measured 10 s, to read the slow pulses.
            String logFile = System.getProperty("bench.log");
            if (logFile != null) {
                try {
                    java.nio.file.Files.writeString(java.nio.file.Path.of(logFile), text);
                } catch (java.io.IOException e) {
                    realErr.println("could not write " + logFile + ": " + e.getMessage());
                }
            }
            if (Boolean.getBoolean("bench.dump")) {
                int at = Math.max(0, text.length() / 2);
                realErr.println(text.substring(at, Math.min(text.length(), at + 3000)));
            }
            int lanes = vm.timeline().laneCountAt(vm.positionProperty().get());
            int events = vm.timeline().eventCountAt(vm.positionProperty().get());
            // The JVM's options and collector: the window's own JVM (see launch.Relaunch) has others than a plain java.
            realErr.println("JVM options: " + String.join(" ", java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments())
                    + "; collectors: " + java.lang.management.ManagementFactory.getGarbageCollectorMXBeans().stream()
                            .map(java.lang.management.GarbageCollectorMXBean::getName).toList()
                    + "; warm-up " + System.getProperty("bench.warmup", "3") + " s");
            realErr.printf("playing %d lanes x %d events at %.2gx for 10 s, t reached %.1f s, %d trace entries: %s (target p99 <= 8)%n",
                    lanes, events, vm.speedProperty().get(), vm.timeline().timeAt(vm.positionProperty().get()),
                    vm.totalProperty().get(), distribution(text));
            Platform.exit();
        }

        private long[] cpuAtStart = new long[3];

        /** CPU time so far (ns) of the FX thread, the render thread and the whole process. */
        private static long[] cpuTimes() {
            java.lang.management.ThreadMXBean tb = java.lang.management.ManagementFactory.getThreadMXBean();
            long fx = tb.getCurrentThreadCpuTime();
            long render = 0;
            for (java.lang.management.ThreadInfo ti : tb.getThreadInfo(tb.getAllThreadIds())) {
                if (ti != null && ti.getThreadName().startsWith("QuantumRenderer")) {
                    render += tb.getThreadCpuTime(ti.getThreadId());
                }
            }
            long process = ((com.sun.management.OperatingSystemMXBean)
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
            return new long[] {fx, render, process};
        }

        private static int countPulses(String text) {
            Matcher m = PULSE.matcher(text);
            int n = 0;
            while (m.find()) {
                n++;
            }
            return n;
        }

        /**
         * Diagnostics (-Dbench.phases=true): per pulse phase of the pulse logger, its median, p99
         * and mean; "animation" is the time before the CSS pass (animation timers: our tick and
         * canvas drawing); "Painting#i" is the i-th dirty region painted; "dirty px" the painted area.
         */
        private void phases(String text) {
            java.util.Map<String, List<Integer>> byPhase = new java.util.TreeMap<>();
            java.util.Map<String, List<Integer>> byRegion = new java.util.HashMap<>();
            String[] pulses = text.split("PULSE: ");
            int n = 0;
            boolean straddling = true;
            for (String block : pulses) {
                if (!PULSE.matcher("PULSE: " + block).lookingAt()) {
                    continue;
                }
                if (straddling) {
                    // As in distribution(): the measurement began inside this one.
                    straddling = false;
                    continue;
                }
                n++;
                java.util.Map<String, Integer> here = new java.util.HashMap<>();
                int painting = 0;
                boolean first = true;
                long dirty = 0;
                for (String line : block.split("\n")) {
                    Matcher m = PHASE.matcher(line);
                    if (m.find()) {
                        String label = m.group(3).trim();
                        if (first) {
                            here.merge("animation (before CSS)", Integer.parseInt(m.group(1)), Integer::sum);
                            first = false;
                        }
                        if (label.equals("Painting")) {
                            label = "Painting#" + painting++;
                        }
                        here.merge(label, Integer.parseInt(m.group(2)), Integer::sum);
                    }
                    Matcher c = COUNTER.matcher(line);
                    if (c.find()) {
                        here.merge("count: " + c.group(1).trim(), Integer.parseInt(c.group(2)), Integer::sum);
                    }
                    Matcher d = DIRTY.matcher(line);
                    if (d.find()) {
                        dirty += (long) (Double.parseDouble(d.group(1)) * Double.parseDouble(d.group(2)));
                    }
                }
                here.put("dirty px (thousands)", (int) (dirty / 1000));
                // Painting time by the dirty region painted (the i-th Painting paints the i-th region).
                Matcher rm = DIRTY.matcher(block);
                List<String> regions = new ArrayList<>();
                while (rm.find()) {
                    regions.add(rm.group(0).replaceAll(".*minX:([\\d.]+), minY:([\\d.]+).*\\(w:([\\d.]+), h:([\\d.]+)\\)",
                            "region at $1,$2 $3x$4"));
                }
                for (int i = 0; i < regions.size(); i++) {
                    Integer t = here.get("Painting#" + i);
                    if (t != null) {
                        byRegion.computeIfAbsent(regions.get(i), x -> new ArrayList<>()).add(t);
                    }
                }
                here.forEach((k, v) -> byPhase.computeIfAbsent(k, x -> new ArrayList<>()).add(v));
            }
            int counted = n;
            byRegion.entrySet().stream().sorted((a, b) -> b.getValue().size() - a.getValue().size()).limit(8)
                    .forEach(e -> realErr.printf("  painting %-34s in %3d%% of pulses, mean %.1f ms%n", e.getKey(),
                            100 * e.getValue().size() / Math.max(1, counted),
                            e.getValue().stream().mapToInt(Integer::intValue).average().orElse(0)));
            for (var e : byPhase.entrySet()) {
                List<Integer> v = e.getValue();
                while (v.size() < n) {
                    v.add(0);
                }
                Collections.sort(v);
                double mean = v.stream().mapToInt(Integer::intValue).average().orElse(0);
                realErr.printf("  %-32s median %4d  p99 %4d  mean %6.1f%n", e.getKey(), v.get(v.size() / 2),
                        v.get(Math.min(v.size() - 1, (int) (v.size() * 0.99))), mean);
            }
        }
    }

    static final Pattern PHASE = Pattern.compile("^T\\d+ \\((\\d+) \\+(\\d+)ms\\): (.+)$");
    /** The pulse logger's counters ("Nodes rendered: 527"): how much work, whatever the load. */
    static final Pattern COUNTER = Pattern.compile("^\\t([A-Za-z][^:]*): (\\d+)$");
    static final Pattern DIRTY = Pattern.compile("Dirty Region \\d+: .*\\(w:([\\d.]+), h:([\\d.]+)\\)");
}
