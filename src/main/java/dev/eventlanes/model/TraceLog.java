package dev.eventlanes.model;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;

/**
 * Records every trace entry of a run in compact parallel arrays (about 50 bytes an entry, so a
 * million entries fit in well under 100 MB), and gives them back as {@link TraceEntry} values.
 * Not thread-safe: one writer (the loop), readers on the same thread or after the run.
 */
public final class TraceLog implements TraceListener {
    private int size;
    private double[] time = new double[1024];
    private byte[] kind = new byte[1024];
    private int[] task = new int[1024];
    private int[] event = new int[1024];
    private int[] other = new int[1024];
    private int[] line = new int[1024];
    private double[] value = new double[1024];
    private String[] text = new String[1024];
    private long[] handle = new long[1024];
    private Loop loop;
    private static final TraceKind[] KINDS = TraceKind.values();

    @Override
    public void onEntry(long seq, double t, TraceKind k, int tk, int ev, int ot, int ln, double v, String tx) {
        if (size == time.length) {
            grow();
        }
        int i = size++;
        time[i] = t;
        kind[i] = (byte) k.ordinal();
        task[i] = tk;
        event[i] = ev;
        other[i] = ot;
        line[i] = ln;
        value[i] = v;
        text[i] = tx.isEmpty() ? "" : tx;
        handle[i] = loop == null ? -1 : loop.handlesRun();
    }

    /** Records, with each entry, how many loop callbacks had run (a click's replay position). */
    public void bind(Loop loop) {
        this.loop = loop;
    }

    /**
     * The loop position of entry {@code i}: how many callbacks had run when it was recorded, or -1
     * if the log is not bound to a loop. A click logged at this position replays at this moment.
     */
    public long handle(int i) {
        return handle[i];
    }

    private void grow() {
        int n = time.length * 2;
        time = Arrays.copyOf(time, n);
        kind = Arrays.copyOf(kind, n);
        task = Arrays.copyOf(task, n);
        event = Arrays.copyOf(event, n);
        other = Arrays.copyOf(other, n);
        line = Arrays.copyOf(line, n);
        value = Arrays.copyOf(value, n);
        text = Arrays.copyOf(text, n);
        handle = Arrays.copyOf(handle, n);
    }

    public int size() {
        return size;
    }

    public TraceEntry get(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
        return new TraceEntry(i, time[i], KINDS[kind[i]], task[i], event[i], other[i], line[i], value[i], text[i]);
    }

    public TraceKind kind(int i) {
        return KINDS[kind[i]];
    }

    public double time(int i) {
        return time[i];
    }

    public int task(int i) {
        return task[i];
    }

    public int event(int i) {
        return event[i];
    }

    public int other(int i) {
        return other[i];
    }

    public int line(int i) {
        return line[i];
    }

    public double value(int i) {
        return value[i];
    }

    public String text(int i) {
        return text[i];
    }

    /** The entries as a read-only list view. */
    public List<TraceEntry> entries() {
        return new AbstractList<>() {
            @Override
            public TraceEntry get(int index) {
                return TraceLog.this.get(index);
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    /** Forgets entries from index n on (used when a session is re-simulated). */
    public void truncate(int n) {
        if (n < size) {
            Arrays.fill(text, n, size, null);
            size = n;
        }
    }
}
