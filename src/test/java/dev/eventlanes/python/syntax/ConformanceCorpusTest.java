package dev.eventlanes.python.syntax;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Every program of the shared conformance corpus is valid and inside the subset. */
class ConformanceCorpusTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "00a_seed_text_worker.py", "00b_seed_text_polling.py", "01_seed_worker_wait.py",
            "02_seed_poll_is_set.py", "03_multi_waiters.py", "05_asyncio_wait_already_set.py",
            "07_asyncio_set_clear.py", "08_pingpong_anyio.py", "10_poll_vs_wait.py",
            "12_start_soon_order.py", "14_starlette_call_next.py", "15_setter_yield_order.py"})
    void conformanceProgramParsesWithoutDiagnostics(String name) throws IOException {
        String source;
        try (InputStream in = getClass().getResourceAsStream("/dev/eventlanes/conformance/" + name)) {
            assertThat(in).as(name).isNotNull();
            source = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        ParseResult result = PythonParser.parse(name, source);
        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.module().body()).isNotEmpty();
        assertThat(result.module().body().get(result.module().body().size() - 1))
                .isInstanceOf(Stmt.ExprStmt.class);
    }
}
