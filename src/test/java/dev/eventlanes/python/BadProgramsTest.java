package dev.eventlanes.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventlanes.cli.Cli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hostile or broken programs end with a clear message naming the line, never a Java trace. */
class BadProgramsTest {
    @TempDir
    Path dir;

    record Outcome(int code, String out, String err) {
    }

    Outcome run(String name, String source) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, source);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.execute(new String[] {"run", p.toString(), "--op-limit", "20000"},
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        Outcome o = new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        assertThat(o.err()).doesNotContain("\tat ", "java.lang.", "Exception in thread");
        return o;
    }

    @Test
    void aTaskThatNeverAwaitsIsStoppedAndNamed() throws IOException {
        Outcome o = run("spin.py", """
                import anyio

                async def spin():
                    while True:
                        pass

                async def main():
                    print("start")
                    async with anyio.create_task_group() as tg:
                        tg.start_soon(spin)

                anyio.run(main)
                """);
        assertThat(o.code()).isEqualTo(70);
        assertThat(o.out()).isEqualTo("start\n");
        assertThat(o.err()).contains("task spin never awaits: it would block the event loop");
    }

    @Test
    void endlessRecursionIsARecursionErrorWithASummarisedTraceback() throws IOException {
        Outcome o = run("rec.py", "def f(n):\n    return f(n + 1)\n\nprint('before')\nf(0)\n");
        assertThat(o.code()).isEqualTo(70);
        assertThat(o.out()).isEqualTo("before\n");
        assertThat(o.err()).contains("  File \"rec.py\", line 2, in f\n", "more times]")
                .endsWith("RecursionError: maximum recursion depth exceeded\n");
    }

    @Test
    void aHugeListIsAMemoryErrorNotAnOutOfMemory() throws IOException {
        Outcome o = run("huge.py", "print('ok')\nxs = [0] * (10 ** 9)\n");
        assertThat(o.code()).isEqualTo(70);
        assertThat(o.err()).contains("line 2").endsWith("MemoryError: list of 1000000000 items exceeds the size limit of 10000000\n");
    }

    @Test
    void aDeadlockNamesEachBlockedTaskAndItsEvent() throws IOException {
        Outcome o = run("dead.py", """
                import anyio

                async def a(e1, e2):
                    await e1.wait()
                    e2.set()

                async def b(e1, e2):
                    await e2.wait()
                    e1.set()

                async def main():
                    e1 = anyio.Event()
                    e2 = anyio.Event()
                    async with anyio.create_task_group() as tg:
                        tg.start_soon(a, e1, e2)
                        tg.start_soon(b, e1, e2)

                anyio.run(main)
                """);
        assertThat(o.code()).isEqualTo(70);
        assertThat(o.err()).contains("deadlock at 0.0", "task a is waiting on e1.wait()", "task b is waiting on e2.wait()");
    }

    @Test
    void clearOnAnAnyioEventFailsAsPythonDoesWithTheTeachersHint() throws IOException {
        Outcome o = run("clear.py", """
                import anyio

                async def main():
                    event = anyio.Event()
                    event.set()
                    print("set:", event.is_set())
                    event.clear()

                anyio.run(main)
                """);
        assertThat(o.code()).isEqualTo(70);
        assertThat(o.out()).isEqualTo("set: True\n");
        assertThat(o.err()).startsWith("hint: anyio events can't be reused: replace the Event with a new one\n")
                .contains("  File \"clear.py\", line 7, in main\n    event.clear()\n")
                .endsWith("AttributeError: 'Event' object has no attribute 'clear'\n");
    }

    @Test
    void asyncioEventsDoHaveClear() throws IOException {
        Outcome o = run("ok.py", """
                import asyncio

                async def main():
                    e = asyncio.Event()
                    e.set()
                    e.clear()
                    print(e.is_set())

                asyncio.run(main())
                """);
        assertThat(o.code()).isZero();
        assertThat(o.out()).isEqualTo("False\n");
    }

    @Test
    void everySyntaxErrorIsReportedWithItsLineAndCaret() throws IOException {
        Outcome o = run("syn.py", "import anyio\n\nasync def main()\n    pass\n\nx = = 1\n");
        assertThat(o.code()).isEqualTo(65);
        assertThat(o.err()).contains("  File \"syn.py\", line 3\n", "SyntaxError: expected ':'", "line 6", "^");
    }

    @Test
    void constructsOutsideTheSubsetAreNamedWithTheirLine() throws IOException {
        Outcome o = run("cls.py", "import anyio\n\nclass Foo:\n    pass\n\nimport os\n");
        assertThat(o.code()).isEqualTo(65);
        assertThat(o.err()).contains("line 3: class definitions are not supported")
                .contains("line 6").contains("'os'");
    }

    @Test
    void anExceptionEscapingTheProgramKeepsWhatWasPrintedAndEndsWithPythonsLastLine() throws IOException {
        Outcome o = run("boom.py", """
                import asyncio

                async def worker():
                    print("working")
                    raise ValueError("boom")

                async def main():
                    await asyncio.create_task(worker())

                asyncio.run(main())
                """);
        assertThat(o.code()).isEqualTo(70);
        assertThat(o.out()).isEqualTo("working\n");
        assertThat(o.err()).startsWith("Traceback (most recent call last):\n").endsWith("ValueError: boom\n");
    }

    @Test
    void runningALoopInsideATaskIsRefusedAsAsyncioRefusesIt() throws IOException {
        Outcome o = run("nested.py", """
                import asyncio

                async def inner():
                    return 1

                async def main():
                    print("outer")
                    asyncio.run(inner())

                asyncio.run(main())
                """);
        assertThat(o.code()).isEqualTo(70);
        assertThat(o.out()).isEqualTo("outer\n");
        assertThat(o.err()).endsWith("RuntimeError: asyncio.run() cannot be called from a running event loop\n");
    }

    @Test
    void breakInsideExceptStarIsASyntaxErrorWithItsLine() throws IOException {
        Outcome o = run("star.py", "for i in range(3):\n    try:\n        pass\n    except* ValueError:\n        break\n");
        assertThat(o.code()).isEqualTo(65);
        assertThat(o.err()).contains("line 5: 'break', 'continue' and 'return' cannot appear in an except* block");
    }

    @Test
    void binaryInputIsRefusedPolitely() throws IOException {
        Path p = dir.resolve("bin.py");
        Files.write(p, new byte[] {'p', 0, 'x'});
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = Cli.execute(new String[] {"run", p.toString()}, new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(code).isEqualTo(65);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("NUL bytes");
    }

    @Test
    void timeSleepBlocksTheWholeLoop() throws IOException {
        Outcome o = run("block.py", """
                import asyncio
                import time

                async def ticker(start):
                    for i in range(3):
                        print(f"[{asyncio.get_running_loop().time() - start:.1f}] tick {i}")
                        await asyncio.sleep(0.5)

                async def blocker(start):
                    await asyncio.sleep(0.2)
                    time.sleep(2)
                    print(f"[{asyncio.get_running_loop().time() - start:.1f}] blocker done")

                async def main():
                    start = asyncio.get_running_loop().time()
                    await asyncio.gather(ticker(start), blocker(start))

                asyncio.run(main())
                """);
        assertThat(o.code()).isZero();
        assertThat(o.out()).isEqualTo("[0.0] tick 0\n[2.2] blocker done\n[2.2] tick 1\n[2.7] tick 2\n");
    }

    @Test
    void aStringWhereATimeoutOrDeadlineGoesIsATypeErrorOnItsLine() throws IOException {
        String[][] cases = {
            {"asyncio", "    async with asyncio.timeout(\"1\"):\n        await asyncio.sleep(0)\n"},
            {"asyncio", "    await asyncio.wait_for(asyncio.sleep(1), \"x\")\n"},
            {"anyio", "    with anyio.CancelScope(deadline=\"soon\"):\n        await anyio.sleep(0)\n"},
        };
        for (String[] c : cases) {
            String run = c[0].equals("asyncio") ? "asyncio.run(main())" : "anyio.run(main)";
            Outcome o = run("t.py", "import " + c[0] + "\n\nasync def main():\n" + c[1] + "\n" + run + "\n");
            assertThat(o.err()).as(c[1]).doesNotContain("internal error").contains("line 4, in main")
                    .endsWith("TypeError: must be real number, not str\n");
            assertThat(o.code()).isEqualTo(70);
        }
    }
}
