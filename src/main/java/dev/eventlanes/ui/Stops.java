package dev.eventlanes.ui;

import dev.eventlanes.scene.TraceIndex;

/**
 * Where Step, Step line and Step back stop: positions worked out from the recorded trace alone,
 * so that a moment reached forwards, backwards or by scrubbing is the same moment.
 *
 * <p>Scheduler stops are the ends of the steps ({@link #stepEnd}), the moment the program is
 * ready to start (step 0's RUN not yet shown) and the end of what is recorded. Line stops add
 * every moment a task reaches a new source line. Why one set for both directions: Step back used
 * to go to the start of a step, which is after the clock moved on, while Step went to its end,
 * before the clock moved: the same step showed t = 0.0 one way and t = 2.0 the other.
 */
final class Stops {
    private Stops() {
    }

    /**
     * Where step s ends on screen: just before its successor's RUN, or before the clock moves if
     * it does first, so a step leaves the lanes at the moment it happened (the waiter shown
     * waiting at t = 0) and the clock's jump begins the next step. The last step ends at the
     * first change of the clock after it, or with the recording.
     */
    static int stepEnd(TraceIndex tl, int s) {
        int from = tl.runIndex(s);
        int to = s + 1 < tl.stepCount() ? tl.runIndex(s + 1) : tl.size();
        double t = tl.log().time(from);
        for (int j = from + 1; j < to; j++) {
            if (tl.log().time(j) > t) {
                return j;
            }
        }
        return to;
    }

    /**
     * The next scheduler stop after k, or -1 at the end of the recording. Before step 0 it is the
     * end of step 0: the ready moment is where a run opens, so Step from there shows a step.
     */
    static int nextStep(TraceIndex tl, int k) {
        if (k >= tl.size()) {
            return -1;
        }
        int s = tl.stepsAt(k);
        if (s > 0) {
            int end = stepEnd(tl, s - 1);
            if (end > k) {
                return end;
            }
        }
        return s < tl.stepCount() ? Math.max(k + 1, stepEnd(tl, s)) : tl.size();
    }

    /** The previous scheduler stop before k: a step's end, the ready moment, or 0; -1 at 0. */
    static int previousStep(TraceIndex tl, int k) {
        if (k <= 0) {
            return -1;
        }
        int n = tl.stepCount();
        if (n == 0 || k <= tl.runIndex(0)) {
            return 0;
        }
        // The last step whose end is before k: ends grow with s, so search them.
        int lo = 0;
        int hi = n - 1;
        int found = -1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            if (stepEnd(tl, mid) < k) {
                found = mid;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return found < 0 ? tl.runIndex(0) : stepEnd(tl, found);
    }

    /** The next line stop after k (a new source line, or a scheduler stop), or -1 at the end. */
    static int nextLine(TraceIndex tl, int k) {
        int step = nextStep(tl, k);
        int line = tl.nextLineChange(k);
        if (line < 0 || line > tl.size()) {
            return step;
        }
        return step < 0 ? line : Math.min(step, line);
    }

    /** The previous line stop before k, or -1 at 0. */
    static int previousLine(TraceIndex tl, int k) {
        return Math.max(previousStep(tl, k), tl.previousLineChange(k));
    }

    /**
     * Where the narration of position k begins: the end of the step before the last one shown,
     * so the clock's jump and the wake-ups that start a step are told with it. -1 before step 0.
     */
    static int narrationStart(TraceIndex tl, int k) {
        int s = tl.stepsAt(k);
        if (s == 0) {
            return -1;
        }
        return s == 1 ? tl.runIndex(0) : stepEnd(tl, s - 2);
    }
}
