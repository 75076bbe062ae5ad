package dev.eventlanes.ui.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Start-up: JVM start to first frame of {@code java -jar target/event-lanes.jar} on seed 1 (the
 * launcher's own JVM, the window's JVM it starts, everything), against a bare JavaFX window (one
 * label, one button) launched plainly in the same run. Each sample is a fresh process; the time
 * runs from just before it is started to the report of the JVM showing the window, written after
 * the second pulse following {@code show()} (so the first frame has been painted): the bare
 * window reports from its own {@code start()}, the app through {@link FirstFrameAgent}, which the
 * launcher passes on to the window's JVM; the bare window's JVM loads that agent too (see
 * {@link #bareCommand}). Samples alternate so machine load affects both alike.
 *
 * <p>Two series: first launches (an empty archive cache each time, as on a user's first launch
 * of a new jar) and later launches (the archive the first launch made in the background). With
 * {@code --in-process}, a third: the window in the launcher's JVM ({@code -Deventlanes.noRelaunch=true}),
 * as before relaunching. Run after {@code mvn package}, from the project folder, under a display:
 *
 * <pre>java -cp target/test-classes dev.eventlanes.ui.bench.StartupBench [runs] [--in-process]</pre>
 */
public final class StartupBench {
    private static String java;
    private static Path jar;
    private static Path agent;
    private static Path settings;

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 && !args[0].startsWith("--") ? Integer.parseInt(args[0]) : 7;
        boolean inProcess = List.of(args).contains("--in-process");
        java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        jar = Path.of(System.getProperty("eventlanes.jar", "target/event-lanes.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            System.out.println("no " + jar + ": run mvn package first");
            return;
        }
        agent = agentJar();
        settings = Files.createTempFile("eventlanes-bench", ".properties");
        try {
            // First launches: every app sample starts with an empty cache, so none has an archive.
            List<List<Double>> first = alternate(runs, () -> {
                Path cache = Files.createTempDirectory("eventlanes-bench-cache");
                try {
                    return sample(appCommand(cache, false), "app");
                } finally {
                    deleteTree(cache);
                }
            });
            report("first launch (no archive yet)", first);
            Path cache = Files.createTempDirectory("eventlanes-bench-cache");
            double made = makeArchive(cache);
            System.out.printf("(archive made in the background by a first launch, in %.0f s)%n", made / 1000);
            report("later launches (archive made)", alternate(runs, () -> sample(appCommand(cache, false), "app")));
            probeCost(runs);
            if (inProcess) {
                report("window in the launcher's JVM (no relaunch)",
                        alternate(runs, () -> sample(appCommand(cache, true), "app")));
            }
            deleteTree(cache);
        } finally {
            Files.deleteIfExists(settings);
            Files.deleteIfExists(agent);
        }
    }

    private interface Sample {
        double take() throws Exception;
    }

    /** bare, app, bare, app...; the first pair warms the OS file cache and is not counted. */
    private static List<List<Double>> alternate(int runs, Sample app) throws Exception {
        List<Double> bare = new ArrayList<>();
        List<Double> ours = new ArrayList<>();
        for (int i = 0; i < runs + 1; i++) {
            double b = sample(bareCommand(), "bare");
            double a = app.take();
            if (i > 0) {
                bare.add(b);
                ours.add(a);
            }
        }
        return List.of(bare, ours);
    }

    /**
     * What the probe itself costs: {@code java -version} with and without the agent, alternating.
     * The app's launch carries it in both its JVMs (the launcher passes its JVM options on to the
     * window's), the bare window in its one, so the app's figure holds one probe more than a
     * user's launch. Printed beside the ratio, which is left as measured.
     */
    private static void probeCost(int runs) throws Exception {
        List<Double> with = new ArrayList<>();
        List<Double> without = new ArrayList<>();
        for (int i = 0; i <= runs; i++) {
            double a = timed(List.of(java, "-javaagent:" + agent, "-version"));
            double b = timed(List.of(java, "-version"));
            if (i > 0) {
                with.add(a);
                without.add(b);
            }
        }
        Collections.sort(with);
        Collections.sort(without);
        System.out.printf("  (the probe agent costs each JVM it is loaded in about %.0f ms: java -version, median %.0f ms with it,"
                + " %.0f without; the app's launch loads it in two JVMs, the bare window in one)%n",
                with.get(with.size() / 2) - without.get(without.size() / 2), with.get(with.size() / 2),
                without.get(without.size() / 2));
    }

    /** Wall time of a whole process, ms. */
    private static double timed(List<String> cmd) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        long t0 = System.nanoTime();
        pb.start().waitFor();
        return (System.nanoTime() - t0) / 1e6;
    }

    private static void report(String title, List<List<Double>> samples) {
        List<Double> bare = new ArrayList<>(samples.get(0));
        List<Double> app = new ArrayList<>(samples.get(1));
        Collections.sort(bare);
        Collections.sort(app);
        double mb = bare.get(bare.size() / 2);
        double ma = app.get(app.size() / 2);
        System.out.printf("%s%n  bare JavaFX window: median %.0f ms (min %.0f)%n", title, mb, bare.get(0));
        System.out.printf("  java -jar event-lanes.jar on seed 1: median %.0f ms (min %.0f)%n", ma, app.get(0));
        System.out.printf("  ratio %.2fx (target <= 1.3x), %d runs each%n", ma / mb, bare.size());
    }

    /**
     * The bare window carries the same probe agent as the app's window JVM, so both pay for the
     * probe alike (loading an agent costs a JVM about 25 ms): the first report wins, its own or
     * the agent's, which watch for the same moment.
     */
    private static List<String> bareCommand() {
        return List.of(java, "-Dprism.order=" + System.getProperty("prism.order", "sw"), "-javaagent:" + agent,
                "-cp", agent + File.pathSeparator + jar, StartupProbe.class.getName(), "bare");
    }

    private static List<String> appCommand(Path cache, boolean inProcess) {
        List<String> cmd = new ArrayList<>(List.of(java, "-Dprism.order=" + System.getProperty("prism.order", "sw"),
                "-Deventlanes.settings=" + settings, "-Deventlanes.cache=" + cache, "-javaagent:" + agent));
        if (inProcess) {
            cmd.add("-Deventlanes.noRelaunch=true");
        }
        cmd.addAll(List.of("-jar", jar.toString()));
        return cmd;
    }

    /**
     * Launches the app as a user would, leaves it open until its archive is in the cache, then
     * closes it; returns how long that took.
     */
    private static double makeArchive(Path cache) throws Exception {
        List<String> cmd = new ArrayList<>(appCommand(cache, false));
        cmd.remove("-javaagent:" + agent);
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        long t0 = System.nanoTime();
        Process p = pb.start();
        try {
            while (archives(cache) == 0) {
                if ((System.nanoTime() - t0) > 300e9) {
                    throw new IllegalStateException("no archive after 5 minutes in " + cache);
                }
                Thread.sleep(200);
            }
            return (System.nanoTime() - t0) / 1e6;
        } finally {
            p.destroy();
            p.waitFor();
        }
    }

    private static long archives(Path cache) throws IOException {
        try (Stream<Path> s = Files.list(cache)) {
            return s.filter(f -> f.getFileName().toString().endsWith(".jsa")).count();
        }
    }

    private static double sample(List<String> cmd, String which) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.redirectErrorStream(true);
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        long t0 = System.nanoTime();
        Process p = pb.start();
        double ms = -1;
        StringBuilder other = new StringBuilder();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("FIRST_FRAME")) {
                    ms = (System.nanoTime() - t0) / 1e6;
                } else if (!line.contains("PlatformImpl startup") && !line.contains("Unsupported JavaFX configuration")) {
                    // (JavaFX's own warning about running from the class path, bare and app alike, is left out.)
                    other.append(line).append('\n');
                }
            }
        }
        p.waitFor();
        if (ms < 0) {
            throw new IllegalStateException(which + " probe never reported a frame:\n" + other);
        }
        if (other.length() > 0) {
            // Start-up must be quiet: anything else on the console is a finding.
            System.out.print(which + " printed: " + other);
        }
        return ms;
    }

    /** A jar of the probe classes whose manifest names {@link FirstFrameAgent}. */
    private static Path agentJar() throws IOException, URISyntaxException {
        Path classes = Path.of(StartupProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path dir = classes.resolve(StartupProbe.class.getPackageName().replace('.', '/'));
        Manifest m = new Manifest();
        m.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        m.getMainAttributes().put(new Attributes.Name("Premain-Class"), FirstFrameAgent.class.getName());
        Path out = Files.createTempFile("eventlanes-probe", ".jar");
        try (OutputStream os = Files.newOutputStream(out); JarOutputStream jos = new JarOutputStream(os, m);
             Stream<Path> files = Files.list(dir)) {
            for (Path f : (Iterable<Path>) files.sorted()::iterator) {
                jos.putNextEntry(new JarEntry(classes.relativize(f).toString().replace(File.separatorChar, '/')));
                jos.write(Files.readAllBytes(f));
                jos.closeEntry();
            }
        }
        return out;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) s.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }
}
