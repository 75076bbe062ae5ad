package dev.eventlanes.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line run in-process, its streams captured. */
class CliTest {
    @TempDir
    Path dir;

    private record Outcome(int code, String out, String err) {
    }

    private static Outcome cli(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.execute(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    private Path preset(String id) throws IOException {
        Path p = dir.resolve(id + ".json");
        try (InputStream in = getClass().getResourceAsStream("/dev/eventlanes/scenario/presets/" + id + ".json")) {
            Files.write(p, in.readAllBytes());
        }
        return p;
    }

    private static String expected(String name) throws IOException {
        try (InputStream in = CliTest.class.getResourceAsStream("/dev/eventlanes/conformance/" + name + ".expected")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void runPrintsExactlyTheProgramsOutput() throws IOException {
        Outcome o = cli("run", preset("seed2_polling").toString());
        assertThat(o.code()).isZero();
        assertThat(o.out()).isEqualTo(expected("00b_seed_text_polling"));
        assertThat(o.err()).isEmpty();
    }

    @Test
    void aDeadlockExitsWith70AndNamesEachBlockedTask() throws IOException {
        Outcome o = cli("run", preset("deadlock").toString());
        assertThat(o.code()).isEqualTo(70);
        assertThat(o.out()).isEqualTo("alice: waiting for bob\nbob: waiting for alice\n");
        assertThat(o.err()).contains("deadlock at 0.0")
                .contains("task alice is waiting on bob_done.wait() (event bob_done is never set)")
                .contains("task bob is waiting on alice_done.wait() (event alice_done is never set)");
    }

    @Test
    void clearUnderAnyioShowsTheAttributeErrorAndTheHint() throws IOException {
        Path p = dir.resolve("clear.json");
        Files.writeString(p, """
                {"version": 1, "semantics": "asyncio", "events": ["e"],
                 "tasks": [{"name": "main", "ops": [{"op": "set", "event": "e"}, {"op": "clear", "event": "e"},
                                                    {"op": "print", "text": "cleared"}]}]}
                """);
        assertThat(cli("run", p.toString()).out()).isEqualTo("cleared\n");
        Outcome o = cli("run", p.toString(), "--semantics", "anyio");
        assertThat(o.code()).isEqualTo(70);
        assertThat(o.out()).isEmpty();
        assertThat(o.err().lines().toList()).containsSubsequence(
                "Traceback (most recent call last):",
                "  in task 'main', line 2",
                "AttributeError: 'Event' object has no attribute 'clear'",
                "hint: anyio events can't be reused: replace the Event with a new one");
    }

    @Test
    void aRunawayTaskExitsWith70() throws IOException {
        Outcome o = cli("run", preset("seed1_worker_waits").toString(), "--op-limit", "1");
        assertThat(o.code()).isEqualTo(70);
        assertThat(o.err()).contains("never awaits: it would block the event loop");
    }

    @Test
    void badFilesExitWith65AndAClearMessage() throws IOException {
        assertThat(cli("run", dir.resolve("missing.json").toString()).err()).contains("missing.json: no such file");
        Outcome d = cli("run", dir.toString());
        assertThat(d.code()).isEqualTo(65);
        assertThat(d.err()).contains("is a directory");
        Path bin = dir.resolve("bin.json");
        Files.write(bin, new byte[] {1, 0, 2});
        assertThat(cli("run", bin.toString()).err()).contains("NUL bytes");
        Path big = dir.resolve("big.json");
        Files.write(big, new byte[6 * 1024 * 1024]);
        Outcome b = cli("run", big.toString());
        assertThat(b.code()).isEqualTo(65);
        assertThat(b.err()).contains("file is too large");
        Path bad = dir.resolve("bad.json");
        Files.writeString(bad, "{\"version\": 1, \"semantics\": \"anyio\", \"events\": [],"
                + " \"tasks\": [{\"name\": \"main\", \"ops\": [{\"op\": \"sett\"}]}]}");
        Outcome e = cli("run", bad.toString());
        assertThat(e.code()).isEqualTo(65);
        assertThat(e.err()).contains("tasks[0].ops[0]: unknown op 'sett'").doesNotContain("Exception", "\tat ");
        Path py = dir.resolve("prog.py");
        Files.writeString(py, "import anyio\nx = (1 +\n");
        Outcome p = cli("run", py.toString());
        assertThat(p.code()).isEqualTo(65);
        assertThat(p.err()).contains("line 2").contains("SyntaxError").doesNotContain("\tat ");
        Path txt = dir.resolve("notes.txt");
        Files.writeString(txt, "hello\n");
        Outcome t = cli("run", txt.toString());
        assertThat(t.code()).isEqualTo(65);
        assertThat(t.err()).contains("unknown kind of file");
    }

    @Test
    void usageErrorsExitWith64() throws IOException {
        assertThat(cli().code()).isEqualTo(64);
        assertThat(cli("frobnicate").err()).contains("unknown command 'frobnicate'").contains("usage:");
        assertThat(cli("run").code()).isEqualTo(64);
        assertThat(cli("run", "x.json", "--semantics", "curio").code()).isEqualTo(64);
        assertThat(cli("run", "x.json", "--seed").code()).isEqualTo(64);
    }

    @Test
    void askingForHelpAnywherePrintsTheUsageAndSucceeds() {
        for (String[] args : new String[][] {{"--help"}, {"help"}, {"run", "--help"}, {"render", "x.py", "-h"}}) {
            Outcome o = cli(args);
            assertThat(o.code()).as(String.join(" ", args)).isZero();
            assertThat(o.out()).as(String.join(" ", args)).startsWith("usage: event-lanes run FILE");
            assertThat(o.err()).as(String.join(" ", args)).isEmpty();
        }
    }

    @Test
    void aRegisteredLoaderRunsOtherKindsOfFiles() throws IOException {
        ProgramLoader loader = new ProgramLoader() {
            @Override
            public boolean accepts(String fileName) {
                return fileName.endsWith(".lanes");
            }

            @Override
            public Result load(String fileName, String text) {
                return Result.failed(java.util.List.of("line 1: not a program we can run"));
            }
        };
        ProgramLoaders.register(loader);
        try {
            Path other = dir.resolve("prog.lanes");
            Files.writeString(other, "x = \n");
            Outcome o = cli("run", other.toString());
            assertThat(o.code()).isEqualTo(65);
            assertThat(o.err()).contains("prog.lanes: line 1: not a program we can run");
        } finally {
            ProgramLoaders.unregister(loader);
        }
    }

    @Test
    void tracesAreWrittenOnRequest() throws IOException {
        Path jsonl = dir.resolve("t.jsonl");
        Path chrome = dir.resolve("t.json");
        Outcome o = cli("run", preset("multi_waiters").toString(), "--trace", jsonl.toString(),
                "--chrome-trace", chrome.toString());
        assertThat(o.code()).isZero();
        assertThat(Files.readAllLines(jsonl)).allSatisfy(l -> assertThat(l).startsWith("{\"t\":").endsWith("}"));
        assertThat(Files.readString(chrome)).contains("\"thread_name\"").contains("\"ph\":\"s\"").contains("\"ph\":\"f\"");
    }
}
