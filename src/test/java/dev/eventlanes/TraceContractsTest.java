package dev.eventlanes;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.eventlanes.model.Simulation;
import dev.eventlanes.model.TraceContracts;
import dev.eventlanes.model.TraceKind;
import dev.eventlanes.model.TraceLog;
import dev.eventlanes.trace.ChromeTraceWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The trace's contracts ({@link dev.eventlanes.model.TraceKind}) hold for every program of the
 * {@link Corpus}, under each semantics: what the lanes draw from the trace is what happened.
 */
class TraceContractsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TestFactory
    Stream<DynamicTest> everySetIsFollowedByExactlyTheWakeUpsItCaused() {
        return Corpus.runs().stream().map(r -> DynamicTest.dynamicTest(r.name(),
                () -> assertThat(TraceContracts.setWakeViolation(r.simulation().get().trace())).isNull()));
    }

    @TestFactory
    Stream<DynamicTest> everyCancellationIsTracedOnceWithItsCause() {
        return Corpus.runs().stream().map(r -> DynamicTest.dynamicTest(r.name(),
                () -> assertThat(TraceContracts.cancelViolation(r.simulation().get().trace())).isNull()));
    }

    @TestFactory
    Stream<DynamicTest> theChromeTraceDrawsAWakeUpFlowForExactlyEachTaskASetWoke() {
        return Corpus.runs().stream().map(r -> DynamicTest.dynamicTest(r.name(), () -> {
            Simulation sim = r.simulation().get();
            TraceLog log = sim.trace();
            // The flows the trace calls for, in order: {setter's track, woken task's track}.
            List<int[]> want = new ArrayList<>();
            for (int i = 0; i < log.size(); i++) {
                if (log.kind(i) == TraceKind.WAKE && "event".equals(log.text(i))) {
                    want.add(new int[] {log.other(i) + 1, log.task(i) + 1});
                }
            }
            StringWriter w = new StringWriter();
            ChromeTraceWriter.write(log, sim.loop(), r.name(), w);
            List<Integer> starts = new ArrayList<>();
            Map<Integer, Integer> startTrack = new HashMap<>();
            Map<Integer, Integer> endTrack = new HashMap<>();
            for (JsonNode e : JSON.readTree(w.toString()).get("traceEvents")) {
                String ph = e.get("ph").asText();
                if (ph.equals("s")) {
                    starts.add(e.get("id").asInt());
                    startTrack.put(e.get("id").asInt(), e.get("tid").asInt());
                } else if (ph.equals("f")) {
                    assertThat(endTrack.put(e.get("id").asInt(), e.get("tid").asInt())).as("one end per flow").isNull();
                }
            }
            assertThat(starts).as("one flow per task a set() woke").hasSize(want.size());
            assertThat(startTrack.keySet()).as("every flow end has a start").containsAll(endTrack.keySet());
            for (int k = 0; k < want.size(); k++) {
                int id = starts.get(k);
                assertThat(startTrack.get(id)).as("flow %d starts at the setter", k).isEqualTo(want.get(k)[0]);
                // A woken task that never ran again (the run ended first) has no end.
                if (endTrack.containsKey(id)) {
                    assertThat(endTrack.get(id)).as("flow %d ends at the woken task", k).isEqualTo(want.get(k)[1]);
                }
            }
        }));
    }
}
