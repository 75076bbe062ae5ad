package dev.eventlanes.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Runs a model scenario on asyncio semantics and compares its printed lines, whole, with what
 * real CPython 3.11 printed for the twin program in
 * {@code src/test/resources/dev/eventlanes/model/asynciolib/NN_name.py} (re-record with
 * {@code record.sh} there).
 */
final class AsyncioScenario {
    final Loop loop = new Loop(Semantics.ASYNCIO, 1);
    private final List<String> out = new ArrayList<>();

    AsyncioScenario() {
        loop.addListener((seq, time, kind, task, event, other, line, value, text) -> {
            if (kind == TraceKind.PRINT) {
                out.add(String.format(Locale.ROOT, "[%.1f] %s", time, text));
            }
        });
    }

    /** {@code p(msg)}: print with the virtual time. */
    void p(String msg) {
        loop.emitPrint(msg);
    }

    Object sleep(double d) {
        return loop.sleep(d);
    }

    /** Runs {@code asyncio.run(main())} and checks the whole output against the recording. */
    void assertMatches(String scenario, Function<AsyncioScenario, Coroutine> main) {
        RunResult r = loop.runMain(main.apply(this), "main");
        assertThat(r.status()).as(r.message()).isEqualTo(RunResult.Status.FINISHED);
        assertThat(r.failure()).as("main raised").isNull();
        assertThat(out).as(scenario).containsExactlyElementsOf(expected(scenario));
    }

    static List<String> expected(String scenario) {
        String path = "/dev/eventlanes/model/asynciolib/" + scenario + ".expected";
        try (InputStream in = AsyncioScenario.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            List<String> lines = new ArrayList<>(List.of(text.split("\n")));
            lines.removeIf(String::isEmpty);
            assertThat(lines).as("recording " + path).isNotEmpty();
            return lines;
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Python's {@code repr()} of a model value. */
    static String repr(Object v) {
        if (v == null || v == PyNoneHolder.NONE) {
            return "None";
        }
        if (v instanceof String s) {
            return "'" + s + "'";
        }
        if (v instanceof Boolean b) {
            return b ? "True" : "False";
        }
        if (v instanceof List<?> list) {
            List<String> parts = new ArrayList<>();
            for (Object o : list) {
                parts.add(repr(o));
            }
            return "[" + String.join(", ", parts) + "]";
        }
        if (v instanceof PyException e) {
            List<String> parts = new ArrayList<>();
            for (Object o : e.args()) {
                parts.add(repr(o));
            }
            return e.type().name() + "(" + String.join(", ", parts) + ")";
        }
        return String.valueOf(v);
    }

    static PyException exc(ExcType type, String msg) {
        return PyException.of(type, msg);
    }
}
