package dev.eventlanes.ui.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Start-up: JVM start to first frame of the Event Lanes window, against a bare JavaFX window (one
 * label, one button) measured the same way in the same run. Each sample is a fresh JVM; the time
 * runs from just before the process is started to the probe's report, which it writes after the
 * second pulse following {@code show()} (so the first frame has been painted). Samples alternate
 * so machine load affects both alike.
 */
public final class StartupBench {
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        String cp = System.getProperty("java.class.path");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path settings = Files.createTempFile("eventlanes-bench", ".properties");
        List<Double> bare = new ArrayList<>();
        List<Double> app = new ArrayList<>();
        for (int i = 0; i < runs + 1; i++) {
            double b = sample(java, cp, "bare", settings);
            double a = sample(java, cp, "app", settings);
            if (i > 0) {
                // The first pair warms the OS file cache; it is not counted.
                bare.add(b);
                app.add(a);
            }
        }
        Collections.sort(bare);
        Collections.sort(app);
        double mb = bare.get(bare.size() / 2);
        double ma = app.get(app.size() / 2);
        System.out.printf("bare JavaFX window: median %.0f ms (min %.0f)%n", mb, bare.get(0));
        System.out.printf("Event Lanes on seed 1: median %.0f ms (min %.0f)%n", ma, app.get(0));
        System.out.printf("ratio %.2fx (target <= 1.3x), %d runs each%n", ma / mb, bare.size());
        Files.deleteIfExists(settings);
    }

    private static double sample(String java, String cp, String which, Path settings) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(java, "-Dprism.order=" + System.getProperty("prism.order", "sw"),
                "-Deventlanes.settings=" + settings, "-cp", cp, StartupProbe.class.getName(), which);
        pb.redirectErrorStream(true);
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        long t0 = System.nanoTime();
        Process p = pb.start();
        double ms = -1;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("FIRST_FRAME")) {
                    ms = (System.nanoTime() - t0) / 1e6;
                }
            }
        }
        p.waitFor();
        if (ms < 0) {
            throw new IllegalStateException(which + " probe never reported a frame");
        }
        return ms;
    }
}
