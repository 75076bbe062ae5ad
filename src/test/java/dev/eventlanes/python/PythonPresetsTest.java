package dev.eventlanes.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventlanes.model.RunResult;
import dev.eventlanes.model.Simulation;
import dev.eventlanes.model.TraceKind;
import dev.eventlanes.model.TraceLog;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Every Python preset compiles and prints what the real library printed (recorded beside the
 * test; the deadlock preset's real run hangs after its two lines, which the model reports).
 */
class PythonPresetsTest {
    @Test
    void everyPresetPrintsWhatTheRealLibraryPrinted() throws IOException {
        assertThat(PythonPresets.all()).hasSize(10);
        for (PythonPresets.Preset p : PythonPresets.all()) {
            PythonProgram program = p.program();
            assertThat(program).as(p.id()).isNotNull();
            Simulation sim = new Simulation(program, program.semantics(), 1);
            assertThat(output(sim.trace())).as(p.id()).isEqualTo(expected(p.id()));
            RunResult.Status want = p.id().equals("deadlock") ? RunResult.Status.DEADLOCK : RunResult.Status.FINISHED;
            assertThat(sim.result().status()).as(p.id()).isEqualTo(want);
        }
    }

    @Test
    void theDeadlockPresetNamesBothTasksAndTheirEvents() {
        PythonProgram program = PythonPresets.find("deadlock").program();
        Simulation sim = new Simulation(program, program.semantics(), 1);
        assertThat(sim.result().blocked()).extracting(RunResult.Blocked::task, RunResult.Blocked::event)
                .contains(org.assertj.core.groups.Tuple.tuple("left", "right_ready"),
                        org.assertj.core.groups.Tuple.tuple("right", "left_ready"));
    }

    private static String output(TraceLog t) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < t.size(); i++) {
            if (t.kind(i) == TraceKind.PRINT) {
                sb.append(t.text(i));
            }
        }
        return sb.toString();
    }

    private static String expected(String id) throws IOException {
        try (InputStream in = PythonPresetsTest.class.getResourceAsStream("/dev/eventlanes/python/presets/" + id + ".expected")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
