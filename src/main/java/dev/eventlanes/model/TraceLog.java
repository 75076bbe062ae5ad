package dev.eventlanes.model;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;

/**
 * Records every trace entry of a run and gives them back as {@link TraceEntry} values, or field
 * by field. Not thread-safe: one writer (the loop) and readers on the same thread, or readers
 * after the run; reading moves an internal cursor.
 *
 * <p>Why a byte stream. A run records several entries per task step (run, set, wake, wait,
 * suspend), millions in a long run, and what an entry costs in bytes is what recording costs in
 * time: memory written, zeroed and collected. Most fields repeat or are absent (the task is the
 * one of the entry before, time and loop position change only between callbacks, most entries
 * have no other task, value or text), so each entry is a header byte with its kind and flags,
 * then only the fields that changed or are present, as variable-length integers: about 8 bytes an
 * entry instead of about 50. A non-empty text is a number in the log's table of texts: texts are
 * nearly always shared constants ("event", a task's name), so each is kept once.
 *
 * <p>Every 32nd entry starts a block and is written whole (no field taken from the entry before),
 * and the log keeps where each block starts: reading entry {@code i} decodes at most 31 entries,
 * and reading entries in order decodes each once.
 */
public final class TraceLog implements TraceListener {
    private static final int BLOCK_SHIFT = 5;
    private static final int BLOCK_MASK = (1 << BLOCK_SHIFT) - 1;
    private static final TraceKind[] KINDS = TraceKind.values();
    /** Room for the largest entry: two flag bytes, five varints, a value and a time. */
    private static final int MAX_ENTRY = 64;
    private static final int FIRST_CHUNK = 1 << 14;
    /**
     * Chunks grow to 4 MB: at that size (at least half a region of G1's heap on this kind of
     * machine) an array is allocated straight into the old generation, so a long recording is
     * never copied from one young collection to the next.
     */
    private static final int MAX_CHUNK = 1 << 22;

    // Header byte: kind in the low 4 bits, then these.
    private static final int F_TASK = 1 << 4;
    private static final int F_EVENT = 1 << 5;
    private static final int F_TEXT = 1 << 6;
    private static final int F_MORE = 1 << 7;
    // Second flag byte, present when F_MORE is set.
    private static final int G_OTHER = 1;
    private static final int G_LINE = 1 << 1;
    private static final int G_VALUE = 1 << 2;
    private static final int G_HANDLE = 1 << 3;
    private static final int G_TIME = 1 << 4;

    // Value codes (a varint): NaN, a double written out, or a whole number n >= 1 as n + 1.
    private static final int V_NAN = 0;
    private static final int V_RAW = 1;
    private static final long POSITIVE_ZERO = Double.doubleToRawLongBits(0.0);

    private byte[][] chunks = new byte[8][];
    private int chunkCount;
    private byte[] buf;
    private int pos;
    private int size;
    private Loop loop;

    /** Per block: (chunk << 32 | offset) of its first entry. */
    private long[] blockPos = new long[64];

    /** Every distinct text (by identity), numbered in order of first use. */
    private String[] texts = new String[64];
    private int textCount;
    /** The numbers of recently used texts, by identity hash: finding a constant costs no search. */
    private final String[] recentText = new String[64];
    private final int[] recentCode = new int[64];

    // What the entry before recorded (the writer's side).
    private int lastTask;
    private int lastLine;
    /** The event and other task of the last entry that had one: ids are written as the difference. */
    private int lastEvent;
    private int lastOther;
    private long lastHandle;
    private double lastTime;

    private final Cursor cursor = new Cursor();

    /** Flags every field on for a block's first entry (zero for the others). */
    private int forceHead;
    private int forceMore;

    @Override
    public void onEntry(long seq, double t, TraceKind k, int tk, int ev, int ot, int ln, double v, String tx) {
        if (buf == null || buf.length - pos < MAX_ENTRY || (size & BLOCK_MASK) == 0) {
            prepare();
        }
        long h = loop == null ? -1 : loop.handlesRun();
        int head = k.ordinal() | forceHead;
        int more = forceMore;
        forceHead = 0;
        forceMore = 0;
        if (tk != lastTask) {
            head |= F_TASK;
        }
        if (ev != -1) {
            head |= F_EVENT;
        }
        if (tx != null && !tx.isEmpty()) {
            head |= F_TEXT;
        }
        if (ot != -1) {
            more |= G_OTHER;
        }
        if (ln != lastLine) {
            more |= G_LINE;
        }
        if (Double.doubleToRawLongBits(v) != POSITIVE_ZERO) {
            more |= G_VALUE;
        }
        if (h != lastHandle) {
            more |= G_HANDLE;
        }
        if (Double.doubleToRawLongBits(t) != Double.doubleToRawLongBits(lastTime)) {
            more |= G_TIME;
        }
        byte[] b = buf;
        int p = pos;
        if (more == 0) {
            b[p++] = (byte) head;
        } else {
            b[p++] = (byte) (head | F_MORE);
            b[p++] = (byte) more;
        }
        if ((head & F_TASK) != 0) {
            p = putInt(b, p, zigzag(tk - lastTask));
            lastTask = tk;
        }
        if ((head & F_EVENT) != 0) {
            p = putInt(b, p, zigzag(ev - lastEvent));
            lastEvent = ev;
        }
        if (more != 0) {
            p = putMore(b, p, more, ot, ln, v, h, t);
        }
        if ((head & F_TEXT) != 0) {
            p = putInt(b, p, textCode(tx));
        }
        pos = p;
        size++;
    }

    /** The fields of the second flag byte: rarer, so kept out of the common path. */
    private int putMore(byte[] b, int p, int more, int ot, int ln, double v, long h, double t) {
        if ((more & G_OTHER) != 0) {
            p = putInt(b, p, zigzag(ot - lastOther));
            lastOther = ot;
        }
        if ((more & G_LINE) != 0) {
            p = putInt(b, p, ln);
            lastLine = ln;
        }
        if ((more & G_VALUE) != 0) {
            p = putValue(b, p, v);
        }
        if ((more & G_HANDLE) != 0) {
            // How far the position moved (from zero at a block's first entry).
            p = putLong(b, p, zigzag(h - lastHandle));
            lastHandle = h;
        }
        if ((more & G_TIME) != 0) {
            p = putRaw(b, p, Double.doubleToRawLongBits(t));
            lastTime = t;
        }
        return p;
    }

    /**
     * Before an entry: a new chunk if this one is nearly full; at a block's first entry, the
     * block's index and a fresh start, so that entry is written whole against zero.
     */
    private void prepare() {
        if (buf == null || buf.length - pos < MAX_ENTRY) {
            newChunk();
        }
        if ((size & BLOCK_MASK) == 0) {
            startBlock();
            lastTask = 0;
            lastEvent = 0;
            lastOther = 0;
            lastHandle = 0;
            forceHead = F_TASK;
            forceMore = G_LINE | G_HANDLE | G_TIME;
        }
    }

    private void newChunk() {
        int n = buf == null ? FIRST_CHUNK : Math.min(buf.length * 2, MAX_CHUNK);
        buf = new byte[n];
        pos = 0;
        if (chunkCount == chunks.length) {
            chunks = Arrays.copyOf(chunks, chunkCount * 2);
        }
        chunks[chunkCount++] = buf;
    }

    private void startBlock() {
        int blk = size >>> BLOCK_SHIFT;
        if (blk == blockPos.length) {
            blockPos = Arrays.copyOf(blockPos, blk * 2);
        }
        blockPos[blk] = ((long) (chunkCount - 1) << 32) | pos;
    }

    private int textCode(String tx) {
        int slot = System.identityHashCode(tx) & (recentText.length - 1);
        if (recentText[slot] == tx) {
            return recentCode[slot];
        }
        if (textCount == texts.length) {
            texts = Arrays.copyOf(texts, textCount * 2);
        }
        texts[textCount] = tx;
        recentText[slot] = tx;
        recentCode[slot] = textCount;
        return textCount++;
    }

    private static int putInt(byte[] b, int p, int v) {
        if ((v & ~0x7F) == 0) {
            b[p] = (byte) v;
            return p + 1;
        }
        return putIntSlow(b, p, v);
    }

    private static int putIntSlow(byte[] b, int p, int v) {
        while ((v & ~0x7F) != 0) {
            b[p++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        b[p++] = (byte) v;
        return p;
    }

    private static int putLong(byte[] b, int p, long v) {
        while ((v & ~0x7FL) != 0) {
            b[p++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        b[p++] = (byte) v;
        return p;
    }

    private static int putRaw(byte[] b, int p, long bits) {
        for (int i = 0; i < 8; i++) {
            b[p++] = (byte) bits;
            bits >>>= 8;
        }
        return p;
    }

    private static int putValue(byte[] b, int p, double v) {
        int n = (int) v;
        if (n == v && n >= 1 && n < (1 << 30)) {
            return putInt(b, p, n + 1);
        }
        if (Double.isNaN(v) && Double.doubleToRawLongBits(v) == Double.doubleToRawLongBits(Double.NaN)) {
            return putInt(b, p, V_NAN);
        }
        b[p++] = V_RAW;
        return putRaw(b, p, Double.doubleToRawLongBits(v));
    }

    private static int zigzag(int v) {
        return (v << 1) ^ (v >> 31);
    }

    private static int unzigzag(int z) {
        return (z >>> 1) ^ -(z & 1);
    }

    private static long zigzag(long v) {
        return (v << 1) ^ (v >> 63);
    }

    /** Records, with each entry, how many loop callbacks had run (a click's replay position). */
    public void bind(Loop loop) {
        this.loop = loop;
    }

    public int size() {
        return size;
    }

    public TraceEntry get(int i) {
        Cursor c = at(i);
        return new TraceEntry(i, c.time, KINDS[c.kind], c.task, c.event, c.other, c.line, c.value, c.text);
    }

    public TraceKind kind(int i) {
        return KINDS[at(i).kind];
    }

    public double time(int i) {
        return at(i).time;
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
        return at(i).line;
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
        return at(i).handle;
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

    private Cursor at(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException(i);
        }
        Cursor c = cursor;
        if (i == c.index) {
            return c;
        }
        if (i < c.index || i - c.index > BLOCK_MASK + 1) {
            int blk = i >>> BLOCK_SHIFT;
            long bp = blockPos[blk];
            c.chunk = (int) (bp >>> 32);
            c.pos = (int) bp;
            c.index = (blk << BLOCK_SHIFT) - 1;
        }
        while (c.index < i) {
            c.decodeNext();
        }
        return c;
    }

    /** Decodes entries in order; holds the fields of the entry at {@link #index}. */
    private final class Cursor {
        int index = -1;
        int chunk;
        int pos;
        int kind;
        int task;
        int event;
        int other;
        int line;
        double value;
        String text;
        long handle;
        double time;
        int lastEvent;
        int lastOther;

        void decodeNext() {
            byte[] b = chunks[chunk];
            if (pos >= b.length || chunkEnds(b)) {
                chunk++;
                b = chunks[chunk];
                pos = 0;
            }
            int next = index + 1;
            boolean whole = (next & BLOCK_MASK) == 0;
            if (whole) {
                task = 0;
                lastEvent = 0;
                lastOther = 0;
                handle = 0;
            }
            int head = b[pos++] & 0xFF;
            int more = (head & F_MORE) != 0 ? b[pos++] & 0xFF : 0;
            kind = head & 0x0F;
            if ((head & F_TASK) != 0) {
                task += unzigzag((int) readVar(b));
            }
            if ((head & F_EVENT) != 0) {
                lastEvent += unzigzag((int) readVar(b));
                event = lastEvent;
            } else {
                event = -1;
            }
            if ((more & G_OTHER) != 0) {
                lastOther += unzigzag((int) readVar(b));
                other = lastOther;
            } else {
                other = -1;
            }
            if ((more & G_LINE) != 0) {
                line = (int) readVar(b);
            }
            value = (more & G_VALUE) != 0 ? readValue(b) : 0.0;
            if ((more & G_HANDLE) != 0) {
                long z = readVar(b);
                handle += (z >>> 1) ^ -(z & 1);
            }
            if ((more & G_TIME) != 0) {
                time = Double.longBitsToDouble(readRaw(b));
            }
            text = (head & F_TEXT) != 0 ? texts[(int) readVar(b)] : "";
            index = next;
        }

        /**
         * True when the writer moved to a new chunk here: the entries of a chunk end where the
         * next chunk's first block or entry begins, which the writer only does with fewer than
         * {@link #MAX_ENTRY} bytes left.
         */
        private boolean chunkEnds(byte[] b) {
            return chunk < chunkCount - 1 && b.length - pos < MAX_ENTRY;
        }

        private long readVar(byte[] b) {
            long v = 0;
            int shift = 0;
            int x;
            do {
                x = b[pos++];
                v |= (long) (x & 0x7F) << shift;
                shift += 7;
            } while ((x & 0x80) != 0);
            return v;
        }

        private long readRaw(byte[] b) {
            long bits = 0;
            for (int i = 0; i < 8; i++) {
                bits |= (long) (b[pos++] & 0xFF) << (8 * i);
            }
            return bits;
        }

        private double readValue(byte[] b) {
            long code = readVar(b);
            if (code == V_NAN) {
                return Double.NaN;
            }
            if (code == V_RAW) {
                return Double.longBitsToDouble(readRaw(b));
            }
            return code - 1;
        }
    }
}
