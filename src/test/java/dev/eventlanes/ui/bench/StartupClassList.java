package dev.eventlanes.ui.bench;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Rewrites {@code src/main/resources/dev/eventlanes/ui/startup-classes.txt}, the classes the
 * window preloads ahead of the FX thread ({@code StartupClasses}). It launches the app as
 * {@link StartupBench} does (a fresh JVM, seed 1, until the first frame) with class loading
 * logged and preloading off, and keeps, in load order from the view's first class on (what
 * start() loads), every class that came from a jar, the main classes or the JDK's modules: not
 * the CDS archive's (already cheap), not generated lambda classes, not the probe's own. Run it
 * from the project folder, under a display, after a change to what the first window shows:
 *
 * <pre>java -cp target/classes:target/test-classes:$(cat cp.txt) dev.eventlanes.ui.bench.StartupClassList</pre>
 */
public final class StartupClassList {
    /**
     * The first class start() loads once the toolkit is up and the view model ready: the theme,
     * put in use (its stylesheet read, JavaFX's CSS machinery loaded) before the view is made.
     */
    private static final String FIRST_WINDOW_CLASS = "dev.eventlanes.ui.Theme";

    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "src/main/resources/dev/eventlanes/ui/startup-classes.txt");
        String cp = System.getProperty("java.class.path");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = Files.createTempFile("eventlanes-classes", ".log");
        Path settings = Files.createTempFile("eventlanes-classes", ".properties");
        ProcessBuilder pb = new ProcessBuilder(java, "-Xlog:class+load=info:file=" + log,
                "-Dprism.order=" + System.getProperty("prism.order", "sw"), "-Deventlanes.preload=false",
                "-Deventlanes.settings=" + settings, "-cp", cp, StartupProbe.class.getName(), "app");
        pb.redirectErrorStream(true);
        pb.redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
        pb.redirectOutput(ProcessBuilder.Redirect.DISCARD);
        int code = pb.start().waitFor();
        if (code != 0) {
            throw new IllegalStateException("the probe exited with " + code);
        }
        Set<String> names = new LinkedHashSet<>();
        boolean window = false;
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            int tag = line.indexOf("[class,load] ");
            int src = line.indexOf(" source: ");
            if (tag < 0 || src < 0) {
                continue;
            }
            String name = line.substring(tag + 13, src);
            String from = line.substring(src + 9);
            // From the view on: what the toolkit loads while starting, and the view model, are
            // loaded on their own threads before these could help.
            window |= name.equals(FIRST_WINDOW_CLASS);
            if (!window) {
                continue;
            }
            boolean wanted = from.startsWith("jrt:/")
                    || (from.startsWith("file:") && !from.contains("test-classes") && isAppJar(from));
            if (wanted && !name.contains("$$Lambda") && !name.contains("/0x") && !name.startsWith("dev.eventlanes.ui.bench.")) {
                names.add(name);
            }
        }
        List<String> lines = new ArrayList<>();
        lines.add("# Classes a launch on seed 1 loads from start() to its first frame, in load order: preloaded");
        lines.add("# by dev.eventlanes.ui.StartupClasses. Written by dev.eventlanes.ui.bench.StartupClassList.");
        lines.addAll(names);
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.write(out, lines, StandardCharsets.UTF_8);
        Files.deleteIfExists(log);
        Files.deleteIfExists(settings);
        System.out.printf("%d classes written to %s%n", names.size(), out);
    }

    /** The main classes and the jars the app ships with (the test tools on the class path are not). */
    private static boolean isAppJar(String from) {
        return from.contains("/target/classes") || from.contains("/org/openjfx/") || from.contains("/com/fasterxml/")
                || from.contains("/org/fxmisc/") || from.contains("/org/reactfx/");
    }
}
