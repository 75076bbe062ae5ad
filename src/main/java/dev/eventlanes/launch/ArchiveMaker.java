package dev.eventlanes.launch;

import java.io.File;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Makes the AppCDS archive {@link Relaunch} gives the window's JVM, once per jar and JDK, without
 * the user waiting for it: the first window (started without one) starts this class in a JVM of
 * its own at the lowest priority once it is up; that runs {@code dev.eventlanes.ui.ArchiveWarmup}
 * (the first window's classes loaded, its scene built off screen, nothing shown) with
 * {@code -XX:ArchiveClassesAtExit} into a temporary file, and moves a complete archive into place
 * in one step, so a launch sees either no archive or a whole one. If the JVM cannot make one, a
 * marker stops later launches from trying again for this jar and JDK. Writes nothing to the
 * console.
 */
public final class ArchiveMaker {
    static final String PREFIX = "event-lanes-";
    static final String SUFFIX = ".jsa";
    static final String WARMUP_CLASS = "dev.eventlanes.ui.ArchiveWarmup";
    /** Archives kept in the cache directory (other jars or JDKs in use), newest first. */
    static final int KEEP = 3;
    /** Properties the off-screen warm-up shares with the window, so it loads what the window loads. */
    private static final List<String> SHARED_PROPERTIES = List.of("prism.order", "prism.text", "eventlanes.settings");

    private ArchiveMaker() {
    }

    static Path failedMarker(Path archive) {
        return archive.resolveSibling(new StringBuilder().append(archive.getFileName()).append(".failed").toString());
    }

    /** In a few seconds, from a daemon thread: starts {@link #main} on {@code archive} in a low-priority JVM. */
    public static void startLater(String archive) {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(5000);
                new ProcessBuilder(makerCommand(Path.of(archive))).redirectInput(nullFile())
                        .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                        .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            } catch (InterruptedException | IOException | RuntimeException e) {
                // No archive this time: the next launch asks again.
            }
        }, "eventlanes-archive");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
    }

    private static ProcessBuilder.Redirect nullFile() {
        return ProcessBuilder.Redirect.from(new File(File.separatorChar == '\\' ? "NUL" : "/dev/null"));
    }

    /** The maker's own command line: this JVM and class path, at the lowest priority where {@code nice} exists. */
    static List<String> makerCommand(Path archive) {
        List<String> cmd = new ArrayList<>();
        for (String nice : List.of("/usr/bin/nice", "/bin/nice")) {
            if (Files.isExecutable(Path.of(nice))) {
                cmd.addAll(List.of(nice, "-n", "19"));
                break;
            }
        }
        cmd.add(javaLauncher());
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.add("-XX:-UsePerfData");
        cmd.addAll(sharedProperties());
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(ArchiveMaker.class.getName());
        cmd.add(archive.toString());
        return cmd;
    }

    /** The warm-up JVM that writes the archive to {@code tmp} as it exits. */
    static List<String> dumpCommand(Path tmp) {
        List<String> cmd = new ArrayList<>();
        cmd.add(javaLauncher());
        cmd.add("-XX:+IgnoreUnrecognizedVMOptions");
        cmd.add("-XX:ArchiveClassesAtExit=" + tmp);
        cmd.add("-Xshare:auto");
        cmd.add("-Xlog:disable");
        cmd.add("-XX:-UsePerfData");
        cmd.addAll(sharedProperties());
        cmd.add("-D" + Relaunch.NO_RELAUNCH + "=true");
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add(WARMUP_CLASS);
        return cmd;
    }

    private static String javaLauncher() {
        return Relaunch.javaLauncher(System.getProperty("java.home")).toString();
    }

    private static List<String> sharedProperties() {
        List<String> props = new ArrayList<>();
        for (String name : SHARED_PROPERTIES) {
            String v = System.getProperty(name);
            if (v != null) {
                props.add("-D" + name + "=" + v);
            }
        }
        return props;
    }

    /** {@code ArchiveMaker ARCHIVE}: makes ARCHIVE (see the class comment); always exits 0. */
    public static void main(String[] args) {
        try {
            if (args.length == 1) {
                make(Path.of(args[0]));
            }
        } catch (RuntimeException e) {
            // No archive: the next first launch tries again.
        }
        System.exit(0);
    }

    /** Makes {@code archive}; returns whether it is now in place. */
    static boolean make(Path archive) {
        Path dir = archive.toAbsolutePath().getParent();
        Path tmp = archive.resolveSibling(archive.getFileName() + "." + ProcessHandle.current().pid() + ".tmp");
        boolean ok = false;
        try {
            Files.createDirectories(dir);
            Process p = new ProcessBuilder(dumpCommand(tmp)).redirectInput(nullFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                Files.deleteIfExists(tmp);
                return false;
            }
            ok = p.exitValue() == 0 && Files.isRegularFile(tmp) && Files.size(tmp) > 0;
            if (ok) {
                Files.move(tmp, archive, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                prune(dir, archive);
            } else {
                Files.deleteIfExists(tmp);
                Files.writeString(failedMarker(archive), "this JVM could not make a class data archive\n");
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException | RuntimeException ignored) {
                // Left for prune() to remove later.
            }
            return false;
        }
        return ok;
    }

    /** Keeps the newest {@link #KEEP} archives and drops temporary files over an hour old. */
    static void prune(Path dir, Path keep) throws IOException {
        List<Path> archives = new ArrayList<>();
        long hourAgo = System.currentTimeMillis() - 3_600_000L;
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, PREFIX + "*")) {
            for (Path p : ds) {
                String n = p.getFileName().toString();
                if (n.endsWith(SUFFIX)) {
                    archives.add(p);
                } else if (n.endsWith(".tmp") && Files.getLastModifiedTime(p).toMillis() < hourAgo) {
                    Files.deleteIfExists(p);
                }
            }
        }
        archives.sort(Comparator.comparing(ArchiveMaker::modified).reversed());
        int kept = 0;
        for (Path p : archives) {
            if (p.equals(keep) || kept < KEEP - 1) {
                if (!p.equals(keep)) {
                    kept++;
                }
                continue;
            }
            Files.deleteIfExists(p);
        }
    }

    private static FileTime modified(Path p) {
        try {
            return Files.getLastModifiedTime(p);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
