package dev.eventlanes;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventlanes.model.TraceContracts;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The trace's contracts ({@link dev.eventlanes.model.TraceKind}) hold for every program of the
 * {@link Corpus}, under each semantics: what the lanes draw from the trace is what happened.
 */
class TraceContractsTest {
    @TestFactory
    Stream<DynamicTest> everySetIsFollowedByExactlyTheWakeUpsItCaused() {
        return Corpus.runs().stream().map(r -> DynamicTest.dynamicTest(r.name(),
                () -> assertThat(TraceContracts.setWakeViolation(r.simulation().get().trace())).isNull()));
    }
}
