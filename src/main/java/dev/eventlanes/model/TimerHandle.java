package dev.eventlanes.model;

/** A callback due at a virtual time; ordered by (deadline, registration sequence). */
public final class TimerHandle implements Comparable<TimerHandle> {
    final double when;
    final long seq;
    final Runnable callback;
    final Task owner;
    boolean cancelled;

    TimerHandle(double when, long seq, Runnable callback, Task owner) {
        this.when = when;
        this.seq = seq;
        this.callback = callback;
        this.owner = owner;
    }

    public double when() {
        return when;
    }

    /** Cancels the timer; it is dropped when it reaches the head of the heap. */
    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }

    @Override
    public int compareTo(TimerHandle o) {
        int c = Double.compare(when, o.when);
        return c != 0 ? c : Long.compare(seq, o.seq);
    }
}
