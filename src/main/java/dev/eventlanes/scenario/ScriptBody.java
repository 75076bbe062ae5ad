package dev.eventlanes.scenario;

import dev.eventlanes.model.AsyncEvent;
import dev.eventlanes.model.ExcType;
import dev.eventlanes.model.Future;
import dev.eventlanes.model.JavaCoroutine;
import dev.eventlanes.model.Loop;
import dev.eventlanes.model.PyException;
import dev.eventlanes.model.TaskGroup;
import dev.eventlanes.model.WaitReason;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The coroutine of one scripted task: runs its {@link Op}s in order, as the Python function they
 * spell would run.
 *
 * <p>Contract: each op counts one operation on the loop ({@link Loop#countOps}), so a script that
 * never awaits is stopped as a runaway; the traced source line is the running (or suspended)
 * op's index + 1, and {@code ops().size() + 1} once the script has run out; printed text goes
 * through {@link Loop#emitPrint}. The first {@link Op.Spawn} opens an implicit task group that the
 * next {@link Op.Join}, or the end of the script, leaves (waiting for the children). When an op
 * raises, the group is left with the exception (children are cancelled) and the task fails.
 *
 * <p>A body that {@linkplain #parksWhenDone() parks} does not end when its script runs out: it
 * blocks "waiting for your next action" until a click appends an op ({@link #append}).
 */
public final class ScriptBody extends JavaCoroutine {
    /** What the body is doing between resumes. */
    private enum Phase { OPS, POLLING, JOINING, FINAL_JOIN, EXITING, PARKED }

    private final Scenario scenario;
    private final String name;
    private final ArrayList<Op> ops;
    private final boolean parks;
    private final Loop loop;
    private Phase phase = Phase.OPS;
    private int pc;
    private int line = 1;
    private TaskGroup group;
    private Op.PollUntilSet polling;
    private AsyncEvent pollEvent;
    private int polls;
    private Future park;

    /**
     * @param scenario the scenario whose task specs {@link Op.Spawn} starts (null: spawning is an error)
     * @param spec     the script
     * @param parks    true to block for more ops instead of ending when the script runs out
     * @param loop     the loop the task runs on
     */
    public ScriptBody(Scenario scenario, TaskSpec spec, boolean parks, Loop loop) {
        this.loop = loop;
        this.scenario = scenario;
        this.name = spec.name();
        this.ops = new ArrayList<>(spec.ops());
        this.parks = parks;
    }

    /** The scenario this task belongs to, or null. */
    public Scenario scenario() {
        return scenario;
    }

    /** The ops this task runs: its base script plus any appended by clicks (read-only view). */
    public List<Op> ops() {
        return Collections.unmodifiableList(ops);
    }

    /** The index of the next op to run (ops before it have run or are running). */
    public int nextOpIndex() {
        return pc;
    }

    public boolean parksWhenDone() {
        return parks;
    }

    /** True while the script has run out and the task is blocked waiting for your next action. */
    public boolean awaitingInput() {
        return phase == Phase.PARKED && park != null && !park.isDone();
    }

    /** Rounds of the last polling loop that found the event unset ({@code {polls}} in a print). */
    public int polls() {
        return polls;
    }

    /** Appends an op to the running script; a parked task wakes up to run it. */
    public void append(Op op) {
        ops.add(op);
        if (awaitingInput()) {
            park.setResult(Boolean.TRUE);
        }
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean hasLines() {
        return true;
    }

    @Override
    public int currentLine() {
        return line;
    }

    @Override
    protected Object resume(Object value, PyException exc) {
        if (exc != null) {
            return fail(exc);
        }
        try {
            switch (phase) {
                case POLLING:
                    return pollRound();
                case JOINING:
                    group = null;
                    phase = Phase.OPS;
                    return runOps();
                case FINAL_JOIN:
                    group = null;
                    return finish(null);
                case EXITING:
                    // The group swallowed the exception (its own cancellation): continue after the block.
                    group = null;
                    skipPastJoin();
                    phase = Phase.OPS;
                    return runOps();
                default:
                    phase = Phase.OPS;
                    return runOps();
            }
        } catch (PyException e) {
            return fail(e);
        }
    }

    private Object runOps() {
        while (true) {
            if (pc >= ops.size()) {
                return outOfOps();
            }
            Op op = ops.get(pc++);
            line = pc;
            loop.countOps(1);
            if (op instanceof Op.Wait w) {
                return awaitWait(event(loop, w.event()));
            } else if (op instanceof Op.Sleep s) {
                return await(loop.sleep(s.seconds()));
            } else if (op instanceof Op.Set s) {
                event(loop, s.event()).set();
            } else if (op instanceof Op.Clear c) {
                event(loop, c.event()).clear();
            } else if (op instanceof Op.Poll p) {
                event(loop, p.event()).isSet();
            } else if (op instanceof Op.Print p) {
                loop.emitPrint(PrintText.render(p.text(), loop, this) + "\n");
            } else if (op instanceof Op.Spawn s) {
                spawn(s.task());
            } else if (op instanceof Op.PollUntilSet p) {
                polling = p;
                pollEvent = event(loop, p.event());
                polls = 0;
                phase = Phase.POLLING;
                return pollRound();
            } else if (op instanceof Op.Join) {
                if (group != null) {
                    phase = Phase.JOINING;
                    return await(group.aexit(null));
                }
            }
        }
    }

    /** One round of {@code while not e.is_set(): print(...); await sleep(interval)}. */
    private Object pollRound() {
        if (pollEvent.isSet()) {
            phase = Phase.OPS;
            return runOps();
        }
        loop.countOps(1);
        if (polling.print() != null) {
            loop.emitPrint(PrintText.render(polling.print(), loop, this) + "\n");
        }
        polls++;
        return await(loop.sleep(polling.interval()));
    }

    private Object outOfOps() {
        line = ops.size() + 1;
        if (parks) {
            phase = Phase.PARKED;
            park = new Future(loop, WaitReason.IDLE);
            return await(park);
        }
        if (group != null) {
            phase = Phase.FINAL_JOIN;
            return await(group.aexit(null));
        }
        return finish(null);
    }

    private void spawn(String task) {
        TaskSpec spec = scenario == null ? null : scenario.task(task);
        if (spec == null) {
            throw PyException.of(ExcType.NAME_ERROR, "name '" + task + "' is not defined: the scenario has no task '"
                    + task + "' to spawn");
        }
        if (group == null) {
            // async with create_task_group(): entering does not suspend, so it runs in place.
            group = new TaskGroup(loop);
            group.aenter().send(null);
        }
        group.startSoon(new ScriptBody(scenario, spec, parks, loop), spec.name());
    }

    private Object fail(PyException e) {
        if (group == null || phase == Phase.JOINING || phase == Phase.FINAL_JOIN || phase == Phase.EXITING) {
            // Raised by the group's exit itself, or with no group open: it leaves the task.
            throw e;
        }
        phase = Phase.EXITING;
        return await(group.aexit(e));
    }

    private void skipPastJoin() {
        while (pc < ops.size() && !(ops.get(pc) instanceof Op.Join)) {
            pc++;
        }
        if (pc < ops.size()) {
            pc++;
        }
    }

    /** The event named {@code name} on {@code loop}; a NameError naming it if there is none. */
    static AsyncEvent event(Loop loop, String name) {
        for (AsyncEvent e : loop.events()) {
            if (e.name().equals(name)) {
                return e;
            }
        }
        throw PyException.of(ExcType.NAME_ERROR, "name '" + name + "' is not defined: the scenario declares no event '"
                + name + "'");
    }
}
