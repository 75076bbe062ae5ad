package dev.eventlanes.ui.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The frame benchmark's arithmetic: which pulses it counts, and its percentiles. */
class FrameBenchDistributionTest {
    private static String log(int... durations) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < durations.length; i++) {
            sb.append("PULSE: ").append(100 + i).append(" [16ms:").append(durations[i]).append("ms]\n");
            sb.append("T14 (0 +0ms): CSS Pass\n\n");
        }
        return sb.toString();
    }

    @Test
    void leavesOutThePulseTheMeasurementStartedIn() {
        // The first pulse holds the benchmark's own start (30 ms); the other four are the window's.
        String d = FrameBench.distribution(log(30, 4, 5, 6, 7));
        assertThat(d).startsWith("4 pulses;").contains("median 6").contains("max 7");
    }

    @Test
    void percentilesComeFromTheSortedDurations() {
        int[] ds = new int[101];
        ds[0] = 99;
        for (int i = 1; i <= 100; i++) {
            ds[i] = i;
        }
        assertThat(FrameBench.distribution(log(ds))).isEqualTo(
                "100 pulses; pulse duration (start to end of painting, ms) median 51, p95 96, p99 100, max 100");
    }
}
