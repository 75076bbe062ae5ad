package dev.eventlanes.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eventlanes.model.Simulation;
import dev.eventlanes.model.TraceKind;
import dev.eventlanes.model.TraceLog;
import dev.eventlanes.scenario.Presets;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceWritersTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Simulation seed1() {
        Simulation sim = Presets.load("seed1_worker_waits").simulate();
        sim.runToEnd();
        return sim;
    }

    @Test
    void jsonLinesHasOneObjectPerEntryWithTheDocumentedFields() throws Exception {
        Simulation sim = seed1();
        StringWriter w = new StringWriter();
        JsonLinesWriter.write(sim.trace(), sim.loop(), w);
        List<String> lines = w.toString().lines().toList();
        assertThat(lines).hasSize(sim.trace().size());
        for (String l : lines) {
            JsonNode n = JSON.readTree(l);
            List<String> names = new ArrayList<>();
            n.fieldNames().forEachRemaining(names::add);
            assertThat(names).containsExactly("t", "seq", "kind", "task", "task_name", "event", "event_name",
                    "other", "line", "value", "text");
        }
        JsonNode set = lines.stream().map(l -> {
            try {
                return JSON.readTree(l);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).filter(n -> n.get("kind").asText().equals("set")).findFirst().orElseThrow();
        assertThat(set.get("task_name").asText()).isEqualTo("main");
        assertThat(set.get("event_name").asText()).isEqualTo("event");
        assertThat(set.get("t").asDouble()).isBetween(2.0, 2.001);
    }

    @Test
    void chromeTraceHasTracksSlicesInstantsAndAFlowFromSetToTheWaiter() throws Exception {
        Simulation sim = seed1();
        StringWriter w = new StringWriter();
        ChromeTraceWriter.write(sim.trace(), sim.loop(), "seed 1", w);
        JsonNode events = JSON.readTree(w.toString()).get("traceEvents");
        List<String> threads = new ArrayList<>();
        List<JsonNode> flows = new ArrayList<>();
        boolean waitingSlice = false;
        boolean setInstant = false;
        for (JsonNode e : events) {
            String ph = e.get("ph").asText();
            if (ph.equals("M") && e.get("name").asText().equals("thread_name")) {
                threads.add(e.get("args").get("name").asText());
            } else if (ph.equals("X") && e.get("name").asText().equals("waiting on event.wait()")) {
                waitingSlice = true;
                assertThat(e.get("dur").asDouble()).isBetween(2e6, 2.001e6);
            } else if (ph.equals("i") && e.get("name").asText().equals("event.set()")) {
                setInstant = true;
            } else if (ph.equals("s") || ph.equals("f")) {
                flows.add(e);
            }
        }
        assertThat(threads).containsExactly("outside (clicks, timers)", "main", "worker");
        assertThat(waitingSlice).isTrue();
        assertThat(setInstant).isTrue();
        assertThat(flows).hasSize(2);
        assertThat(flows.get(0).get("id")).isEqualTo(flows.get(1).get("id"));
        assertThat(flows.get(0).get("tid").asInt()).isEqualTo(1);
        assertThat(flows.get(1).get("tid").asInt()).isEqualTo(2);
    }

    @Test
    void chromeTraceDrawsNoWakeUpArrowToATaskWhoseWaitWasCancelled() throws Exception {
        // A set() that woke task 1, and right after it task 2 woken because its wait() was
        // cancelled: only task 1 gets an arrow.
        TraceLog log = new TraceLog();
        log.onEntry(0, 1.0, TraceKind.SET, 0, 0, -1, 0, 1, "");
        log.onEntry(1, 1.0, TraceKind.WAKE, 1, 0, 0, 0, Double.NaN, "event");
        log.onEntry(2, 1.0, TraceKind.WAKE, 2, 0, -1, 0, Double.NaN, "cancelled");
        log.onEntry(3, 1.0, TraceKind.RUN, 1, -1, -1, 0, 0, "");
        log.onEntry(4, 1.0, TraceKind.RUN, 2, -1, -1, 0, 0, "");
        StringWriter w = new StringWriter();
        ChromeTraceWriter.write(log, List.of("main", "waiter", "gave_up"), List.of("ev"), "t", w);
        List<String> flows = new ArrayList<>();
        for (JsonNode e : JSON.readTree(w.toString()).get("traceEvents")) {
            String ph = e.get("ph").asText();
            if (ph.equals("s") || ph.equals("f")) {
                flows.add(ph + " tid " + e.get("tid").asInt());
            }
        }
        assertThat(flows).containsExactly("s tid 1", "f tid 2");
    }
}
