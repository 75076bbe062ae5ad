package dev.eventlanes.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventlanes.model.Simulation;
import dev.eventlanes.model.TraceKind;
import dev.eventlanes.model.TraceLog;
import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every {@code *.py} of the conformance corpus, run on the simulated loop, prints exactly what
 * CPython with the real library printed: the {@code .expected} beside it, byte for byte.
 */
class ConformanceTest {

    private static final String FOLDER = "/dev/eventlanes/conformance";

    @TestFactory
    Stream<DynamicTest> everyProgramPrintsWhatCPythonPrinted() throws IOException, URISyntaxException {
        URL url = ConformanceTest.class.getResource(FOLDER);
        assertThat(url).as("resource folder %s", FOLDER).isNotNull();
        Path dir = Path.of(url.toURI());
        List<Path> programs;
        try (Stream<Path> files = Files.list(dir)) {
            programs = files.filter(p -> p.getFileName().toString().endsWith(".py"))
                    .sorted()
                    .collect(Collectors.toList());
        }
        assertThat(programs).as("programs in %s", dir).isNotEmpty();
        return programs.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), p.toUri(),
                () -> check(p)));
    }

    private static void check(Path py) throws IOException {
        String name = py.getFileName().toString();
        Path expectedFile = py.resolveSibling(name.substring(0, name.length() - ".py".length()) + ".expected");
        assertThat(expectedFile).as("%s has a recorded .expected", name).exists();
        String expected = Files.readString(expectedFile, StandardCharsets.UTF_8);
        String source = Files.readString(py, StandardCharsets.UTF_8);

        PythonProgram.CompileResult compiled = PythonProgram.compile(name, source);
        assertThat(compiled.errors()).as("%s compiles", name).isEmpty();
        PythonProgram program = compiled.program();
        Simulation sim = new Simulation(program, program.semantics(), 1);
        if (!sim.isStopped()) {
            sim.runToEnd();
        }

        TraceLog trace = sim.trace();
        StringBuilder printed = new StringBuilder();
        for (int i = 0; i < trace.size(); i++) {
            if (trace.kind(i) == TraceKind.PRINT) {
                printed.append(trace.text(i));
            }
        }
        String why = sim.startFailure() != null ? "\n" + program.traceback(sim.startFailure()) : "";
        assertThat(printed.toString()).as("stdout of %s%s", name, why).isEqualTo(expected);
    }
}
