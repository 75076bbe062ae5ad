package dev.eventlanes.scenario;

import dev.eventlanes.lesson.LessonNotes;
import dev.eventlanes.model.Loop;
import dev.eventlanes.model.Program;
import dev.eventlanes.model.Semantics;
import dev.eventlanes.model.Simulation;
import dev.eventlanes.model.Task;
import java.util.List;
import java.util.Objects;

/**
 * A scenario: events and scripted tasks, runnable as a {@link Program}, plus the click log of a
 * saved session. Immutable.
 *
 * <p>File mode ({@code interactive == false}): {@link #start} creates the events and spawns the
 * first task, the entry task, which is the run's main task; other tasks start only when an
 * {@link Op.Spawn} starts them. A task that runs out of ops first waits for the tasks it spawned
 * (like leaving {@code async with create_task_group()}), then ends.
 *
 * <p>Click-built mode ({@code interactive == true}): every listed task starts at time 0 in list
 * order, there is no main task (the loop runs until idle), and a task whose script runs out stays
 * alive, blocked waiting for your next action, so that ops appended later by clicks run.
 *
 * @param version     the file format version ({@link #VERSION})
 * @param title       a short title for the window
 * @param semantics   the library whose rules apply
 * @param seed        the seed of trio's random choices
 * @param events      the event names, created in this order
 * @param tasks       the task scripts; the first is the entry task
 * @param interactive true for a click-built scenario
 * @param clicks      a saved session's clicks, replayed by {@link #simulate()}
 * @param lesson      the file's lesson notes ({@link LessonNotes#NONE} if it has none): words
 *     for the teacher, which never change how the scenario runs
 */
public record Scenario(int version, String title, Semantics semantics, long seed, List<String> events,
                       List<TaskSpec> tasks, boolean interactive, List<Simulation.LoggedClick> clicks,
                       LessonNotes lesson)
        implements Program {
    /** The scenario format version this build reads and writes. */
    public static final int VERSION = 1;

    public Scenario {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(semantics, "semantics");
        events = List.copyOf(events);
        tasks = List.copyOf(tasks);
        clicks = List.copyOf(clicks);
        lesson = lesson == null ? LessonNotes.NONE : lesson;
        if (tasks.isEmpty() && !interactive) {
            throw new IllegalArgumentException("a scenario needs at least one task (the entry task)");
        }
    }

    /** A scenario without lesson notes. */
    public Scenario(int version, String title, Semantics semantics, long seed, List<String> events,
                    List<TaskSpec> tasks, boolean interactive, List<Simulation.LoggedClick> clicks) {
        this(version, title, semantics, seed, events, tasks, interactive, clicks, LessonNotes.NONE);
    }

    /** A file-mode scenario without clicks, in the current format version. */
    public static Scenario of(String title, Semantics semantics, long seed, List<String> events, List<TaskSpec> tasks) {
        return new Scenario(VERSION, title, semantics, seed, events, tasks, false, List.of());
    }

    /** The task spec named {@code name}, or null. */
    public TaskSpec task(String name) {
        for (TaskSpec t : tasks) {
            if (t.name().equals(name)) {
                return t;
            }
        }
        return null;
    }

    public Scenario withSemantics(Semantics s) {
        return new Scenario(version, title, s, seed, events, tasks, interactive, clicks, lesson);
    }

    public Scenario withSeed(long s) {
        return new Scenario(version, title, semantics, s, events, tasks, interactive, clicks, lesson);
    }

    /** This scenario carrying a session's click log (to save the session). */
    public Scenario withClicks(List<Simulation.LoggedClick> log) {
        return new Scenario(version, title, semantics, seed, events, tasks, interactive, log, lesson);
    }

    /** This scenario with other lesson notes. */
    public Scenario withLesson(LessonNotes notes) {
        return new Scenario(version, title, semantics, seed, events, tasks, interactive, clicks, notes);
    }

    @Override
    public Task start(Loop loop) {
        for (String e : events) {
            loop.newEvent(e);
        }
        if (interactive) {
            for (TaskSpec t : tasks) {
                loop.spawn(new ScriptBody(this, t, true, loop), t.name());
            }
            return null;
        }
        TaskSpec entry = tasks.get(0);
        return loop.spawn(new ScriptBody(this, entry, false, loop), entry.name());
    }

    /**
     * A fresh simulation of this scenario with its own semantics and seed, with the saved click
     * log replayed (stopped right after the last click; call {@code runToEnd()} to go on).
     *
     * @throws IllegalStateException if the click log does not fit the run (a click refused or
     *     beyond the run's end): the file was edited, or written by a different model
     */
    public Simulation simulate() {
        return simulate(Loop.DEFAULT_OP_LIMIT);
    }

    /** As {@link #simulate()}, with an op limit for runaway detection. */
    public Simulation simulate(long opLimit) {
        Simulation sim = new Simulation(this, semantics, seed, opLimit);
        if (!clicks.isEmpty() && !sim.replay(clicks)) {
            throw new IllegalStateException("the saved clicks do not replay on this scenario: a click was refused"
                    + " or came after the run had ended");
        }
        return sim;
    }
}
