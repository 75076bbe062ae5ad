package dev.eventlanes.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The compact trace log gives back exactly what was recorded, across chunk boundaries. */
class TraceLogTest {
    private static final double[] ODD_VALUES = {0, 1, 7, Double.NaN, -0.0, 0.5, -3, 1e300, 2.0000001,
        (1 << 30), (1 << 30) - 1, Double.POSITIVE_INFINITY, Double.MIN_VALUE};

    @Test
    void everyFieldOfEveryEntryComesBackAsRecorded() {
        TraceLog log = new TraceLog();
        Random rnd = new Random(42);
        List<TraceEntry> want = new ArrayList<>();
        double t = 0;
        // More than the growing chunks hold (520,192 entries), so fixed-size chunks are used too.
        int n = 700_000;
        TraceKind[] kinds = TraceKind.values();
        for (int i = 0; i < n; i++) {
            if (rnd.nextInt(5) == 0) {
                t += rnd.nextInt(3) == 0 ? 0.25 : 1e-6;
            }
            TraceKind k = kinds[rnd.nextInt(kinds.length)];
            int task = rnd.nextInt(10) == 0 ? -1 : rnd.nextInt(3_000_000);
            int event = rnd.nextInt(3) == 0 ? -1 : rnd.nextInt(Integer.MAX_VALUE);
            int other = rnd.nextInt(3) == 0 ? -1 : rnd.nextInt(Integer.MAX_VALUE);
            int line = rnd.nextInt(4) == 0 ? 0 : rnd.nextInt(100_000);
            double v = rnd.nextInt(4) == 0 ? ODD_VALUES[rnd.nextInt(ODD_VALUES.length)] : rnd.nextInt(1000);
            String text = rnd.nextInt(7) == 0 ? "print " + i + "\n" : "";
            log.onEntry(i, t, k, task, event, other, line, v, text);
            want.add(new TraceEntry(i, t, k, task, event, other, line, v, text));
        }
        assertThat(log.size()).isEqualTo(n);
        for (int i = 0; i < n; i++) {
            TraceEntry got = log.get(i);
            TraceEntry w = want.get(i);
            assertThat(got).as("entry %d", i).isEqualTo(w);
            assertThat(Double.doubleToRawLongBits(got.value())).as("value bits of entry %d", i)
                    .isEqualTo(Double.doubleToRawLongBits(w.value()));
            assertThat(log.handle(i)).isEqualTo(-1);
        }
        // Out of order too: backwards, and jumping around.
        for (int i = n - 1; i >= n - 2_000; i--) {
            assertThat(log.get(i)).isEqualTo(want.get(i));
        }
        for (int k = 0; k < 20_000; k++) {
            int i = rnd.nextInt(n);
            assertThat(log.text(i)).isEqualTo(want.get(i).text());
            assertThat(log.time(i)).isEqualTo(want.get(i).time());
            assertThat(log.task(i)).isEqualTo(want.get(i).task());
        }
        assertThatThrownBy(() -> log.get(n)).isInstanceOf(IndexOutOfBoundsException.class);
        assertThatThrownBy(() -> log.time(-1)).isInstanceOf(IndexOutOfBoundsException.class);
    }

    @Test
    void eachEntryKnowsHowManyCallbacksHadRun() {
        Loop loop = new Loop(Semantics.ASYNCIO, 1);
        TraceLog log = new TraceLog();
        log.bind(loop);
        loop.addListener(log);
        AsyncEvent e = loop.newEvent("go");
        loop.spawn(new Co("waiter").await(e::waitCoroutine), "waiter");
        loop.runMain(new Co("main").await(() -> loop.sleep(0)).run(e::set), "main");
        long last = -1;
        boolean moved = false;
        for (int i = 0; i < log.size(); i++) {
            long h = log.handle(i);
            assertThat(h).as("loop position of entry %d", i).isGreaterThanOrEqualTo(last).isLessThanOrEqualTo(loop.handlesRun());
            moved |= h > last && last >= 0;
            last = h;
        }
        assertThat(moved).isTrue();
        assertThat(log.handle(0)).isZero();
    }

    @Test
    void eachDistinctTextIsKeptOnce() {
        // Many constants used in turn: a cache that forgets one when another takes its slot would
        // number the same text again and again.
        TraceLog log = new TraceLog();
        String[] texts = new String[300];
        for (int k = 0; k < texts.length; k++) {
            texts[k] = "text " + k;
        }
        Random rnd = new Random(7);
        int[] used = new int[20_000];
        for (int i = 0; i < used.length; i++) {
            used[i] = rnd.nextInt(texts.length);
            log.onEntry(i, 0, TraceKind.PRINT, 0, -1, -1, 0, 0, texts[used[i]]);
        }
        for (int i = 0; i < used.length; i++) {
            assertThat(log.text(i)).isSameAs(texts[used[i]]);
        }
        assertThat(log.distinctTexts()).isEqualTo(texts.length);
    }

    @Test
    void idsThatDriftAsInARealRunComeBackAcrossChunks() {
        // Real runs move their ids slowly (a fresh event per round, tasks taking turns), with now
        // and then a jump, over more entries than the first chunks hold.
        TraceLog log = new TraceLog();
        Random rnd = new Random(3);
        int n = 1_300_000;
        int[] tasks = new int[n];
        int[] events = new int[n];
        int[] others = new int[n];
        double[] values = new double[n];
        int task = 0;
        int event = 0;
        for (int i = 0; i < n; i++) {
            task = Math.max(0, task + rnd.nextInt(3) - 1);
            event += rnd.nextInt(3) == 0 ? 1 : 0;
            if (rnd.nextInt(200_000) == 0) {
                event += 1_000_000;
                task += 100_000;
            }
            tasks[i] = rnd.nextInt(20) == 0 ? -1 : task;
            events[i] = rnd.nextInt(3) == 0 ? -1 : event;
            others[i] = rnd.nextInt(4) == 0 ? task + 1 : -1;
            values[i] = rnd.nextInt(9) - 1;
            log.onEntry(i, 0, TraceKind.WAKE, tasks[i], events[i], others[i], 0, values[i], "");
        }
        for (int i = 0; i < n; i++) {
            assertThat(log.task(i)).as("task of %d", i).isEqualTo(tasks[i]);
            assertThat(log.event(i)).as("event of %d", i).isEqualTo(events[i]);
            assertThat(log.other(i)).as("other of %d", i).isEqualTo(others[i]);
            assertThat(log.value(i)).as("value of %d", i).isEqualTo(values[i]);
        }
    }

    @Test
    void aLogAloneOrBesideOtherListenersGetsEveryEntry() {
        // The loop calls a lone trace log directly; with another listener beside it, or after one
        // is removed, every listener still gets every entry, and a removed one gets none.
        Loop loop = new Loop(Semantics.ASYNCIO, 1);
        TraceLog log = new TraceLog();
        List<TraceKind> other = new ArrayList<>();
        TraceListener collect = (seq, t, k, tk, ev, ot, ln, v, tx) -> other.add(k);
        loop.addListener(log);
        AsyncEvent e = loop.newEvent("go");
        loop.addListener(collect);
        e.set();
        loop.removeListener(collect);
        e.isSet();
        TraceLog late = new TraceLog();
        loop.addListener(late);
        loop.removeListener(log);
        e.clear();
        assertThat(log.entries()).extracting(TraceEntry::kind)
                .containsExactly(TraceKind.EVENT_NEW, TraceKind.SET, TraceKind.POLL);
        assertThat(other).containsExactly(TraceKind.SET);
        assertThat(late.entries()).extracting(TraceEntry::kind).containsExactly(TraceKind.CLEAR);
    }
}
