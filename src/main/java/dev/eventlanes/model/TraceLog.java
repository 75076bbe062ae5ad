package dev.eventlanes.model;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;

/**
 * Records every trace entry of a run in compact parallel arrays (about 50 bytes an entry, in chunks, so a
 * million entries fit in well under 100 MB), and gives them back as {@link TraceEntry} values.
 * Not thread-safe: one writer (the loop), readers on the same thread or after the run.
 */
public final class TraceLog implements TraceListener {
    // Entries live in fixed-size chunks of parallel arrays: growing never copies what is
    // recorded (a run of millions of entries would otherwise copy them again at every doubling).
    private static final int SHIFT = 14;
    private static final int CHUNK = 1 << SHIFT;
    private static final int MASK = CHUNK - 1;
    private static final TraceKind[] KINDS = TraceKind.values();

    private static final class Chunk {
        final double[] time = new double[CHUNK];
        final byte[] kind = new byte[CHUNK];
        final int[] task = new int[CHUNK];
        final int[] event = new int[CHUNK];
        final int[] other = new int[CHUNK];
        final int[] line = new int[CHUNK];
        final double[] value = new double[CHUNK];
        final String[] text = new String[CHUNK];
        final long[] handle = new long[CHUNK];
    }

    private Chunk[] chunks = new Chunk[16];
    private int size;
    private Loop loop;

    @Override
    public void onEntry(long seq, double t, TraceKind k, int tk, int ev, int ot, int ln, double v, String tx) {
        int c = size >>> SHIFT;
        if (c == chunks.length) {
            chunks = Arrays.copyOf(chunks, c * 2);
        }
        Chunk ch = chunks[c];
        if (ch == null) {
            ch = new Chunk();
            chunks[c] = ch;
        }
        int i = size & MASK;
        ch.time[i] = t;
        ch.kind[i] = (byte) k.ordinal();
        ch.task[i] = tk;
        ch.event[i] = ev;
        ch.other[i] = ot;
        ch.line[i] = ln;
        ch.value[i] = v;
        ch.text[i] = tx;
        ch.handle[i] = loop == null ? -1 : loop.handlesRun();
        size++;
    }

    /** Records, with each entry, how many loop callbacks had run (a click's replay position). */
    public void bind(Loop loop) {
        this.loop = loop;
    }

    public int size() {
        return size;
    }

    private Chunk at(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
        return chunks[i >>> SHIFT];
    }

    public TraceEntry get(int i) {
        Chunk c = at(i);
        int j = i & MASK;
        return new TraceEntry(i, c.time[j], KINDS[c.kind[j]], c.task[j], c.event[j], c.other[j], c.line[j],
                c.value[j], c.text[j]);
    }

    public TraceKind kind(int i) {
        return KINDS[at(i).kind[i & MASK]];
    }

    public double time(int i) {
        return at(i).time[i & MASK];
    }

    public int task(int i) {
        return at(i).task[i & MASK];
    }

    public int event(int i) {
        return at(i).event[i & MASK];
    }

    public int other(int i) {
        return at(i).other[i & MASK];
    }

    public int line(int i) {
        return at(i).line[i & MASK];
    }

    public double value(int i) {
        return at(i).value[i & MASK];
    }

    public String text(int i) {
        return at(i).text[i & MASK];
    }

    /**
     * The loop position of entry {@code i}: how many callbacks had run when it was recorded, or -1
     * if the log is not bound to a loop. A click logged at this position replays at this moment.
     */
    public long handle(int i) {
        return at(i).handle[i & MASK];
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
        if (n >= 0 && n < size) {
            for (int i = n; i < size; i++) {
                chunks[i >>> SHIFT].text[i & MASK] = null;
            }
            size = n;
        }
    }
}
