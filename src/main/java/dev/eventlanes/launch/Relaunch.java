package dev.eventlanes.launch;

import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Opens the window in a child JVM with start-up flags, the way a packaged launcher carries JVM
 * options: {@code java -jar event-lanes.jar} cannot pass any, and start-up (JVM start to first
 * frame) is mostly the JVM's own work — reading and verifying a few thousand classes and two JIT
 * compilers sharing the cores. The child gets
 * <ul>
 * <li>an AppCDS archive of the first window's classes ({@link #archiveFor}, made once per jar and
 * JDK in the background by {@link ArchiveMaker}, after a first window is up), so those classes
 * are mapped ready-verified instead of read and verified one by one;</li>
 * <li>C1 alone ({@link #JIT_FLAGS}): the quickest code for what runs a few hundred times, and
 * no C2 taking a core from start-up or from frames.</li>
 * </ul>
 * The parent writes nothing: the child inherits its standard streams, and its exit code is the
 * parent's. Anything unusual (a module path, another JVM, a class path that is not jars,
 * {@code -Deventlanes.noRelaunch=true}, a child that cannot be started) opens the window in this
 * JVM instead, as before. The command line ({@code run}, {@code bench}) never relaunches.
 *
 * <p>The parent's path avoids lambdas and string concatenation (both bootstrap method handles
 * on first use, tens of milliseconds the user waits for twice).
 */
public final class Relaunch {
    /** {@code -Deventlanes.noRelaunch=true} opens the window in this JVM; every child gets it. */
    public static final String NO_RELAUNCH = "eventlanes.noRelaunch";
    /** Given to a child whose archive is still to be made: the file {@link ArchiveMaker} writes. */
    public static final String MAKE_ARCHIVE = "eventlanes.makeArchive";
    /** Where archives are kept; {@code ~/.eventlanes/cache} unless this property says otherwise. */
    public static final String CACHE_DIR = "eventlanes.cache";

    static final String MAIN_CLASS = "dev.eventlanes.Launcher";
    /** StartupClasses' switch (ui), off: see {@link #plan}. */
    static final String PRELOAD_OFF = "-Deventlanes.preload=false";

    /**
     * C1 only. At start-up most code runs a few hundred times: C1's code without profiling
     * (tier 1) is the fastest there is for that, where tiered compilation would run it profiled
     * (tier 3, markedly slower) while waiting to hand it to C2, and C2 would take one of two cores
     * compiling methods that stop mattering once the window is up. Once up, the window's work is
     * short bursts per frame (drawing, layout, the model a step at a time): measured with
     * {@code FrameBench} at 8x, frames are no slower than with C2, and the process spends less CPU
     * per frame with no compiler thread competing. Only simulating a long run costs more (a
     * million steps take about a quarter longer); the command line, which never relaunches,
     * keeps C2 for the model's throughput.
     */
    static final List<String> JIT_FLAGS = List.of("-XX:TieredStopAtLevel=1");

    /**
     * Flags every child gets: unknown flags are skipped rather than fatal, an archive that does not
     * fit (another JDK build, a changed jar) is ignored rather than fatal, and CDS says nothing
     * about it on the user's console. The serial collector: no collector threads competing for
     * two cores at start-up, less CPU to the first frame, and the model's throughput (bench) is
     * no worse for a heap this size.
     */
    static final List<String> BASE_FLAGS = List.of("-XX:+IgnoreUnrecognizedVMOptions", "-Xshare:auto",
            "-Xlog:cds*=off", "-Xlog:class+path=off", "-XX:-UsePerfData", "-XX:+UseSerialGC");

    private Relaunch() {
    }

    /** What the decision depends on; {@link #current()} reads it from this JVM. */
    record Inputs(String javaHome, String vmName, String vmVersion, String classPath, boolean noRelaunch,
                  List<String> launcherArgs, Path cacheDir) {
    }

    /**
     * A decision: {@code command} is the child's command line, or null to open the window in this
     * JVM ({@code reason} says why). {@code archive} is the archive the child uses or is asked to
     * make (null if none).
     */
    record Plan(List<String> command, Path archive, boolean makesArchive, String reason) {
        static Plan stay(String reason) {
            return new Plan(null, null, false, reason);
        }
    }

    /**
     * Opens the window in a child JVM when that can be done, waits for it and returns its exit
     * code; returns -1 when the window should open in this JVM instead.
     */
    public static int windowInChild() {
        Plan plan;
        try {
            plan = plan(current());
        } catch (RuntimeException e) {
            return -1;
        }
        if (plan.command() == null) {
            return -1;
        }
        Process child;
        try {
            child = new ProcessBuilder(plan.command()).inheritIO().start();
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        // Ended from outside (a TERM to this process only), the window goes too.
        Thread hook = new ChildReaper(child);
        Runtime.getRuntime().addShutdownHook(hook);
        while (true) {
            try {
                int code = child.waitFor();
                Runtime.getRuntime().removeShutdownHook(hook);
                return code;
            } catch (InterruptedException e) {
                // Nothing interrupts this thread on purpose: keep waiting for the window.
            } catch (IllegalStateException e) {
                // Shutting down already: the hook ends the child.
                return 1;
            }
        }
    }

    private static final class ChildReaper extends Thread {
        private final Process child;

        ChildReaper(Process child) {
            this.child = child;
        }

        @Override
        public void run() {
            child.destroy();
        }
    }

    /** This JVM's inputs: its properties, its own command line and the cache directory. */
    static Inputs current() {
        String home = System.getProperty("user.home");
        String dir = System.getProperty(CACHE_DIR);
        Path cache = dir != null ? Path.of(dir)
                : home != null && !home.isEmpty() ? Path.of(home, ".eventlanes", "cache") : null;
        return new Inputs(System.getProperty("java.home"), System.getProperty("java.vm.name"),
                System.getProperty("java.vm.version"), System.getProperty("java.class.path"),
                Boolean.getBoolean(NO_RELAUNCH), ownCommandLine(), cache);
    }

    /** This process's argv on Linux ({@code /proc/self/cmdline}); null where there is none. */
    static List<String> ownCommandLine() {
        File proc = new File("/proc/self/cmdline");
        if (!proc.canRead()) {
            return null;
        }
        byte[] b;
        // java.io rather than java.nio.file: fewer classes for the user to wait for.
        try (FileInputStream in = new FileInputStream(proc)) {
            b = in.readAllBytes();
        } catch (IOException | RuntimeException e) {
            return null;
        }
        String enc = System.getProperty("sun.jnu.encoding");
        Charset cs = enc != null && Charset.isSupported(enc) ? Charset.forName(enc) : Charset.defaultCharset();
        List<String> args = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < b.length; i++) {
            if (b[i] == 0) {
                args.add(new String(b, start, i - start, cs));
                start = i + 1;
            }
        }
        if (start < b.length) {
            args.add(new String(b, start, b.length - start, cs));
        }
        return args;
    }

    /** The decision (pure but for looking at files): see the class comment. */
    static Plan plan(Inputs in) {
        if (in.noRelaunch()) {
            return Plan.stay("relaunching is switched off (-Deventlanes.noRelaunch=true)");
        }
        String vm = in.vmName() == null ? "" : in.vmName();
        if (!vm.contains("HotSpot") && !vm.contains("OpenJDK")) {
            return Plan.stay("not a HotSpot JVM");
        }
        if (in.javaHome() == null) {
            return Plan.stay("no java.home");
        }
        List<String> options = jvmOptions(in.launcherArgs());
        if (options == null) {
            return Plan.stay("not a plain java -jar or -cp command line");
        }
        if (in.classPath() == null || in.classPath().isEmpty()) {
            return Plan.stay("no class path");
        }
        List<Path> jars = new ArrayList<>();
        for (String e : in.classPath().split(File.pathSeparator)) {
            File f = new File(e).getAbsoluteFile();
            if (!e.endsWith(".jar") || !f.isFile()) {
                // CDS archives classes from jars only; class folders are development runs.
                return Plan.stay("the class path is not all jars");
            }
            jars.add(f.toPath().normalize());
        }
        File java = javaLauncher(in.javaHome());
        if (!java.canExecute()) {
            return Plan.stay("no java launcher in java.home");
        }
        List<String> cmd = new ArrayList<>();
        cmd.add(java.toString());
        cmd.addAll(BASE_FLAGS);
        cmd.addAll(JIT_FLAGS);
        Path archive = in.cacheDir() == null ? null : archiveFor(in.cacheDir(), in.vmVersion(), in.javaHome(), jars);
        boolean make = false;
        if (archive != null) {
            File a = archive.toFile();
            if (a.isFile() && a.canRead()) {
                cmd.add(new StringBuilder("-XX:SharedArchiveFile=").append(archive).toString());
                // The archived classes come parsed and verified: a second thread loading them
                // ahead of the FX thread (StartupClasses) now only takes CPU from it.
                cmd.add(PRELOAD_OFF);
            } else if (!ArchiveMaker.failedMarker(archive).toFile().exists() && writableDir(in.cacheDir().toFile())) {
                make = true;
            } else {
                archive = null;
            }
        }
        // The user's own options last, so they win over ours.
        cmd.addAll(options);
        cmd.add(new StringBuilder("-D").append(NO_RELAUNCH).append("=true").toString());
        if (make) {
            cmd.add(new StringBuilder("-D").append(MAKE_ARCHIVE).append('=').append(archive).toString());
        }
        cmd.add("-cp");
        cmd.add(joinPath(jars));
        cmd.add(MAIN_CLASS);
        return new Plan(Collections.unmodifiableList(cmd), archive, make,
                archive == null ? "child without archive" : make ? "child, archive to make" : "child with archive");
    }

    /** The {@code java} launcher of a JDK or JRE. */
    static File javaLauncher(String javaHome) {
        return new File(new File(javaHome, "bin"), File.separatorChar == '\\' ? "java.exe" : "java");
    }

    /** Whether the cache directory exists or can be made, and can be written. */
    private static boolean writableDir(File dir) {
        try {
            return (dir.isDirectory() || dir.mkdirs()) && dir.canWrite();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Class path entries joined for {@code -cp}. */
    static String joinPath(List<Path> jars) {
        StringBuilder sb = new StringBuilder();
        for (Path p : jars) {
            if (sb.length() > 0) {
                sb.append(File.pathSeparatorChar);
            }
            sb.append(p);
        }
        return sb.toString();
    }

    /**
     * Options that take their value as the next word. Class path ones are replaced by the child's
     * own {@code -cp}; module ones mean a modular launch, which is left alone.
     */
    private static final List<String> CLASS_PATH_OPTIONS = List.of("-cp", "-classpath", "--class-path");
    private static final List<String> FORWARDED_WITH_VALUE = List.of("--add-exports", "--add-opens", "--add-reads",
            "--enable-native-access");
    private static final List<String> MODULE_OPTIONS = List.of("-p", "--module-path", "--upgrade-module-path",
            "--add-modules", "--limit-modules", "--patch-module", "-m", "--module", "-d", "--describe-module",
            "--source");

    /**
     * The JVM options of a {@code java [options] -jar JAR} or {@code java [options] -cp CP CLASS}
     * command line (argv, the launcher first), without the class path; null if it is anything
     * else (a module, an argument file, unknown).
     */
    static List<String> jvmOptions(List<String> argv) {
        if (argv == null || argv.isEmpty()) {
            return null;
        }
        List<String> options = new ArrayList<>();
        for (int i = 1; i < argv.size(); i++) {
            String a = argv.get(i);
            if (a.equals("-jar")) {
                return i + 1 < argv.size() ? options : null;
            }
            if (!a.startsWith("-")) {
                // The main class.
                return a.startsWith("@") ? null : options;
            }
            if (CLASS_PATH_OPTIONS.contains(a)) {
                i++;
                continue;
            }
            if (a.startsWith("--class-path=")) {
                continue;
            }
            if (MODULE_OPTIONS.contains(a) || a.startsWith("--module") || a.startsWith("--add-modules")
                    || a.startsWith("--limit-modules") || a.startsWith("--upgrade-module-path")
                    || a.startsWith("--patch-module") || a.startsWith("--source")) {
                return null;
            }
            options.add(a);
            if (FORWARDED_WITH_VALUE.contains(a)) {
                if (++i >= argv.size()) {
                    return null;
                }
                options.add(argv.get(i));
            }
        }
        return null;
    }

    /**
     * The archive for these jars on this JDK: one file per jar identity (path, size, time) and
     * JDK build, so a rebuilt jar or another JDK gets its own (CDS would refuse a stale one).
     */
    static Path archiveFor(Path cacheDir, String vmVersion, String javaHome, List<Path> jars) {
        long h = 0xcbf29ce484222325L;
        h = fnv(h, vmVersion);
        h = fnv(h, javaHome);
        for (Path p : jars) {
            File f = p.toFile();
            h = fnv(h, p.toString());
            h = fnv(h, Long.toString(f.length()));
            h = fnv(h, Long.toString(f.lastModified()));
        }
        String hex = Long.toHexString(h);
        return cacheDir.resolve(new StringBuilder(ArchiveMaker.PREFIX).append(hex).append(ArchiveMaker.SUFFIX).toString());
    }

    private static long fnv(long h, String s) {
        String t = s == null ? "" : s;
        for (int i = 0; i < t.length(); i++) {
            h ^= t.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= 0xff;
        return h * 0x100000001b3L;
    }
}
