package dev.eventlanes.launch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** When java -jar opens the window in a child JVM, with which command line, and when it stays. */
class RelaunchTest {
    @TempDir
    Path dir;
    private Path javaHome;
    private Path jar;
    private Path cache;

    @BeforeEach
    void fakeInstall() throws IOException {
        javaHome = dir.resolve("jdk");
        Path java = Files.createDirectories(javaHome.resolve("bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\n");
        assertThat(java.toFile().setExecutable(true)).isTrue();
        jar = Files.writeString(dir.resolve("event-lanes.jar"), "not really a jar");
        cache = dir.resolve("home").resolve(".eventlanes").resolve("cache");
    }

    private Relaunch.Inputs inputs(List<String> argv) {
        return new Relaunch.Inputs(javaHome.toString(), "OpenJDK 64-Bit Server VM", "17.0.15+6", jar.toString(), false,
                argv, cache);
    }

    private List<String> javaJar(String... options) {
        List<String> argv = new java.util.ArrayList<>(List.of("java"));
        argv.addAll(List.of(options));
        argv.addAll(List.of("-jar", jar.toString()));
        return argv;
    }

    @Test
    void aPlainJavaJarOpensTheWindowInAChildThatMakesTheArchiveTheFirstTime() {
        Relaunch.Plan p = Relaunch.plan(inputs(javaJar("-Dprism.order=sw", "-Xmx1g")));
        List<String> cmd = p.command();
        assertThat(cmd).isNotNull();
        assertThat(cmd.get(0)).isEqualTo(javaHome.resolve("bin").resolve("java").toString());
        assertThat(cmd).containsAll(Relaunch.JIT_FLAGS).contains("-Xshare:auto", "-XX:+IgnoreUnrecognizedVMOptions");
        // C1 alone: quickest to the first frame, and no C2 thread taking a core from frames.
        assertThat(cmd).contains("-XX:TieredStopAtLevel=1");
        // The user's options come after ours, so they win.
        assertThat(cmd.indexOf("-Xmx1g")).isGreaterThan(cmd.indexOf(Relaunch.JIT_FLAGS.get(0)));
        assertThat(cmd).contains("-Dprism.order=sw", "-D" + Relaunch.NO_RELAUNCH + "=true");
        assertThat(cmd.subList(cmd.size() - 3, cmd.size()))
                .containsExactly("-cp", jar.toAbsolutePath().toString(), Relaunch.MAIN_CLASS);
        assertThat(p.makesArchive()).isTrue();
        assertThat(p.archive().getParent()).isEqualTo(cache);
        assertThat(cmd).contains("-D" + Relaunch.MAKE_ARCHIVE + "=" + p.archive());
        assertThat(cmd).noneMatch(a -> a.startsWith("-XX:SharedArchiveFile"));
        // Without an archive, preloading the first window's classes on a second core still pays.
        assertThat(cmd).doesNotContain(Relaunch.PRELOAD_OFF);
        assertThat(Files.isDirectory(cache)).isTrue();
    }

    @Test
    void aLaterLaunchUsesTheArchive() throws IOException {
        Path archive = Relaunch.plan(inputs(javaJar())).archive();
        Files.writeString(archive, "archive");
        Relaunch.Plan p = Relaunch.plan(inputs(javaJar()));
        assertThat(p.makesArchive()).isFalse();
        assertThat(p.command()).contains("-XX:SharedArchiveFile=" + archive);
        // Archived classes need no preloading thread.
        assertThat(p.command()).contains(Relaunch.PRELOAD_OFF);
        assertThat(p.command()).noneMatch(a -> a.startsWith("-D" + Relaunch.MAKE_ARCHIVE));
    }

    @Test
    void anArchiveIsForOneJarAndOneJdk() throws IOException {
        List<Path> jars = List.of(jar);
        Path a = Relaunch.archiveFor(cache, "17.0.15+6", javaHome.toString(), jars);
        assertThat(Relaunch.archiveFor(cache, "17.0.15+6", javaHome.toString(), jars)).isEqualTo(a);
        assertThat(Relaunch.archiveFor(cache, "21.0.2+13", javaHome.toString(), jars)).isNotEqualTo(a);
        assertThat(Relaunch.archiveFor(cache, "17.0.15+6", "/other/jdk", jars)).isNotEqualTo(a);
        Files.setLastModifiedTime(jar, FileTime.fromMillis(Files.getLastModifiedTime(jar).toMillis() - 60_000));
        assertThat(Relaunch.archiveFor(cache, "17.0.15+6", javaHome.toString(), jars)).isNotEqualTo(a);
    }

    @Test
    void aFailedArchiveIsNotTriedAgainButTheChildStillStarts() throws IOException {
        Path archive = Relaunch.plan(inputs(javaJar())).archive();
        Files.writeString(ArchiveMaker.failedMarker(archive), "failed");
        Relaunch.Plan p = Relaunch.plan(inputs(javaJar()));
        assertThat(p.command()).isNotNull();
        assertThat(p.makesArchive()).isFalse();
        assertThat(p.command()).noneMatch(a -> a.startsWith("-D" + Relaunch.MAKE_ARCHIVE) || a.startsWith("-XX:SharedArchiveFile"));
    }

    @Test
    void anUnwritableCacheMeansNoArchiveButStillTheChild() throws IOException {
        // The cache's parent is a file: the directory cannot be made.
        Files.writeString(dir.resolve("home"), "a file, not a folder");
        Relaunch.Plan p = Relaunch.plan(inputs(javaJar()));
        assertThat(p.command()).isNotNull().containsAll(Relaunch.JIT_FLAGS);
        assertThat(p.makesArchive()).isFalse();
        assertThat(p.archive()).isNull();
        Relaunch.Plan noHome = Relaunch.plan(new Relaunch.Inputs(javaHome.toString(), "OpenJDK 64-Bit Server VM", "17",
                jar.toString(), false, javaJar(), null));
        assertThat(noHome.command()).isNotNull();
        assertThat(noHome.archive()).isNull();
    }

    @Test
    void itStaysInThisJvmWhenSwitchedOffOrUnusual() throws IOException {
        assertThat(Relaunch.plan(new Relaunch.Inputs(javaHome.toString(), "OpenJDK 64-Bit Server VM", "17", jar.toString(),
                true, javaJar(), cache)).command()).isNull();
        assertThat(Relaunch.plan(new Relaunch.Inputs(javaHome.toString(), "Eclipse OpenJ9 VM", "17", jar.toString(),
                false, javaJar(), cache)).command()).isNull();
        // Class folders (a development run) cannot be archived.
        Path classes = Files.createDirectories(dir.resolve("classes"));
        assertThat(Relaunch.plan(new Relaunch.Inputs(javaHome.toString(), "OpenJDK 64-Bit Server VM", "17",
                classes.toString(), false, List.of("java", "-cp", classes.toString(), "dev.eventlanes.Launcher"), cache))
                .command()).isNull();
        // No command line to copy options from (not Linux), or a modular one.
        assertThat(Relaunch.plan(inputs(null)).command()).isNull();
        assertThat(Relaunch.plan(inputs(List.of("java", "--module-path", "/fx", "--add-modules", "javafx.controls",
                "-cp", jar.toString(), "dev.eventlanes.Launcher"))).command()).isNull();
        // A JDK without a java launcher.
        Files.delete(javaHome.resolve("bin").resolve("java"));
        assertThat(Relaunch.plan(inputs(javaJar())).command()).isNull();
        assertThat(Relaunch.plan(inputs(javaJar())).reason()).contains("java launcher");
    }

    @Test
    void theJvmOptionsOfTheLaunchersCommandLine() {
        assertThat(Relaunch.jvmOptions(List.of("java", "-Dprism.order=sw", "-Xmx1g", "-jar", "x.jar")))
                .containsExactly("-Dprism.order=sw", "-Xmx1g");
        assertThat(Relaunch.jvmOptions(List.of("/usr/bin/java", "-cp", "a.jar:b.jar", "-ea", "--add-opens",
                "java.base/java.lang=ALL-UNNAMED", "dev.eventlanes.Launcher")))
                .containsExactly("-ea", "--add-opens", "java.base/java.lang=ALL-UNNAMED");
        assertThat(Relaunch.jvmOptions(List.of("java", "--class-path=a.jar", "-javaagent:probe.jar", "Main")))
                .containsExactly("-javaagent:probe.jar");
        assertThat(Relaunch.jvmOptions(List.of("java", "-jar", "x.jar", "--not-an-option"))).isEmpty();
        assertThat(Relaunch.jvmOptions(List.of("java", "@options.txt", "-jar", "x.jar"))).isNull();
        assertThat(Relaunch.jvmOptions(List.of("java", "-m", "mod/Main"))).isNull();
        assertThat(Relaunch.jvmOptions(List.of("java", "--module-path=fx", "-jar", "x.jar"))).isNull();
        assertThat(Relaunch.jvmOptions(List.of("java", "-jar"))).isNull();
        assertThat(Relaunch.jvmOptions(List.of("java", "-Xmx1g"))).isNull();
        assertThat(Relaunch.jvmOptions(List.of())).isNull();
    }

    @Test
    void thisJvmsOwnCommandLineIsReadWhereThereIsOne() {
        List<String> own = Relaunch.ownCommandLine();
        if (Files.isReadable(Path.of("/proc/self/cmdline"))) {
            assertThat(own).isNotEmpty();
            assertThat(own.get(0)).contains("java");
        } else {
            assertThat(own).isNull();
        }
    }

    @Test
    void theArchiveIsRecordedByTheWarmUpIntoATemporaryFile() {
        Path tmp = dir.resolve("a.jsa.123.tmp");
        List<String> cmd = ArchiveMaker.dumpCommand(tmp);
        assertThat(cmd).contains("-XX:ArchiveClassesAtExit=" + tmp, "-D" + Relaunch.NO_RELAUNCH + "=true", "-Xlog:disable");
        assertThat(cmd.get(cmd.size() - 1)).isEqualTo(ArchiveMaker.WARMUP_CLASS);
        assertThat(ArchiveMaker.makerCommand(dir.resolve("a.jsa"))).endsWith(ArchiveMaker.class.getName(),
                dir.resolve("a.jsa").toString());
    }

    @Test
    void pruningKeepsTheNewestArchivesAndDropsOldTemporaryFiles() throws IOException {
        Path d = Files.createDirectories(cache);
        long now = System.currentTimeMillis();
        for (int i = 0; i < 5; i++) {
            Path a = Files.writeString(d.resolve(ArchiveMaker.PREFIX + i + ArchiveMaker.SUFFIX), "a");
            Files.setLastModifiedTime(a, FileTime.fromMillis(now - i * 60_000L));
        }
        Path oldTmp = Files.writeString(d.resolve(ArchiveMaker.PREFIX + "x.jsa.9.tmp"), "t");
        Files.setLastModifiedTime(oldTmp, FileTime.fromMillis(now - 2 * 3_600_000L));
        Path newTmp = Files.writeString(d.resolve(ArchiveMaker.PREFIX + "y.jsa.8.tmp"), "t");
        Path keep = d.resolve(ArchiveMaker.PREFIX + 4 + ArchiveMaker.SUFFIX);
        ArchiveMaker.prune(d, keep);
        assertThat(keep).exists();
        assertThat(d.resolve(ArchiveMaker.PREFIX + 0 + ArchiveMaker.SUFFIX)).exists();
        assertThat(d.resolve(ArchiveMaker.PREFIX + 1 + ArchiveMaker.SUFFIX)).exists();
        assertThat(d.resolve(ArchiveMaker.PREFIX + 2 + ArchiveMaker.SUFFIX)).doesNotExist();
        assertThat(d.resolve(ArchiveMaker.PREFIX + 3 + ArchiveMaker.SUFFIX)).doesNotExist();
        assertThat(oldTmp).doesNotExist();
        assertThat(newTmp).exists();
    }
}
