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
    private String[] names = new String[8];
    private boolean[] values = new boolean[8];
    /** Per row: null (no waiter), a {@link Future}, or an {@code ArrayList<Future>} of several. */
    private Object[] waiters = new Object[8];
    private int[] wokenNotResumed = new int[8];
    private int size;
    /** An empty list kept for the next set() that wakes several waiters, so waking allocates nothing. */
    private ArrayList<Future> spare;

    int add(String name) {
        if (size == names.length) {
            int n = size * 2;
            names = Arrays.copyOf(names, n);
            values = Arrays.copyOf(values, n);
            waiters = Arrays.copyOf(waiters, n);
            wokenNotResumed = Arrays.copyOf(wokenNotResumed, n);
        }
        names[size] = name;
        return size++;
    }

    int size() {
        return size;
    }

    String name(int id) {
        return names[id];
    }

    boolean value(int id) {
        return values[id];
    }

    void setValue(int id, boolean v) {
        values[id] = v;
    }

    int wokenNotResumed(int id) {
        return wokenNotResumed[id];
    }

    void addWoken(int id, int n) {
        wokenNotResumed[id] += n;
    }

    int waiterCount(int id) {
        Object w = waiters[id];
        if (w == null) {
            return 0;
        }
        return w instanceof Future ? 1 : ((ArrayList<?>) w).size();
    }

    Future waiter(int id, int i) {
        Object w = waiters[id];
        if (w instanceof Future f) {
            if (i != 0) {
                throw new IndexOutOfBoundsException(i);
            }
            return f;
        }
        return (Future) ((ArrayList<?>) w).get(i);
    }

    void addWaiter(int id, Future fut) {
        Object w = waiters[id];
        if (w == null) {
            waiters[id] = fut;
        } else if (w instanceof Future first) {
            ArrayList<Future> l = takeSpare();
            l.add(first);
            l.add(fut);
            waiters[id] = l;
        } else {
            @SuppressWarnings("unchecked")
            ArrayList<Future> l = (ArrayList<Future>) w;
            l.add(fut);
        }
    }

    void removeWaiter(int id, Future fut) {
        Object w = waiters[id];
        if (w == fut) {
            waiters[id] = null;
        } else if (w instanceof ArrayList<?> l) {
            l.remove(fut);
        }
    }

    /** Takes the row's waiters out (the caller wakes them), leaving none. */
    Object takeWaiters(int id) {
        Object w = waiters[id];
        waiters[id] = null;
        return w;
    }

    /** Puts back waiters that a set() did not wake (cancelled ones still to resume). */
    void putWaiters(int id, Object w) {
        waiters[id] = w;
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
