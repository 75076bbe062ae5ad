package dev.eventlanes.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventlanes.cli.Cli;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Plain-Python programs (closures, control flow, values, generators) run through the same path as
 * {@code java -jar event-lanes.jar run prog.py}; their stdout must equal what CPython 3.11 printed
 * (the {@code .expected} beside each, recorded with /usr/bin/python3).
 */
class LanguageGoldenTest {
    @TestFactory
    Stream<DynamicTest> everyProgramPrintsWhatCPythonPrinted() throws IOException, URISyntaxException {
        Path dir = Path.of(getClass().getResource("/dev/eventlanes/python/lang").toURI());
        List<Path> programs;
        try (Stream<Path> s = Files.list(dir)) {
            programs = s.filter(p -> p.toString().endsWith(".py")).sorted().toList();
        }
        assertThat(programs).hasSizeGreaterThanOrEqualTo(4);
        return programs.stream().map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> {
            String expected = Files.readString(Path.of(p.toString().replace(".py", ".expected")));
            assertThat(runCli(p)).as(p.getFileName().toString()).isEqualTo(expected);
        }));
    }

    static String runCli(Path program) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        Cli.execute(new String[] {"run", program.toString()}, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return out.toString(StandardCharsets.UTF_8);
    }
}
