package dev.eventlanes.model;

/**
 * One recorded change.
 *
 * @param seq   position in the run, from 0, without gaps
 * @param time  virtual time in seconds
 * @param kind  what happened
 * @param task  the task it happened to or in, or -1 (an outside click, the loop itself)
 * @param event the event involved, or -1
 * @param other the other task (waker, spawner, canceller, awaited task), or -1
 * @param line  the source line the task was at, or 0 if unknown
 * @param value a number whose meaning depends on the kind (woken count, poll result, deadline)
 * @param text  a name, a reason or printed text, or "" if none
 */
public record TraceEntry(long seq, double time, TraceKind kind, int task, int event, int other,
                         int line, double value, String text) {
}
