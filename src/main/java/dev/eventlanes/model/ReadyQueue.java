package dev.eventlanes.model;

import java.util.Arrays;

/**
 * The loop's FIFO ready queue: asyncio's {@code _ready} deque of handles. An entry is a task step
 * (the task and an exception to throw in, or null), a future's done-callback (the callback and
 * the future), or a plain callback. Entries are kept in a ring of parallel arrays rather than as
 * a handle object each: a handoff queues one entry, and at millions of handoffs a second an
 * object per entry is most of the garbage the loop makes.
 */
final class ReadyQueue {
    static final byte STEP = 0;
    static final byte CALLBACK = 1;
    static final byte RUNNABLE = 2;

    private byte[] kinds = new byte[16];
    /** The task, the done-callback or the runnable. */
    private Object[] firsts = new Object[16];
    /** The exception to throw into the task, or the completed future, or null. */
    private Object[] seconds = new Object[16];
    private int head;
    private int size;

    /** What {@link #poll()} took off the front; valid until the next poll. */
    byte kind;
    Object first;
    Object second;

    boolean isEmpty() {
        return size == 0;
    }

    int size() {
        return size;
    }

    void add(byte k, Object a, Object b) {
        if (size == kinds.length) {
            grow();
        }
        int i = (head + size) & (kinds.length - 1);
        kinds[i] = k;
        firsts[i] = a;
        seconds[i] = b;
        size++;
    }

    /** Takes the front entry into {@link #kind}, {@link #first}, {@link #second}. */
    void poll() {
        if (size == 0) {
            throw new IllegalStateException("the ready queue is empty");
        }
        int i = head;
        kind = kinds[i];
        first = firsts[i];
        second = seconds[i];
        firsts[i] = null;
        seconds[i] = null;
        head = (head + 1) & (kinds.length - 1);
        size--;
    }

    /** The front entry's kind and first element, without taking it (null if empty). */
    Object peekFirst() {
        return size == 0 ? null : firsts[head];
    }

    byte peekKind() {
        return kinds[head];
    }

    /** Reverses the order of the first {@code n} entries (trio's shuffled batches). */
    void reverseFront(int n) {
        int mask = kinds.length - 1;
        for (int lo = 0, hi = n - 1; lo < hi; lo++, hi--) {
            int i = (head + lo) & mask;
            int j = (head + hi) & mask;
            byte k = kinds[i];
            kinds[i] = kinds[j];
            kinds[j] = k;
            Object a = firsts[i];
            firsts[i] = firsts[j];
            firsts[j] = a;
            Object b = seconds[i];
            seconds[i] = seconds[j];
            seconds[j] = b;
        }
    }

    private void grow() {
        int n = kinds.length;
        byte[] k = new byte[n * 2];
        Object[] a = new Object[n * 2];
        Object[] b = new Object[n * 2];
        for (int j = 0; j < size; j++) {
            int i = (head + j) & (n - 1);
            k[j] = kinds[i];
            a[j] = firsts[i];
            b[j] = seconds[i];
        }
        kinds = k;
        firsts = a;
        seconds = b;
        head = 0;
        Arrays.fill(kinds, size, kinds.length, (byte) 0);
    }
}
