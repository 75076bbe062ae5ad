package dev.eventlanes.model;

import java.util.ArrayList;
import java.util.Arrays;

/**
 * The state of every event of a loop, one row per event id, in parallel arrays: its name, its
 * flag, its current waiters and how many woken waiters have not resumed yet.
 *
 * <p>Why rows in arrays rather than fields of {@link AsyncEvent}: the loop must be able to find
 * any event of its run again (a click sets an event by name, a view lists them), and a program
 * may make a fresh event per round, hundreds of thousands of them. Kept as objects, each would
 * stay reachable for the whole run and every garbage collection would copy them all; kept as
 * rows, an event costs a few bytes in arrays, and an {@link AsyncEvent} is only a handle that
 * dies with the code that held it.
 */
final class EventTable {
    /**
     * Rows live in pages of 1,024: a table that grows never copies what it holds (doubling arrays
     * of hundreds of thousands of rows would allocate and zero megabytes at a time, straight into
     * the old generation).
     */
    private static final int PAGE_SHIFT = 10;
    private static final int PAGE = 1 << PAGE_SHIFT;
    private static final int MASK = PAGE - 1;

    private String[][] names = new String[8][];
    /** Per row: the flag in bit 0, and how many woken waiters have not resumed yet above it. */
    private int[][] state = new int[8][];
    /** Per row: null (no waiter), a {@link Future}, or an {@code ArrayList<Future>} of several. */
    private Object[][] waiters = new Object[8][];
    private int size;
    /** An empty list kept for the next set() that wakes several waiters, so waking allocates nothing. */
    private ArrayList<Future> spare;

    int add(String name) {
        int page = size >>> PAGE_SHIFT;
        if ((size & MASK) == 0) {
            if (page == names.length) {
                names = Arrays.copyOf(names, page * 2);
                state = Arrays.copyOf(state, page * 2);
                waiters = Arrays.copyOf(waiters, page * 2);
            }
            names[page] = new String[PAGE];
            state[page] = new int[PAGE];
            waiters[page] = new Object[PAGE];
        }
        names[page][size & MASK] = name;
        return size++;
    }

    int size() {
        return size;
    }

    String name(int id) {
        return names[id >>> PAGE_SHIFT][id & MASK];
    }

    boolean value(int id) {
        return (state[id >>> PAGE_SHIFT][id & MASK] & 1) != 0;
    }

    void setValue(int id, boolean v) {
        int[] st = state[id >>> PAGE_SHIFT];
        st[id & MASK] = (st[id & MASK] & ~1) | (v ? 1 : 0);
    }

    int wokenNotResumed(int id) {
        return state[id >>> PAGE_SHIFT][id & MASK] >> 1;
    }

    void addWoken(int id, int n) {
        state[id >>> PAGE_SHIFT][id & MASK] += n << 1;
    }

    int waiterCount(int id) {
        Object w = waiters[id >>> PAGE_SHIFT][id & MASK];
        if (w == null) {
            return 0;
        }
        return w instanceof Future ? 1 : ((ArrayList<?>) w).size();
    }

    Future waiter(int id, int i) {
        Object w = waiters[id >>> PAGE_SHIFT][id & MASK];
        if (w instanceof Future f) {
            if (i != 0) {
                throw new IndexOutOfBoundsException(i);
            }
            return f;
        }
        return (Future) ((ArrayList<?>) w).get(i);
    }

    void addWaiter(int id, Future fut) {
        Object w = waiters[id >>> PAGE_SHIFT][id & MASK];
        if (w == null) {
            waiters[id >>> PAGE_SHIFT][id & MASK] = fut;
        } else if (w instanceof Future first) {
            ArrayList<Future> l = takeSpare();
            l.add(first);
            l.add(fut);
            waiters[id >>> PAGE_SHIFT][id & MASK] = l;
        } else {
            @SuppressWarnings("unchecked")
            ArrayList<Future> l = (ArrayList<Future>) w;
            l.add(fut);
        }
    }

    void removeWaiter(int id, Future fut) {
        Object w = waiters[id >>> PAGE_SHIFT][id & MASK];
        if (w == fut) {
            waiters[id >>> PAGE_SHIFT][id & MASK] = null;
        } else if (w instanceof ArrayList<?> l) {
            l.remove(fut);
        }
    }

    /** Takes the row's waiters out (the caller wakes them), leaving none. */
    Object takeWaiters(int id) {
        Object w = waiters[id >>> PAGE_SHIFT][id & MASK];
        waiters[id >>> PAGE_SHIFT][id & MASK] = null;
        return w;
    }

    /** Puts back waiters that a set() did not wake (cancelled ones still to resume). */
    void putWaiters(int id, Object w) {
        waiters[id >>> PAGE_SHIFT][id & MASK] = w;
    }

    private ArrayList<Future> takeSpare() {
        ArrayList<Future> l = spare;
        if (l == null) {
            return new ArrayList<>(4);
        }
        spare = null;
        return l;
    }

    /** A list of woken waiters is done with: keep it (and its capacity) for the next batch. */
    void recycle(ArrayList<Future> list) {
        list.clear();
        spare = list;
    }
}
