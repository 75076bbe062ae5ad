package dev.eventlanes.model;

/**
 * Observes a run as it happens (trio's {@code Instrument}, in one method). Called synchronously
 * by the loop, in order; arguments are primitive so that recording does not allocate per entry.
 * See {@link TraceEntry} for the meaning of each argument.
 */
@FunctionalInterface
public interface TraceListener {
    void onEntry(long seq, double time, TraceKind kind, int task, int event, int other,
                 int line, double value, String text);
}
