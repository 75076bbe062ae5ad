package dev.eventlanes.python.syntax;

import java.util.Arrays;

/**
 * Prints how long {@link PythonParser#parse} takes on a generated 10,000-line async program
 * (median of several runs after warm-up). A figure to read, not a test: timing assertions are
 * flaky on shared machines. Run with
 * {@code java -cp target/classes:target/test-classes dev.eventlanes.python.syntax.ParserBenchmark}.
 */
public final class ParserBenchmark {
    private static final int LINES = 10_000;
    private static final int WARMUP = 10;
    private static final int RUNS = 15;

    public static void main(String[] args) {
        String program = program();
        ParseResult check = PythonParser.parse("bench.py", program);
        if (!check.ok()) {
            throw new IllegalStateException("benchmark program does not parse: " + check.diagnostics().get(0));
        }
        for (int i = 0; i < WARMUP; i++) {
            PythonParser.parse("bench.py", program);
        }
        double[] millis = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            PythonParser.parse("bench.py", program);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(millis);
        System.out.printf("parsed %d lines (%d chars, %d statements) median %.1f ms (min %.1f, max %.1f)%n",
                program.lines().count(), program.length(), check.module().body().size(),
                millis[RUNS / 2], millis[0], millis[RUNS - 1]);
    }

    /** Realistic anyio code: workers with loops, f-strings, try/except, task groups. */
    static String program() {
        StringBuilder out = new StringBuilder("import anyio\nimport time\n\n");
        int n = 0;
        while (out.chars().filter(c -> c == '\n').count() < LINES - 30) {
            out.append(String.format("""
                    async def worker_%1$d(event, start, delays=(0.1, 0.2), *, name="w%1$d"):
                        # 模拟一些工作 %1$d
                        polls = 0
                        results = [d * 2 for d in delays if d > 0]
                        while not event.is_set():
                            polls += 1
                            print(f"[{anyio.current_time() - start:.1f}] {name}: poll {polls!r:>4}")
                            await anyio.sleep(0.5 if polls < 3 else 1.0)
                        try:
                            value = {"a": 1, "b": [1, 2, 3][::-1]}
                        except (KeyError, ValueError) as exc:
                            raise RuntimeError("failed") from exc
                        finally:
                            print(name, "done", sep=" ", end="\\n")
                        return sum(x ** 2 for x in results) + len(value)


                    async def main_%1$d():
                        start = anyio.current_time()
                        event = anyio.Event()
                        async with anyio.create_task_group() as tg:
                            tg.start_soon(worker_%1$d, event, start)
                            await anyio.sleep(2)
                            event.set()
                        print(f"[{anyio.current_time() - start:.1f}] main: done")


                    """, n++));
        }
        out.append("anyio.run(main_0)\n");
        return out.toString();
    }
}
