package dev.eventlanes.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * One run of a {@link Program} on a fresh {@link Loop}, with its whole trace recorded and the
 * user's clicks logged by loop position. The window and the command line both drive runs through
 * this class; being deterministic, a run can always be rebuilt from the program, semantics, seed
 * and click log.
 */
public final class Simulation {
    /** A click and where it happened: after this many loop callbacks. */
    public record LoggedClick(long atHandle, Click click) {
    }

    private final Program program;
    private final Semantics semantics;
    private final long seed;
    private final Loop loop;
    private final TraceLog trace = new TraceLog();
    private final List<LoggedClick> clicks = new ArrayList<>();
    private PyException startFailure;
    private RunResult aborted;

    public Simulation(Program program, Semantics semantics, long seed) {
        this(program, semantics, seed, Loop.DEFAULT_OP_LIMIT);
    }

    public Simulation(Program program, Semantics semantics, long seed, long opLimit) {
        this(program, semantics, seed, opLimit, null, true);
    }

    /**
     * A run that streams printed text to {@code output} (may be null) and records the trace
     * only if {@code record} (a run that records nothing goes at full speed).
     */
    public Simulation(Program program, Semantics semantics, long seed, long opLimit,
                      java.util.function.Consumer<String> output, boolean record) {
        this(program, semantics, seed, opLimit, output, record, List.of());
    }

    /**
     * A run with a click log applied as it goes: each click at its recorded loop position, even
     * in a program that runs its whole loop while starting (a Python program). This is how the
     * window re-runs a program with one more click, made at the moment it shows.
     */
    public Simulation(Program program, Semantics semantics, long seed, long opLimit,
                      java.util.function.Consumer<String> output, boolean record, List<LoggedClick> clickLog) {
        this(program, semantics, seed, opLimit, output, record, clickLog, Loop.DEFAULT_CALLBACK_LIMIT);
    }

    /** As above, with a cap on the loop callbacks of the whole run (the window uses a smaller one). */
    public Simulation(Program program, Semantics semantics, long seed, long opLimit,
                      java.util.function.Consumer<String> output, boolean record, List<LoggedClick> clickLog,
                      long callbackLimit) {
        this.program = program;
        this.semantics = semantics;
        this.seed = seed;
        this.loop = new Loop(semantics, seed);
        loop.setOpLimit(opLimit);
        loop.setCallbackLimit(callbackLimit);
        loop.setOutput(output);
        if (record) {
            trace.bind(loop);
            loop.addListener(trace);
        }
        for (LoggedClick c : clickLog) {
            loop.scheduleClick(c.atHandle(), () -> {
                String refused = c.click().apply(loop);
                if (refused == null) {
                    clicks.add(new LoggedClick(loop.handlesRun(), c.click()));
                } else {
                    loop.emitError(refused);
                }
            });
        }
        try {
            Task main = program.start(loop);
            if (main != null) {
                loop.setMain(main);
            }
        } catch (PyException e) {
            // The program raised outside any task (or its main task's error came out of run()).
            startFailure = e;
        } catch (RunAbortedException e) {
            aborted = e.result();
        } catch (RunawayException e) {
            aborted = RunResult.runaway(e, loop);
        }
    }

    public Program program() {
        return program;
    }

    public Semantics semantics() {
        return semantics;
    }

    public long seed() {
        return seed;
    }

    public Loop loop() {
        return loop;
    }

    public TraceLog trace() {
        return trace;
    }

    /** The exception module-level code raised before the loop could start, or null. */
    public PyException startFailure() {
        return startFailure;
    }

    public List<LoggedClick> clicks() {
        return Collections.unmodifiableList(clicks);
    }

    /** True when nothing more will happen without a click (or ever, if the run is over). */
    public boolean isStopped() {
        return startFailure != null || aborted != null || loop.result() != null || loop.isIdle();
    }

    /** The run's end, or null while it may go on. */
    public RunResult result() {
        return aborted != null ? aborted : loop.result();
    }

    private boolean canRun() {
        return startFailure == null && aborted == null;
    }

    /** One loop callback. False if nothing could run. */
    public boolean advance() {
        return canRun() && loop.advance();
    }

    /** To the next scheduler decision: until one task has stepped. Null if nothing could run. */
    public Task step() {
        return canRun() ? loop.step() : null;
    }

    /** Until the trace shows a task at a different source line than before, or nothing can run. */
    public boolean stepLine() {
        if (!canRun()) {
            return false;
        }
        int start = trace.size();
        int startLine = lastLine(start);
        while (loop.advance()) {
            for (int i = start; i < trace.size(); i++) {
                int ln = trace.line(i);
                if (ln != 0 && ln != startLine) {
                    return true;
                }
            }
            start = trace.size();
        }
        return false;
    }

    private int lastLine(int end) {
        for (int i = end - 1; i >= 0; i--) {
            if (trace.line(i) != 0) {
                return trace.line(i);
            }
        }
        return -1;
    }

    /** Runs until over (or idle, for a click-built session). */
    public RunResult runToEnd() {
        if (!canRun()) {
            return result();
        }
        return loop.runToEnd();
    }

    /**
     * Applies a click now and logs it.
     *
     * @return null if applied, else why it was refused (also recorded in the trace as an error)
     */
    public String click(Click click) {
        String refused = click.apply(loop);
        if (refused == null) {
            clicks.add(new LoggedClick(loop.handlesRun(), click));
        } else {
            loop.emitError(refused);
        }
        return refused;
    }

    /**
     * Re-runs a click log on this fresh simulation: runs to each click's position, applies it,
     * and stops after the last one. Returns false if the log does not fit this run (a click
     * beyond the run's end, or one refused).
     */
    public boolean replay(List<LoggedClick> log) {
        for (LoggedClick c : log) {
            while (loop.handlesRun() < c.atHandle()) {
                if (!advance()) {
                    return false;
                }
            }
            if (click(c.click()) != null) {
                return false;
            }
        }
        return true;
    }

    /** A click that calls {@code set()} on an event from outside any task. */
    public static Click setEvent(String eventName) {
        return new Click() {
            @Override
            public String apply(Loop l) {
                AsyncEvent e = find(l, eventName);
                if (e == null) {
                    return "there is no event named " + eventName;
                }
                e.set();
                return null;
            }

            @Override
            public String describe() {
                return "you clicked " + eventName + ": set()";
            }
        };
    }

    /** A click that calls {@code clear()}: refused, with the reason, under anyio and trio. */
    public static Click clearEvent(String eventName) {
        return new Click() {
            @Override
            public String apply(Loop l) {
                AsyncEvent e = find(l, eventName);
                if (e == null) {
                    return "there is no event named " + eventName;
                }
                if (!l.semantics().eventsHaveClear()) {
                    return l.semantics().library() + " events have no clear(): replace the Event with a new one";
                }
                e.clear();
                return null;
            }

            @Override
            public String describe() {
                return "you clicked " + eventName + ": clear()";
            }
        };
    }

    private static AsyncEvent find(Loop l, String name) {
        for (AsyncEvent e : l.events()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        return null;
    }
}
