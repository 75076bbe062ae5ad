package dev.eventlanes.ui;

import dev.eventlanes.model.Loop;
import dev.eventlanes.model.TraceKind;
import dev.eventlanes.model.TraceLog;
import dev.eventlanes.scene.TraceIndex;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/**
 * The status line's narration: everything the last step shown did, in order, in one or two plain
 * sentences ("main called event.set() (1 waiting task becomes ready), then event.clear(), printed
 * “…”, started task worker, and sleeps until t = 2.0 s.").
 *
 * <p>Why every entry and not the most telling one: a step that sets, clears, prints, starts a
 * task and sleeps was told as its set() alone, and the class saw four more things happen on the
 * lanes that the sentence did not mention. To stay readable, an entry's consequences are told
 * with it (the wake-ups of a set(), the sleep that a suspension is), alike entries in a row are
 * counted ("started 100 tasks"), and a step doing more than {@link #MAX_CLAUSES} things keeps its
 * first and last ones around a count of the rest.
 *
 * <p>What a step is: from the end of the step before (so the clock's jump and the wake-ups it
 * causes begin the step, see {@link Stops}) to the position shown; a click's own entries, when
 * they are the newest thing shown, are told alone.
 */
public final class Describer {
    /** What the narration needs from the window besides the trace. */
    public interface Context {
        /** The code panel's row for a task at a traced line, or 0 if none. */
        int row(int task, int line);

        /** True for a click-built scenario, whose tasks wait for the user when their script runs out. */
        boolean clickBuilt();
    }

    private static final Context PLAIN = new Context() {
        @Override
        public int row(int task, int line) {
            return line;
        }

        @Override
        public boolean clickBuilt() {
            return false;
        }
    };

    /** Clauses one subject's part of a sentence holds before the middle ones are counted. */
    static final int MAX_CLAUSES = 6;
    /** Alike clauses in a row told as one, with a count, from this many. */
    static final int REPEATS = 3;
    /** Entries told from each end of a longer step (a step of a million prints is told in a moment). */
    static final int SCAN = 400;
    /** Printed text quoted up to this many characters. */
    static final int QUOTE = 60;

    /** The subject of a clause that is a whole sentence (the clock moving, a refusal). */
    private static final int NONE = -2;
    /** The subject of a click's entries: the user. */
    private static final int YOU = -1;

    private final I18n i18n;
    private final Context ctx;

    public Describer(I18n i18n) {
        this(i18n, PLAIN);
    }

    public Describer(I18n i18n, Context ctx) {
        this.i18n = i18n;
        this.ctx = ctx;
    }

    /** One thing a subject did; alike ones in a row ({@code merge} equal, not null) are told once, counted. */
    private static final class Clause {
        final int subject;
        final String merge;
        final IntFunction<String> words;
        /** A method call: a call right after another one leaves out "called". */
        final String callTarget;
        final String callDetail;
        int count = 1;

        Clause(int subject, String merge, IntFunction<String> words) {
            this(subject, merge, words, null, null);
        }

        Clause(int subject, String merge, IntFunction<String> words, String callTarget, String callDetail) {
            this.subject = subject;
            this.merge = merge;
            this.words = words;
            this.callTarget = callTarget;
            this.callDetail = callDetail;
        }
    }

    /** The narration of position k: what the last step shown did, or how to begin before the first. */
    public String sentence(TraceIndex tl, int k) {
        int from = k <= 0 ? -1 : Stops.narrationStart(tl, k);
        if (from < 0) {
            return i18n.get("status.start");
        }
        from = clickStart(tl, from, k);
        List<Clause> clauses = new ArrayList<>();
        if (k - from > 2 * SCAN) {
            tell(tl, from, from + SCAN, clauses);
            int skipped = k - from - 2 * SCAN;
            clauses.add(new Clause(lastSubject(clauses), null, n -> i18n.get("say.more", skipped)));
            tell(tl, k - SCAN, k, clauses);
        } else {
            tell(tl, from, k, clauses);
        }
        return render(tl, clauses);
    }

    private static int lastSubject(List<Clause> clauses) {
        return clauses.isEmpty() ? NONE : clauses.get(clauses.size() - 1).subject;
    }

    /**
     * Where the newest click's entries begin, if they are the last thing shown (the toggle's set()
     * and the wake-ups it caused): then they are told alone. Else {@code from}.
     */
    private static int clickStart(TraceIndex tl, int from, int k) {
        TraceLog log = tl.log();
        int i = k - 1;
        int start = -1;
        while (i >= from && fromClick(log, i)) {
            if (log.task(i) < 0 || log.kind(i) == TraceKind.SPAWN
                    || (log.kind(i) == TraceKind.WAKE && "idle".equals(log.text(i)))) {
                start = i;
            }
            i--;
        }
        return start >= 0 ? start : from;
    }

    /** An entry a click made: the user's own (task -1), a task it added, or a wake-up it caused. */
    private static boolean fromClick(TraceLog log, int i) {
        TraceKind kind = log.kind(i);
        return log.task(i) < 0 || (kind == TraceKind.SPAWN && log.other(i) < 0)
                || (kind == TraceKind.WAKE && log.other(i) < 0 && !"sleep".equals(log.text(i)));
    }

    // ------------------------------------------------------------------ entries to clauses

    private void tell(TraceIndex tl, int from, int to, List<Clause> out) {
        TraceLog log = tl.log();
        // Tasks asked to cancel so far: their next wake-up is the cancellation arriving, whatever
        // they waited for (the trace's WAKE names what was awaited, not why it ended).
        java.util.Set<Integer> cancelling = new java.util.HashSet<>();
        int runTask = Integer.MIN_VALUE;
        int runAt = -1;
        int i = from;
        while (i < to) {
            TraceKind kind = log.kind(i);
            int task = log.task(i);
            int subject = task < 0 ? YOU : task;
            switch (kind) {
                case RUN -> {
                    runTask = task;
                    runAt = out.size();
                }
                case TIMER -> i = timer(tl, i, to, out);
                case SET -> i = set(tl, i, to, subject, out);
                case CLEAR -> out.add(call(subject, eventName(tl, log.event(i)) + ".clear()", ""));
                case POLL -> {
                    String ev = eventName(tl, log.event(i));
                    String got = log.value(i) != 0 ? "True" : "False";
                    out.add(new Clause(subject, "poll:" + ev, n -> n == 1 ? i18n.get("say.poll", ev, got)
                            : i18n.get("say.polls", ev, n)));
                }
                case PRINT -> {
                    String text = quote(MainViewModel.chomp(log.text(i)));
                    out.add(new Clause(subject, "print", n -> n == 1 ? i18n.get("say.print", text) : i18n.get("say.prints", n)));
                }
                case SPAWN -> {
                    int by = log.other(i) < 0 ? YOU : log.other(i);
                    // The lane's name, as the code calls the task (not asyncio's Task-3).
                    String name = who(tl, log.task(i));
                    boolean you = by == YOU;
                    out.add(new Clause(by, "spawn", n -> n == 1 ? i18n.get(you ? "say.addTask" : "say.spawn", name)
                            : i18n.get(you ? "say.addTasks" : "say.spawns", n)));
                }
                case EVENT_NEW -> {
                    String name = log.text(i);
                    boolean you = subject == YOU;
                    out.add(new Clause(subject, "event", n -> n == 1 ? i18n.get(you ? "say.addEvent" : "say.eventNew", name)
                            : i18n.get("say.eventsNew", n)));
                }
                case WAIT -> i = waitOn(tl, i, to, subject, out);
                case SLEEP -> i = sleep(tl, i, to, subject, out);
                case SUSPEND -> out.add(suspend(tl, i, subject));
                case WAKE -> out.add(wake(tl, i, subject, cancelling.remove(task)));
                case CANCEL -> {
                    cancelling.add(task);
                    int by = log.other(i);
                    String name = who(tl, task);
                    if (by >= 0) {
                        out.add(new Clause(by, "cancel", n -> n == 1 ? i18n.get("say.cancelTask", name)
                                : i18n.get("say.cancelTasks", n)));
                    } else {
                        out.add(new Clause(subject, null, n -> i18n.get("say.cancel")));
                    }
                }
                case ERROR -> i = error(tl, i, to, subject, out);
                case EXIT -> out.add(exit(tl, i, subject, log.text(i), log.line(i)));
                default -> {
                    // Every kind is told above; a new one is left out rather than misnamed.
                }
            }
            i++;
        }
        // A step in which its task did nothing else to tell still ran.
        if (runAt >= 0) {
            boolean told = false;
            for (int c = runAt; c < out.size(); c++) {
                told |= out.get(c).subject == (runTask < 0 ? YOU : runTask);
            }
            if (!told) {
                out.add(runAt, new Clause(runTask, null, n -> i18n.get("say.run")));
            }
        }
    }

    /** The clock moved: the timers that fired and the sleepers they woke are one clause. Returns the last entry told. */
    private int timer(TraceIndex tl, int i, int to, List<Clause> out) {
        TraceLog log = tl.log();
        String time = Loop.formatTime(log.time(i));
        List<String> woken = new ArrayList<>();
        int j = i;
        while (j + 1 < to && (log.kind(j + 1) == TraceKind.TIMER
                || (log.kind(j + 1) == TraceKind.WAKE && log.other(j + 1) < 0 && "sleep".equals(log.text(j + 1))))) {
            j++;
            if (log.kind(j) == TraceKind.WAKE) {
                woken.add(who(tl, log.task(j)));
            }
        }
        out.add(new Clause(NONE, null, n -> woken.isEmpty() ? i18n.get("say.timer", time)
                : i18n.get("say.timerWakes", time, names(woken), woken.size())));
        return j;
    }

    /** A set(), with the wake-ups it caused (traced right after it). Returns the last entry told. */
    private int set(TraceIndex tl, int i, int to, int subject, List<Clause> out) {
        TraceLog log = tl.log();
        int e = log.event(i);
        String target = eventName(tl, e) + ".set()";
        if ("already set".equals(log.text(i))) {
            out.add(call(subject, target, i18n.get("say.setAgain")));
            return i;
        }
        int j = i;
        while (j + 1 < to && log.kind(j + 1) == TraceKind.WAKE && log.event(j + 1) == e) {
            j++;
        }
        out.add(call(subject, target, i18n.get("say.setWoke", (int) log.value(i))));
        return j;
    }

    private int waitOn(TraceIndex tl, int i, int to, int subject, List<Clause> out) {
        TraceLog log = tl.log();
        String ev = eventName(tl, log.event(i));
        if (log.value(i) != 0) {
            out.add(new Clause(subject, null, n -> i18n.get("say.waitSet", ev)));
            return i;
        }
        out.add(new Clause(subject, null, n -> i18n.get("say.wait", ev)));
        // The suspension that follows is the same wait.
        return i + 1 < to && log.kind(i + 1) == TraceKind.SUSPEND && log.task(i + 1) == log.task(i)
                && log.event(i + 1) == log.event(i) ? i + 1 : i;
    }

    private int sleep(TraceIndex tl, int i, int to, int subject, List<Clause> out) {
        TraceLog log = tl.log();
        boolean suspends = i + 1 < to && log.kind(i + 1) == TraceKind.SUSPEND && log.task(i + 1) == log.task(i);
        if (suspends && "yield".equals(log.text(i + 1))) {
            out.add(new Clause(subject, null, n -> i18n.get("say.yield")));
            return i + 1;
        }
        String until = Loop.formatTime(log.value(i));
        out.add(new Clause(subject, null, n -> i18n.get("say.sleep", until)));
        return suspends && "sleep".equals(log.text(i + 1)) ? i + 1 : i;
    }

    private Clause suspend(TraceIndex tl, int i, int subject) {
        TraceLog log = tl.log();
        String why = log.text(i);
        String key = switch (why) {
            case "yield" -> "say.yield";
            case "sleep" -> "say.sleep";
            case "event" -> "say.wait";
            case "children" -> "say.waitChildren";
            case "task" -> "say.waitTask";
            case "gather" -> "say.waitGather";
            case "forever" -> "say.sleepForever";
            // A click-built task whose script has run out waits for the user, nothing else.
            case "idle" -> "say.idle";
            default -> "say.waitOther";
        };
        String arg = "sleep".equals(why) ? Loop.formatTime(log.value(i)) : eventName(tl, log.event(i));
        return new Clause(subject, null, n -> i18n.get(key, arg));
    }

    private Clause wake(TraceIndex tl, int i, int subject, boolean cancelled) {
        TraceLog log = tl.log();
        String ev = eventName(tl, log.event(i));
        String key = cancelled ? "say.wakeCancelled" : switch (log.text(i)) {
            // A set() wakes its waiters in its own clause; an event's waiter woken otherwise
            // (a timeout, a cancellation) is only said to wake.
            case "event" -> "say.wake";
            case "children" -> "say.wakeChildren";
            case "task" -> "say.wakeTask";
            case "gather" -> "say.wakeGather";
            case "cancelled" -> "say.wakeCancelled";
            case "idle" -> "say.wakeInput";
            default -> "say.wake";
        };
        return new Clause(subject, null, n -> i18n.get(key, ev));
    }

    /**
     * An error: refused (a click's), or raised in a task, which then usually fails; the failure is
     * told once, with the error's whole message and line. Returns the last entry told.
     */
    private int error(TraceIndex tl, int i, int to, int subject, List<Clause> out) {
        TraceLog log = tl.log();
        String text = MainViewModel.chomp(log.text(i));
        if (subject == YOU) {
            out.add(new Clause(NONE, null, n -> i18n.get("say.error", text)));
            return i;
        }
        int task = log.task(i);
        for (int j = i + 1; j < to && j < i + 16; j++) {
            if (log.task(j) == task && log.kind(j) == TraceKind.EXIT) {
                if (!"done".equals(log.text(j)) && !"cancelled".equals(log.text(j))) {
                    out.add(exit(tl, j, subject, text, log.line(i) != 0 ? log.line(i) : log.line(j)));
                    return j;
                }
                break;
            }
        }
        // Not followed by the task's failure: a diagnostic about the task (a blocking call), told
        // as a note of its own.
        int row = ctx.row(task, log.line(i));
        out.add(new Clause(NONE, null, n -> row > 0 ? i18n.get("say.noteOnLine", text, row) : i18n.get("say.note", text)));
        return i;
    }

    private Clause exit(TraceIndex tl, int i, int subject, String how, int line) {
        return switch (tl.log().text(i)) {
            case "done" -> new Clause(subject, null, n -> i18n.get("say.done"));
            case "cancelled" -> new Clause(subject, null, n -> i18n.get("say.cancelled"));
            default -> {
                int row = ctx.row(tl.log().task(i), line);
                yield new Clause(subject, null, n -> row > 0 ? i18n.get("say.failedOnLine", how, row) : i18n.get("say.failed", how));
            }
        };
    }

    private Clause call(int subject, String target, String detail) {
        return new Clause(subject, null, n -> i18n.get("say.call", target, detail), target, detail);
    }

    // ------------------------------------------------------------------ clauses to sentences

    private String render(TraceIndex tl, List<Clause> clauses) {
        // Alike clauses in a row: from REPEATS on, told once with their count; fewer, one by one.
        List<Clause> told = new ArrayList<>();
        int a = 0;
        while (a < clauses.size()) {
            Clause first = clauses.get(a);
            int b = a + 1;
            while (first.merge != null && b < clauses.size() && first.merge.equals(clauses.get(b).merge)
                    && clauses.get(b).subject == first.subject) {
                b++;
            }
            if (b - a >= REPEATS) {
                first.count = b - a;
                told.add(first);
            } else {
                told.addAll(clauses.subList(a, b));
            }
            a = b;
        }
        // Consecutive clauses of one subject are one part of a sentence; a clause without a
        // subject (the clock) is a sentence of its own.
        List<String> sentences = new ArrayList<>();
        String current = null;
        int g = 0;
        while (g < told.size()) {
            int subject = told.get(g).subject;
            int end = g;
            while (end < told.size() && told.get(end).subject == subject) {
                end++;
            }
            List<Clause> group = told.subList(g, end);
            if (subject == NONE) {
                if (current != null) {
                    sentences.add(current);
                    current = null;
                }
                for (Clause c : group) {
                    sentences.add(c.words.apply(c.count));
                }
            } else {
                String part = part(tl, subject, group);
                current = current == null ? part : i18n.get("say.also", current, part);
            }
            g = end;
        }
        if (current != null) {
            sentences.add(current);
        }
        String out = null;
        for (String s : sentences) {
            // A quote that ends a sentence ends it with its own stop: "printed “Done.”", not "“Done.”.".
            boolean stopped = s.length() > 1 && s.endsWith("\u201d") && ".!?。！？".indexOf(s.charAt(s.length() - 2)) >= 0;
            String one = stopped ? s : i18n.get("say.end", s);
            out = out == null ? one : i18n.get("say.next", out, one);
        }
        return out == null ? i18n.get("status.start") : out;
    }

    /** One subject and what it did: "main created Event e, then started task w, and sleeps …". */
    private String part(TraceIndex tl, int subject, List<Clause> group) {
        List<String> words = new ArrayList<>();
        Clause prev = null;
        for (Clause c : group) {
            // "called e.set() (…), then e.clear()": a call after a call leaves out the verb.
            words.add(c.callTarget != null && prev != null && prev.callTarget != null
                    ? i18n.get("say.callMore", c.callTarget, c.callDetail) : c.words.apply(c.count));
            prev = c;
        }
        if (words.size() > MAX_CLAUSES) {
            List<String> kept = new ArrayList<>(words.subList(0, 3));
            kept.add(i18n.get("say.more", words.size() - 5));
            kept.addAll(words.subList(words.size() - 2, words.size()));
            words = kept;
        }
        String list;
        if (words.size() == 1) {
            list = words.get(0);
        } else if (words.size() == 2) {
            list = i18n.get("say.list2", words.get(0), words.get(1));
        } else {
            list = i18n.get("say.listN", words.get(0),
                    String.join(i18n.get("say.comma"), words.subList(1, words.size() - 1)), words.get(words.size() - 1));
        }
        String who = who(tl, subject);
        return joinSubject(who, i18n.get("say.subject", who, list));
    }

    // ------------------------------------------------------------------ names

    private String who(TraceIndex tl, int task) {
        if (task < 0 || task >= tl.lanes().size() || tl.lanes().get(task) == null) {
            return i18n.get("who.you");
        }
        return tl.lanes().get(task).name();
    }

    /** "main", "main and worker", "a, b and c", "5 tasks". */
    private String names(List<String> names) {
        if (names.size() > 3) {
            return i18n.get("say.tasks", names.size());
        }
        if (names.size() == 1) {
            return names.get(0);
        }
        return i18n.get("say.and", String.join(i18n.get("say.comma"), names.subList(0, names.size() - 1)),
                names.get(names.size() - 1));
    }

    private static String eventName(TraceIndex tl, int e) {
        return e >= 0 && e < tl.events().size() && tl.events().get(e) != null ? tl.events().get(e).name() : "?";
    }

    private static String quote(String text) {
        String one = text.replace('\n', ' ');
        return one.length() <= QUOTE ? one : one.substring(0, QUOTE - 1) + "\u2026";
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
}
