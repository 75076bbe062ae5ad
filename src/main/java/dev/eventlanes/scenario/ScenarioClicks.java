package dev.eventlanes.scenario;

import dev.eventlanes.model.AsyncEvent;
import dev.eventlanes.model.Click;
import dev.eventlanes.model.Loop;
import dev.eventlanes.model.Simulation;
import dev.eventlanes.model.Task;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The clicks of a click-built session, as values: each is a record so that a session's click log
 * can be saved ({@link ScenarioJson}) and replayed exactly. Appended ops live only in the click
 * log: the loaded scripts stay as they are, and replay applies each op at the same loop position.
 */
public final class ScenarioClicks {
    private ScenarioClicks() {
    }

    /** Adds a task with an empty script that waits for ops to be appended. */
    public static Click addTask(String name) {
        return new AddTask(name);
    }

    /** Adds an event (unset). */
    public static Click addEvent(String name) {
        return new AddEvent(name);
    }

    /** Appends an op to a live scripted task's script. */
    public static Click appendOp(String task, Op op) {
        return new AppendOp(task, op);
    }

    /** {@code set()} from outside any task ({@link Simulation#setEvent}). */
    public static Click setEvent(String event) {
        return new SetEvent(event);
    }

    /** {@code clear()} from outside any task ({@link Simulation#clearEvent}); refused under anyio and trio. */
    public static Click clearEvent(String event) {
        return new ClearEvent(event);
    }

    /** See {@link #addTask}. */
    public record AddTask(String task) implements Click {
        @Override
        public String apply(Loop loop) {
            if (task == null || task.isBlank()) {
                return "a task needs a name";
            }
            if (findTask(loop, task) != null) {
                return "there is already a task named " + task;
            }
            loop.spawn(new ScriptBody(scenarioOf(loop), new TaskSpec(task, java.util.List.of()), true, loop), task);
            return null;
        }

        @Override
        public String describe() {
            return "you added task " + task;
        }
    }

    /** See {@link #addEvent}. */
    public record AddEvent(String event) implements Click {
        @Override
        public String apply(Loop loop) {
            if (event == null || event.isBlank()) {
                return "an event needs a name";
            }
            for (AsyncEvent e : loop.events()) {
                if (e.name().equals(event)) {
                    return "there is already an event named " + event;
                }
            }
            loop.newEvent(event);
            return null;
        }

        @Override
        public String describe() {
            return "you added event " + event;
        }
    }

    /** See {@link #appendOp}. */
    public record AppendOp(String task, Op op) implements Click {
        @Override
        public String apply(Loop loop) {
            Task t = findTask(loop, task);
            if (t == null) {
                return "there is no task named " + task;
            }
            if (t.isDone() || !(t.coroutine() instanceof ScriptBody body)) {
                return "task " + task + " has finished: it cannot run more ops";
            }
            String event = eventOf(op);
            if (event != null && !hasEvent(loop, event)) {
                return "there is no event named " + event;
            }
            if (op instanceof Op.Spawn s && (body.scenario() == null || body.scenario().task(s.task()) == null)) {
                return "there is no task script named " + s.task() + " to spawn";
            }
            if (op instanceof Op.Print p && !PrintText.validate(p.text(), n -> hasEvent(loop, n)).isEmpty()) {
                return PrintText.validate(p.text(), n -> hasEvent(loop, n)).get(0);
            }
            body.append(op);
            return null;
        }

        @Override
        public String describe() {
            return "you added to " + task + ": " + op.describe();
        }
    }

    /** See {@link #setEvent}. */
    public record SetEvent(String event) implements Click {
        @Override
        public String apply(Loop loop) {
            return Simulation.setEvent(event).apply(loop);
        }

        @Override
        public String describe() {
            return Simulation.setEvent(event).describe();
        }
    }

    /** See {@link #clearEvent}. */
    public record ClearEvent(String event) implements Click {
        @Override
        public String apply(Loop loop) {
            return Simulation.clearEvent(event).apply(loop);
        }

        @Override
        public String describe() {
            return Simulation.clearEvent(event).describe();
        }
    }

    private static final Pattern MODEL_CLICK = Pattern.compile("you clicked (.+): (set|clear)\\(\\)");

    /**
     * The record form of a click: records of this class as they are; the model's own
     * {@link Simulation#setEvent}/{@link Simulation#clearEvent} clicks recognised by their
     * description (they are anonymous classes).
     *
     * @return the record, or null if the click is of a kind a scenario file cannot hold
     */
    public static Click normalize(Click click) {
        if (click instanceof AddTask || click instanceof AddEvent || click instanceof AppendOp
                || click instanceof SetEvent || click instanceof ClearEvent) {
            return click;
        }
        Matcher m = MODEL_CLICK.matcher(click.describe());
        if (m.matches()) {
            return m.group(2).equals("set") ? new SetEvent(m.group(1)) : new ClearEvent(m.group(1));
        }
        return null;
    }

    /** The event an op names, or null. */
    static String eventOf(Op op) {
        if (op instanceof Op.Wait w) {
            return w.event();
        } else if (op instanceof Op.Set s) {
            return s.event();
        } else if (op instanceof Op.Clear c) {
            return c.event();
        } else if (op instanceof Op.Poll p) {
            return p.event();
        } else if (op instanceof Op.PollUntilSet p) {
            return p.event();
        }
        return null;
    }

    private static boolean hasEvent(Loop loop, String name) {
        for (AsyncEvent e : loop.events()) {
            if (e.name().equals(name)) {
                return true;
            }
        }
        return false;
    }

    /** The live task with this name (the latest one, if a script was spawned twice), else any with it. */
    private static Task findTask(Loop loop, String name) {
        Task found = null;
        for (Task t : loop.tasks()) {
            if (t.name().equals(name) && (found == null || !t.isDone())) {
                found = t;
            }
        }
        return found;
    }

    private static Scenario scenarioOf(Loop loop) {
        for (Task t : loop.tasks()) {
            if (t.coroutine() instanceof ScriptBody b && b.scenario() != null) {
                return b.scenario();
            }
        }
        return null;
    }
}
