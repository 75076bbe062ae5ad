package dev.eventlanes.ui;

import dev.eventlanes.model.Loop;
import dev.eventlanes.model.TraceKind;
import dev.eventlanes.model.TraceLog;
import dev.eventlanes.scene.TraceIndex;

/**
 * One plain sentence about the last scheduler decision, for the status bar: of the entries since
 * the last step began, the one a teacher would talk about (a set() before a print before a
 * suspension).
 */
public final class Describer {
    private static final int SCAN_LIMIT = 400;
    private final I18n i18n;

    public Describer(I18n i18n) {
        this.i18n = i18n;
    }

    public String sentence(TraceIndex tl, int k) {
        if (k <= 0) {
            return i18n.get("status.start");
        }
        TraceLog log = tl.log();
        int steps = tl.stepsAt(k);
        int from = steps == 0 ? 0 : tl.runIndex(steps - 1);
        from = Math.max(from, k - SCAN_LIMIT);
        int best = k - 1;
        int bestRank = rank(log.kind(best));
        for (int i = from; i < k; i++) {
            int r = rank(log.kind(i));
            if (r > bestRank) {
                best = i;
                bestRank = r;
            }
        }
        if (steps == 0 && (log.kind(best) == TraceKind.SPAWN || log.kind(best) == TraceKind.EVENT_NEW)) {
            // Only the program's set-up so far: tell the class how to begin.
            return i18n.get("status.start");
        }
        String said = describe(tl, best);
        // Where the step left its task matters too: "main started task worker, then main sleeps
        // until t = 2.0 s" tells the class why main's lane turns to dots.
        TraceKind kb = log.kind(best);
        if (kb == TraceKind.SPAWN || kb == TraceKind.PRINT || kb == TraceKind.POLL) {
            // A SPAWN entry belongs to the new task; the one who acted is its spawner.
            int actor = kb == TraceKind.SPAWN ? log.other(best) : log.task(best);
            for (int i = k - 1; i > best; i--) {
                if (log.kind(i) == TraceKind.SUSPEND && log.task(i) == actor && !"yield".equals(log.text(i))) {
                    return i18n.get("say.then", said, describe(tl, i));
                }
            }
        }
        return said;
    }

    private static int rank(TraceKind k) {
        return switch (k) {
            case ERROR -> 10;
            case SET -> 9;
            case CLEAR -> 8;
            case EXIT -> 7;
            case POLL -> 6;
            case SPAWN -> 5;
            case PRINT -> 4;
            case CANCEL -> 3;
            case SUSPEND -> 2;
            case WAKE, SLEEP, WAIT -> 1;
            default -> 0;
        };
    }

    private String who(TraceIndex tl, int task) {
        if (task < 0 || task >= tl.lanes().size() || tl.lanes().get(task) == null) {
            return i18n.get("who.you");
        }
        return tl.lanes().get(task).name();
    }

    private String eventName(TraceIndex tl, int e) {
        return e >= 0 && e < tl.events().size() && tl.events().get(e) != null ? tl.events().get(e).name() : "?";
    }

    /** The sentence for one entry. */
    public String describe(TraceIndex tl, int i) {
        String who = who(tl, tl.log().task(i));
        return joinSubject(who, sentence(tl, i, who));
    }

    /**
     * Chinese puts no space between two Chinese words: the patterns keep one after the subject,
     * which reads right after a task's Latin name ("worker 调用了"), and it goes where the
     * subject ends in a Chinese character ("你调用了", "任务调用了").
     */
    static String joinSubject(String who, String s) {
        int n = who.length();
        if (n > 0 && s.length() > n + 1 && s.startsWith(who) && s.charAt(n) == ' '
                && isHan(who.charAt(n - 1)) && isHan(s.charAt(n + 1))) {
            return who + s.substring(n + 1);
        }
        return s;
    }

    private static boolean isHan(char c) {
        return Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN;
    }

    private String sentence(TraceIndex tl, int i, String who) {
        TraceLog log = tl.log();
        String ev = eventName(tl, log.event(i));
        return switch (log.kind(i)) {
            case SET -> "already set".equals(log.text(i))
                    ? i18n.get("say.setAgain", who, ev)
                    : i18n.get("say.set", who, ev, (int) log.value(i));
            case CLEAR -> i18n.get("say.clear", who, ev);
            case POLL -> i18n.get("say.poll", who, ev, log.value(i) != 0 ? "True" : "False");
            case EXIT -> switch (log.text(i)) {
                case "done" -> i18n.get("say.done", who);
                case "cancelled" -> i18n.get("say.cancelled", who);
                default -> i18n.get("say.failed", who, log.text(i));
            };
            case SPAWN -> i18n.get("say.spawn", who(tl, log.other(i)), log.text(i));
            case PRINT -> i18n.get("say.print", who, MainViewModel.chomp(log.text(i)));
            case ERROR -> i18n.get("say.error", log.text(i));
            case CANCEL -> i18n.get("say.cancel", who);
            case SUSPEND -> {
                String why = log.text(i);
                if ("yield".equals(why)) {
                    yield i18n.get("say.yield", who);
                } else if ("sleep".equals(why)) {
                    yield i18n.get("say.sleep", who, Loop.formatTime(log.value(i)));
                } else if (log.event(i) >= 0) {
                    yield i18n.get("say.wait", who, ev);
                }
                // The model says why in one word: children, task, gather, forever, other.
                yield i18n.get("say.blocked", who, i18n.get("reason." + why));
            }
            case WAKE -> i18n.get("say.wake", who);
            case WAIT -> i18n.get("say.wait", who, ev);
            case SLEEP -> i18n.get("say.sleep", who, Loop.formatTime(log.value(i)));
            case RUN -> i18n.get("say.run", who);
            case TIMER -> i18n.get("say.timer", Loop.formatTime(log.time(i)));
            case EVENT_NEW -> i18n.get("say.eventNew", who, log.text(i));
        };
    }
}
