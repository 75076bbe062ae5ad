package dev.eventlanes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventlanes.model.Semantics;
import dev.eventlanes.model.Simulation;
import dev.eventlanes.python.PythonPresets;
import dev.eventlanes.python.PythonProgram;
import dev.eventlanes.scenario.Presets;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Every program the project ships or tests against, under each of the three semantics: the
 * conformance corpus, the Python twins of the asyncio ports' tests, the Python presets and the
 * scenario presets. For tests that hold a
 * contract of the trace over all of them.
 */
final class Corpus {
    /** One run to make: what it is, and the simulation, run to its end. */
    record Run(String name, Supplier<Simulation> simulation) {
    }

    private Corpus() {
    }

    static List<Run> runs() {
        List<Run> out = new ArrayList<>();
        for (Path py : programs("/dev/eventlanes/conformance")) {
            String source = read(py);
            String name = py.getFileName().toString();
            for (Semantics s : Semantics.values()) {
                out.add(new Run(name + " (" + s + ")", () -> python(name, source, s)));
            }
        }
        // The twins of the model's asyncio ports, recorded with CPython: cancellation in gather,
        // wait_for, TaskGroup and timeout.
        for (Path py : programs("/dev/eventlanes/model/asynciolib")) {
            String source = read(py);
            String name = py.getFileName().toString();
            for (Semantics s : Semantics.values()) {
                out.add(new Run("asynciolib/" + name + " (" + s + ")", () -> python(name, source, s)));
            }
        }
        for (PythonPresets.Preset p : PythonPresets.all()) {
            for (Semantics s : Semantics.values()) {
                out.add(new Run("python preset " + p.id() + " (" + s + ")", () -> python(p.fileName(), p.source(), s)));
            }
        }
        for (Presets.Preset p : Presets.all()) {
            for (Semantics s : Semantics.values()) {
                out.add(new Run("scenario preset " + p.id() + " (" + s + ")", () -> {
                    Simulation sim = p.scenario().withSemantics(s).simulate();
                    sim.runToEnd();
                    return sim;
                }));
            }
        }
        return out;
    }

    private static Simulation python(String name, String source, Semantics s) {
        PythonProgram.CompileResult c = PythonProgram.compile(name, source);
        assertThat(c.errors()).as("%s compiles", name).isEmpty();
        Simulation sim = new Simulation(c.program(), s, 1);
        if (!sim.isStopped()) {
            sim.runToEnd();
        }
        return sim;
    }

    private static List<Path> programs(String folder) {
        try {
            Path dir = Path.of(Corpus.class.getResource(folder).toURI());
            try (Stream<Path> files = Files.list(dir)) {
                return files.filter(p -> p.getFileName().toString().endsWith(".py")).sorted().toList();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
