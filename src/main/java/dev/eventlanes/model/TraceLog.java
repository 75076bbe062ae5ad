package dev.eventlanes.model;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;

/**
 * Records every trace entry of a run and gives them back as {@link TraceEntry} values, or field
 * by field. Not thread-safe: one writer (the loop) and readers on the same thread, or readers
 * after the run; reading moves an internal cursor.
 *
 * <p>Why this layout. A run records several entries per task step (run, set, wake, wait,
 * suspend), millions in a long run, so recording must cost a few stores, not a decision per
 * field. Each entry is two {@code long}s at a fixed place: task and event; other task, kind, a
 * code for the value and a number for the text. The fields that change only now and then are kept
 * apart, once per change: the time (it moves only between callbacks), the loop position (once per
 * callback) and the source line. Rare values that the value code cannot say (a deadline, a count
 * over 4093, -0.0, an odd NaN) and texts beyond the 65,534th are kept apart too, by entry. A
 * non-empty text is a number in the log's table of texts: texts are nearly always shared constants
 * ("event", a task's name), so each is kept once. That is 16 bytes an entry plus a few per
 * change: a million entries take about 20 MB.
 *
 * <p>Entry {@code i} is found at once; the separately kept fields are found by a binary search
 * over their changes, or without one when entries are read in order.
 */
public final class TraceLog implements TraceListener {
    private static final TraceKind[] KINDS = TraceKind.values();
    /** Longs in the first chunk (16 KB); chunks double up to {@link #MAX_CHUNK}. */
    private static final int FIRST_CHUNK = 1 << 11;
    /**
     * Chunks grow to 4 MB: at that size (at least half a region of G1's heap on this kind of
     * machine) an array is allocated straight into the old generation, so a long recording is
     * never copied from one young collection to the next.
     */
    private static final int MAX_CHUNK = 1 << 19;

    // Second word: other task in bits 0-31, kind in 32-35, value code in 36-47, text in 48-63.
    private static final int KIND_SHIFT = 32;
    private static final int VALUE_SHIFT = 36;
    private static final int TEXT_SHIFT = 48;

    // Value codes: 0.0 (no bits set), NaN, "kept apart", or a whole number n in 1..4093 as n + 2.
    private static final int V_NAN = 1;
    private static final int V_APART = 2;
    private static final int V_MAX_INLINE = 0xFFF - 2;
    private static final long POSITIVE_ZERO = Double.doubleToRawLongBits(0.0);
    private static final long CANONICAL_NAN = Double.doubleToRawLongBits(Double.NaN);

    // Text codes: 0 is "", n is texts[n - 1], and T_APART means "kept apart".
    private static final int T_APART = 0xFFFF;

    private long[][] chunks = new long[8][];
    /** Entry index of each chunk's first entry. */
    private int[] chunkFirst = new int[8];
    private int chunkCount;
    private long[] buf = new long[0];
    private int pos;
    private int size;
    private Loop loop;

    /** Every distinct text (by identity), numbered in order of first use. */
    private String[] texts = new String[64];
    private int textCount;
    /**
     * The texts' numbers, found by identity hash (open addressing, at most half full). A table
     * rather than a cache: two constants sharing a slot of a cache would each be numbered anew
     * on every entry.
     */
    private String[] slotText = new String[128];
    private int[] slotCode = new int[128];

    /** Fields kept once per change (or, for rare values and texts, once per entry that has one). */
    private final Changes lines = new Changes();
    private final Changes times = new Changes();
    private final Changes handles = new Changes();
    private final Changes apartValues = new Changes();
    private final Changes apartTexts = new Changes();
    private int lastLine;
    private long lastTimeBits = POSITIVE_ZERO;
    private long lastHandle = -1;

    private final Cursor cursor = new Cursor();

    @Override
    public void onEntry(long seq, double t, TraceKind k, int tk, int ev, int ot, int ln, double v, String tx) {
        long[] b = buf;
        int p = pos;
        if (p == b.length) {
            b = newChunk();
            p = 0;
        }
        int i = size;
        long w1 = (ot & 0xFFFFFFFFL) | ((long) k.ordinal() << KIND_SHIFT);
        long vb = Double.doubleToRawLongBits(v);
        if (vb != POSITIVE_ZERO) {
            w1 |= (long) valueCode(i, v, vb) << VALUE_SHIFT;
        }
        if (tx != null && !tx.isEmpty()) {
            w1 |= (long) textField(i, tx) << TEXT_SHIFT;
        }
        b[p] = (tk & 0xFFFFFFFFL) | ((long) ev << 32);
        b[p + 1] = w1;
        pos = p + 2;
        if (ln != lastLine) {
            lastLine = ln;
            lines.add(i, ln);
        }
        long tb = Double.doubleToRawLongBits(t);
        if (tb != lastTimeBits) {
            lastTimeBits = tb;
            times.add(i, tb);
        }
        if (loop != null) {
            long h = loop.handlesRun();
            if (h != lastHandle) {
                lastHandle = h;
                handles.add(i, h);
            }
        }
        size = i + 1;
    }

    private int valueCode(int i, double v, long bits) {
        if (v != v) {
            if (bits == CANONICAL_NAN) {
                return V_NAN;
            }
        } else {
            int n = (int) v;
            if (n == v && n >= 1 && n <= V_MAX_INLINE) {
                return n + 2;
            }
        }
        apartValues.add(i, bits);
        return V_APART;
    }

    private int textField(int i, String tx) {
        int code = textCode(tx) + 1;
        if (code < T_APART) {
            return code;
        }
        apartTexts.add(i, code);
        return T_APART;
    }

    private long[] newChunk() {
        int n = chunkCount == 0 ? FIRST_CHUNK : Math.min(buf.length * 2, MAX_CHUNK);
        long[] b = new long[n];
        if (chunkCount == chunks.length) {
            chunks = Arrays.copyOf(chunks, chunkCount * 2);
            chunkFirst = Arrays.copyOf(chunkFirst, chunkCount * 2);
        }
        chunks[chunkCount] = b;
        chunkFirst[chunkCount] = size;
        chunkCount++;
        buf = b;
        pos = 0;
        return b;
    }

    /**
     * The last few texts numbered and their numbers: a run repeats a handful of constants ("event",
     * an event's or a task's name), and comparing references is cheaper than hashing.
     */
    private final String[] memoText = new String[4];
    private final int[] memoCode = new int[4];
    private int memoNext;

    private int textCode(String tx) {
        String[] mt = memoText;
        for (int k = 0; k < mt.length; k++) {
            if (mt[k] == tx) {
                return memoCode[k];
            }
        }
        int code = tableCode(tx);
        int k = memoNext;
        mt[k] = tx;
        memoCode[k] = code;
        memoNext = (k + 1) & (mt.length - 1);
        return code;
    }

    private int tableCode(String tx) {
        String[] st = slotText;
        int mask = st.length - 1;
        int h = System.identityHashCode(tx) & mask;
        for (String s = st[h]; s != null; s = st[h]) {
            if (s == tx) {
                return slotCode[h];
            }
            h = (h + 1) & mask;
        }
        if (textCount == texts.length) {
            texts = Arrays.copyOf(texts, textCount * 2);
        }
        texts[textCount] = tx;
        st[h] = tx;
        slotCode[h] = textCount;
        if (2 * (textCount + 1) > st.length) {
            rehashTexts();
        }
        return textCount++;
    }

    private void rehashTexts() {
        String[] st = new String[slotText.length * 2];
        int[] sc = new int[st.length];
        int mask = st.length - 1;
        for (int k = 0; k < slotText.length; k++) {
            String s = slotText[k];
            if (s != null) {
                int h = System.identityHashCode(s) & mask;
                while (st[h] != null) {
                    h = (h + 1) & mask;
                }
                st[h] = s;
                sc[h] = slotCode[k];
            }
        }
        slotText = st;
        slotCode = sc;
    }

    /** Records, with each entry, how many loop callbacks had run (a click's replay position). */
    public void bind(Loop loop) {
        this.loop = loop;
    }

    public int size() {
        return size;
    }

    /** How many different texts (by identity) the log keeps. */
    int distinctTexts() {
        return textCount;
    }

    public TraceEntry get(int i) {
        Cursor c = at(i);
        return new TraceEntry(i, time(i), KINDS[c.kind], c.task, c.event, c.other, line(i), c.value, c.text);
    }

    public TraceKind kind(int i) {
        return KINDS[at(i).kind];
    }

    public double time(int i) {
        check(i);
        return Double.longBitsToDouble(times.valueAt(i, POSITIVE_ZERO));
    }

    public int task(int i) {
        return at(i).task;
    }

    public int event(int i) {
        return at(i).event;
    }

    public int other(int i) {
        return at(i).other;
    }

    public int line(int i) {
        check(i);
        return (int) lines.valueAt(i, 0);
    }

    public double value(int i) {
        return at(i).value;
    }

    public String text(int i) {
        return at(i).text;
    }

    /**
     * The loop position of entry {@code i}: how many callbacks had run when it was recorded, or -1
     * if the log is not bound to a loop. A click logged at this position replays at this moment.
     */
    public long handle(int i) {
        check(i);
        return handles.valueAt(i, -1);
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

    private void check(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
    }

    private Cursor at(int i) {
        check(i);
        Cursor c = cursor;
        if (i != c.index) {
            c.read(i);
        }
        return c;
    }

    /**
     * The changes of one separately kept field: at which entry each change happened (ascending)
     * and the new value's bits. A field's value at entry {@code i} is that of its last change at or
     * before {@code i}.
     */
    private static final class Changes {
        int[] at = new int[16];
        long[] bits = new long[16];
        int count;
        /** Where the last lookup ended: entries read in order find their change without a search. */
        int hint = -1;

        void add(int entry, long value) {
            if (count == at.length) {
                at = Arrays.copyOf(at, count * 2);
                bits = Arrays.copyOf(bits, count * 2);
            }
            at[count] = entry;
            bits[count] = value;
            count++;
        }

        /** The index of the last change at or before entry {@code i}, or -1 if none. */
        int find(int i) {
            int k = hint;
            if (k >= 0 && k < count && at[k] > i && (k == 0 || at[k - 1] <= i)) {
                // One change back: reading backwards.
                hint = k - 1;
                return k - 1;
            }
            if (k >= -1 && k < count && (k < 0 || at[k] <= i)) {
                // Moving forward from the last lookup: usually zero or one step.
                for (int steps = 0; steps < 4; steps++) {
                    if (k + 1 < count && at[k + 1] <= i) {
                        k++;
                    } else {
                        hint = k;
                        return k;
                    }
                }
            }
            int lo = 0;
            int hi = count - 1;
            k = -1;
            while (lo <= hi) {
                int mid = (lo + hi) >>> 1;
                if (at[mid] <= i) {
                    k = mid;
                    lo = mid + 1;
                } else {
                    hi = mid - 1;
                }
            }
            hint = k;
            return k;
        }

        long valueAt(int i, long before) {
            int k = find(i);
            return k < 0 ? before : bits[k];
        }

        /** The value of a field kept for entry {@code i} itself (rare values and texts). */
        long exactly(int i) {
            int k = find(i);
            if (k < 0 || at[k] != i) {
                throw new IllegalStateException("trace entry " + i + " has no value kept apart");
            }
            return bits[k];
        }
    }

    /** The fields of the entry at {@link #index}. */
    private final class Cursor {
        int index = -1;
        int chunk;
        int kind;
        int task;
        int event;
        int other;
        double value;
        String text;

        void read(int i) {
            if (chunk >= chunkCount || i < chunkFirst[chunk] || (chunk + 1 < chunkCount && i >= chunkFirst[chunk + 1])) {
                chunk = findChunk(i);
            }
            long[] b = chunks[chunk];
            int p = 2 * (i - chunkFirst[chunk]);
            long w0 = b[p];
            long w1 = b[p + 1];
            task = (int) w0;
            event = (int) (w0 >>> 32);
            other = (int) w1;
            kind = (int) (w1 >>> KIND_SHIFT) & 0xF;
            int vc = (int) (w1 >>> VALUE_SHIFT) & 0xFFF;
            value = vc == 0 ? 0.0 : vc == V_NAN ? Double.NaN
                    : vc == V_APART ? Double.longBitsToDouble(apartValues.exactly(i)) : vc - 2;
            int tc = (int) (w1 >>> TEXT_SHIFT) & 0xFFFF;
            text = tc == 0 ? "" : texts[(tc == T_APART ? (int) apartTexts.exactly(i) : tc) - 1];
            index = i;
        }

        private int findChunk(int i) {
            int lo = 0;
            int hi = chunkCount - 1;
            while (lo < hi) {
                int mid = (lo + hi + 1) >>> 1;
                if (chunkFirst[mid] <= i) {
                    lo = mid;
                } else {
                    hi = mid - 1;
                }
            }
            return lo;
        }
    }
}
