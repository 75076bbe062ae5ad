package dev.eventlanes.model;

/**
 * Something the loop can run: a scenario file, a click-built session, a Python program. It
 * creates its events and spawns its first task(s) on the loop it is given; the loop does the rest.
 * A program must be re-startable: {@link #start} may be called again on a fresh loop, and must do
 * the same thing each time (that is how the window steps back in time).
 */
public interface Program {
    /** A short title for the window ("seed 1: worker waits"). */
    String title();

    /** The semantics the program was written for (its import, or the scenario's field). */
    Semantics semantics();

    /**
     * Creates events and spawns the entry task on {@code loop}.
     *
     * @return the main task whose end ends the run (asyncio.run semantics), or null to run until
     *     the loop is idle (a click-built scenario)
     */
    Task start(Loop loop);
}
