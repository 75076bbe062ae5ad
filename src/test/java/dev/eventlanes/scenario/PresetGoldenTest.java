package dev.eventlanes.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventlanes.model.RunResult;
import dev.eventlanes.model.Simulation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Golden files: each preset prints byte for byte what the real program printed. */
class PresetGoldenTest {
    @ParameterizedTest(name = "{0} prints {1}.expected")
    @CsvSource({
        "seed1_worker_waits, 00a_seed_text_worker",
        "seed2_polling, 00b_seed_text_polling",
        "multi_waiters, 03_multi_waiters",
        "asyncio_wait_already_set, 05_asyncio_wait_already_set",
        "asyncio_set_clear, 07_asyncio_set_clear",
        "pingpong, 08_pingpong_anyio",
        "poll_vs_wait, 10_poll_vs_wait",
        "start_soon_order, 12_start_soon_order",
        "setter_yield_order, 15_setter_yield_order",
    })
    void presetPrintsWhatTheRealProgramPrinted(String preset, String conformance) throws IOException {
        Simulation sim = Presets.load(preset).simulate();
        RunResult r = sim.runToEnd();
        assertThat(r.ok()).as(r.message()).isTrue();
        assertThat(Runs.output(sim)).isEqualTo(expected(conformance));
    }

    @Test
    void everyListedPresetLoads() {
        assertThat(Presets.all()).hasSizeGreaterThanOrEqualTo(10)
                .allSatisfy(p -> assertThat(p.title()).isNotBlank());
    }

    static String expected(String name) throws IOException {
        try (InputStream in = PresetGoldenTest.class.getResourceAsStream("/conformance/" + name + ".expected")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
