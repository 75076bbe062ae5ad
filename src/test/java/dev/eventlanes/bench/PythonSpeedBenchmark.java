package dev.eventlanes.bench;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Whole processes side by side: the asyncio ping-pong program (two tasks, two events,
 * wait/clear/set, 200,000 rounds) under {@code python3} and under
 * {@code java -jar target/event-lanes.jar run}. Prints the median wall time of each and the
 * ratio; it asserts nothing (figures, not a timed test).
 *
 * <p>Run after {@code mvn -q package -DskipTests}:
 * {@code java -cp target/test-classes dev.eventlanes.bench.PythonSpeedBenchmark [python3] [runs]}.
 */
public final class PythonSpeedBenchmark {
    private PythonSpeedBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String python = args.length > 0 ? args[0] : "/usr/bin/python3";
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        Path program = Files.createTempFile("pingpong_asyncio", ".py");
        try (var in = PythonSpeedBenchmark.class.getResourceAsStream("/dev/eventlanes/bench/pingpong_asyncio.py")) {
            Files.write(program, in.readAllBytes());
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String jar = new File("target/event-lanes.jar").getAbsolutePath();
        String expected = run(List.of(python, program.toString()), null);
        String ours = run(List.of(java, "-jar", jar, "run", program.toString()), null);
        if (!expected.equals(ours)) {
            System.out.println("outputs differ: python printed " + expected + " and event-lanes printed " + ours);
            return;
        }
        double[] py = new double[runs];
        double[] el = new double[runs];
        for (int i = 0; i < runs; i++) {
            // Alternate, so that load on the machine hits both alike.
            py[i] = timed(List.of(python, program.toString()));
            el[i] = timed(List.of(java, "-jar", jar, "run", program.toString()));
        }
        double mp = median(py);
        double me = median(el);
        System.out.printf("ping-pong 200,000 rounds (asyncio events, wait/clear/set), median of %d whole-process runs%n", runs);
        System.out.printf("  %-40s %.2f s%n", python, mp);
        System.out.printf("  %-40s %.2f s%n", "java -jar event-lanes.jar run", me);
        System.out.printf("  event-lanes is %.2fx as fast as CPython%n", mp / me);
    }

    private static double median(double[] xs) {
        double[] c = xs.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }

    private static double timed(List<String> cmd) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        run(cmd, null);
        return (System.nanoTime() - t0) / 1e9;
    }

    private static String run(List<String> cmd, File dir) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(cmd));
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes());
        p.waitFor();
        return out;
    }
}
