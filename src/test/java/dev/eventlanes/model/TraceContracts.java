package dev.eventlanes.model;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The contracts {@link TraceKind} promises about a recorded run, checked entry by entry, for
 * tests over whole corpora of programs. Each check returns the first violation in words (with
 * the entry's position), or null.
 */
public final class TraceContracts {
    private TraceContracts() {
    }

    /**
     * The set()/wake-up contract: a SET with value n is followed directly by exactly n WAKE
     * entries for its event with text "event", one per woken task, each naming the setter as
     * other (-1 for an outside click) and each waking a task that is blocked in wait() on that
     * event; no WAKE with text "event" occurs anywhere else. Every WAKE wakes a task that is
     * blocked (its last SUSPEND, other than a bare yield, has had no WAKE since).
     */
    public static String setWakeViolation(TraceLog log) {
        // Per task: the event it is blocked on in wait(), -2 if blocked on something else, absent if not blocked.
        Map<Integer, Integer> blockedOn = new HashMap<>();
        int i = 0;
        while (i < log.size()) {
            TraceKind k = log.kind(i);
            if (k == TraceKind.SUSPEND && !"yield".equals(log.text(i))) {
                boolean inWait = "event".equals(log.text(i)) && log.event(i) >= 0;
                blockedOn.put(log.task(i), inWait ? log.event(i) : -2);
            } else if (k == TraceKind.EXIT) {
                blockedOn.remove(log.task(i));
            } else if (k == TraceKind.WAKE) {
                if ("event".equals(log.text(i))) {
                    return at(log, i, "a WAKE with text \"event\" that no SET directly before it accounts for");
                }
                if (blockedOn.remove(log.task(i)) == null) {
                    return at(log, i, "a WAKE of a task that is not blocked");
                }
            } else if (k == TraceKind.SET) {
                double v = log.value(i);
                int n = (int) v;
                if (n != v || n < 0) {
                    return at(log, i, "a SET whose value " + v + " is not a count of woken tasks");
                }
                Set<Integer> woken = new HashSet<>();
                for (int j = i + 1; j <= i + n; j++) {
                    if (j >= log.size() || log.kind(j) != TraceKind.WAKE || !"event".equals(log.text(j))
                            || log.event(j) != log.event(i)) {
                        return at(log, i, "a SET with value " + n + " followed by only " + (j - i - 1)
                                + " WAKE entries with text \"event\" for its event");
                    }
                    if (log.other(j) != log.task(i)) {
                        return at(log, j, "a WAKE by set() whose other (" + log.other(j) + ") is not the setter ("
                                + log.task(i) + ")");
                    }
                    if (!woken.add(log.task(j))) {
                        return at(log, j, "a second WAKE of task " + log.task(j) + " by one SET");
                    }
                    Integer on = blockedOn.remove(log.task(j));
                    if (on == null || on != log.event(i)) {
                        return at(log, j, "a WAKE by set() of task " + log.task(j) + ", which was not blocked in wait() on event "
                                + log.event(i));
                    }
                }
                i += n;
            }
            i++;
        }
        return null;
    }

    /** The causes {@link CancelCause} lists, and nothing else. */
    private static final Pattern CAUSE = Pattern.compile(
            "(move_on_after|fail_after)\\(.+\\)|wait_for\\(timeout=.+\\)|asyncio\\.timeout(_at)?\\(.+\\)"
                    + "|" + Pattern.quote(CancelCause.TASK_CANCEL) + "|" + Pattern.quote(CancelCause.SCOPE_CANCEL)
                    + "|" + Pattern.quote(CancelCause.SCOPE_DEADLINE) + "|" + Pattern.quote(CancelCause.TASK_GROUP)
                    + "|" + Pattern.quote(CancelCause.AWAITER_CANCELLED) + "|" + Pattern.quote(CancelCause.GATHER_CANCEL)
                    + "|" + Pattern.quote(CancelCause.RUN_SHUTDOWN));

    /**
     * The cancellation contract: each CANCEL is on the lane of a task, says one of the documented
     * causes, and is the only one for that task until the task runs again (one entry per
     * delivery); a WAKE saying "cancelled" names the canceller of the task's pending CANCEL.
     */
    public static String cancelViolation(TraceLog log) {
        // Per task: the canceller (other) of its CANCEL not yet followed by a RUN of the task.
        Map<Integer, Integer> pending = new HashMap<>();
        for (int i = 0; i < log.size(); i++) {
            TraceKind k = log.kind(i);
            if (k == TraceKind.RUN) {
                pending.remove(log.task(i));
            } else if (k == TraceKind.CANCEL) {
                if (log.task(i) < 0) {
                    return at(log, i, "a CANCEL on no task");
                }
                if (!CAUSE.matcher(log.text(i)).matches()) {
                    return at(log, i, "a CANCEL whose text is not a documented cause");
                }
                if (pending.put(log.task(i), log.other(i)) != null) {
                    return at(log, i, "a second CANCEL of task " + log.task(i) + " before it ran again");
                }
            } else if (k == TraceKind.WAKE && "cancelled".equals(log.text(i))) {
                Integer by = pending.get(log.task(i));
                if (log.other(i) != (by == null ? -1 : by)) {
                    return at(log, i, "a WAKE by cancellation whose other is not the canceller of the task's CANCEL ("
                            + by + ")");
                }
            }
        }
        return null;
    }

    private static String at(TraceLog log, int i, String what) {
        return "entry " + i + " (" + log.get(i) + "): " + what;
    }
}
