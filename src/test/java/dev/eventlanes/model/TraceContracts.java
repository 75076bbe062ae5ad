package dev.eventlanes.model;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

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

    private static String at(TraceLog log, int i, String what) {
        return "entry " + i + " (" + log.get(i) + "): " + what;
    }
}
