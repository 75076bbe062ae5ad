package dev.eventlanes.model;

/** A done-callback of a {@link Future}; the loop calls it one pass after the future completes. */
@FunctionalInterface
public interface FutureCallback {
    void onDone(Future future);
}
