package dev.eventlanes.ui.lanes;

import dev.eventlanes.model.Loop;
import dev.eventlanes.model.TraceKind;
import dev.eventlanes.model.TraceLog;
import dev.eventlanes.scene.Scene;
import dev.eventlanes.scene.TraceIndex;
import dev.eventlanes.ui.I18n;
import java.util.List;

/**
 * What hovering over a piece of the lanes says: one sentence naming the task, the call, the times
 * and the cause, in the window's language ("worker waited on event.wait() from 0.0 to 2.0 s
 * (2.0 s); woken by main's event.set() at line 15"). Everything said comes from the trace.
 */
final class SceneTips {
    private final I18n i18n;
    private final TraceIndex index;
    private final TraceLog log;

    SceneTips(I18n i18n, TraceIndex index) {
        this.i18n = i18n;
        this.index = index;
        this.log = index.log();
    }

    TraceIndex index() {
        return index;
    }

    /** The task and trace entry of the segment or mark at picture point (x, y), or null. */
    int[] itemAt(Scene sc, double x, double y) {
        for (Scene.Mark m : sc.marks()) {
            if (m.task() >= 0 && m.index() >= 0 && Math.abs(x - m.x()) <= m.r() + 3 && Math.abs(y - m.y()) <= m.r() + 3) {
                return new int[] {m.task(), m.index()};
            }
        }
        for (Scene.Segment s : sc.segments()) {
            Scene.LaneRow row = row(sc, s.task());
            if (row != null && x >= s.x0() && x <= s.x1() && y >= row.barTop() && y <= row.barBottom()) {
                return new int[] {s.task(), s.fromIndex()};
            }
        }
        return null;
    }

    /** The sentence for what is at picture point (x, y), or null for nothing there. */
    String at(Scene sc, double x, double y) {
        double ruler = sc.axis().rulerHeight();
        for (Scene.Mark m : sc.marks()) {
            if (Math.abs(x - m.x()) <= m.r() + 3 && Math.abs(y - m.y()) <= m.r() + 3) {
                return mark(m);
            }
        }
        for (Scene.Arrow a : sc.arrows()) {
            if (Math.abs(x - a.x1()) <= 6 && y >= Math.min(a.y1(), a.y2()) && y <= Math.max(a.y1(), a.y2())) {
                return arrow(a);
            }
        }
        for (Scene.Label l : sc.labels()) {
            if (l.role() == dev.eventlanes.scene.TextMetrics.Role.MARK && x >= l.x() && x <= l.x() + l.w()
                    && y >= l.y() && y <= l.y() + l.h()) {
                for (Scene.Mark m : sc.marks()) {
                    if (m.index() == l.index() && m.task() == l.task()) {
                        return mark(m);
                    }
                }
            }
        }
        for (Scene.Latency l : sc.latencies()) {
            if (x >= l.x0() - 3 && x <= l.x1() + 3 && Math.abs(y - l.y()) <= 8) {
                return latency(l);
            }
        }
        if (y < ruler) {
            for (Scene.Band b : sc.bands()) {
                if (x >= b.x0() && x <= b.x1()) {
                    return i18n.get("tip.band", Loop.formatTime(b.t()), b.steps());
                }
            }
            return null;
        }
        for (Scene.Segment s : sc.segments()) {
            Scene.LaneRow row = row(sc, s.task());
            if (row != null && x >= s.x0() && x <= s.x1() && y >= row.y0() && y < row.y1()) {
                return segment(s);
            }
        }
        for (Scene.Band b : sc.bands()) {
            if (x >= b.x0() && x <= b.x1()) {
                return i18n.get("tip.band", Loop.formatTime(b.t()), b.steps());
            }
        }
        return null;
    }

    private static Scene.LaneRow row(Scene sc, int task) {
        for (Scene.LaneRow r : sc.lanes()) {
            if (r.task() == task) {
                return r;
            }
        }
        return null;
    }

    private String who(int task) {
        List<TraceIndex.Lane> lanes = index.lanes();
        return task >= 0 && task < lanes.size() && lanes.get(task) != null ? lanes.get(task).name() : i18n.get("who.you");
    }

    private String event(int e) {
        return e >= 0 && e < index.events().size() && index.events().get(e) != null ? index.events().get(e).name() : "?";
    }

    private static String t(double v) {
        return Loop.formatTime(v);
    }

    private String line(int i) {
        int ln = i >= 0 ? log.line(i) : 0;
        return ln > 0 ? i18n.get("tip.atLine", ln) : "";
    }

    String segment(Scene.Segment s) {
        String who = who(s.task());
        String span = s.toIndex() < 0 ? i18n.get("tip.since", t(s.t0())) : i18n.get("tip.span", t(s.t0()), t(s.t1()),
                t(s.t1() - s.t0()));
        return switch (s.state()) {
            case WAITING -> {
                String what = s.event() >= 0 ? i18n.get("tip.waitOn", event(s.event())) : i18n.get("lane.waiting." + reason(s.why()));
                yield i18n.get("tip.waited", who, what, span) + woken(s);
            }
            case SLEEPING -> i18n.get("tip.slept", who, span);
            case RUNNING -> s.t1() - s.t0() > 5e-4
                    ? i18n.get("tip.ranBlocking", who, span) + line(s.fromIndex())
                    : i18n.get("tip.ran", who, t(s.t0())) + line(s.fromIndex());
            case READY -> i18n.get("tip.ready", who, span);
            case DONE -> i18n.get("tip.done", who, t(s.t0()));
            case CANCELLED -> i18n.get("tip.cancelled", who, t(s.t0()));
            case FAILED -> i18n.get("tip.failed", who, t(s.t0()), log.text(s.fromIndex()));
        };
    }

    private static String reason(String why) {
        return why == null || why.isEmpty() ? "other" : why;
    }

    /** How a wait ended: by whose set(), or by a cancellation, or not yet. */
    private String woken(Scene.Segment s) {
        int end = s.toIndex();
        if (end < 0) {
            return "";
        }
        if (log.kind(end) != TraceKind.WAKE) {
            return "";
        }
        if ("cancelled".equals(log.text(end))) {
            return i18n.get("tip.endedByCancel");
        }
        if (!"event".equals(log.text(end))) {
            return "";
        }
        // The set() is the SET entry the wake-ups follow.
        int i = end - 1;
        while (i >= 0 && log.kind(i) == TraceKind.WAKE) {
            i--;
        }
        if (i < 0 || log.kind(i) != TraceKind.SET) {
            return "";
        }
        return i18n.get("tip.wokenBy", who(log.task(i)), event(log.event(i)), line(i));
    }

    String mark(Scene.Mark m) {
        String who = who(m.task());
        String ev = event(m.event());
        String at = t(m.t());
        String ln = line(m.index());
        return switch (m.kind()) {
            case SET -> {
                int n = Integer.parseInt(m.result().isEmpty() ? "0" : m.result());
                yield i18n.get("tip.set", who, ev, at, ln, n);
            }
            case SET_AGAIN -> i18n.get("tip.setAgain", who, ev, at, ln);
            case CLEAR -> i18n.get("tip.clear", who, ev, at, ln);
            case POLL -> i18n.get("tip.poll", who, ev, at, ln, m.result());
            case WAIT_SET -> i18n.get("tip.waitSet", who, ev, at, ln);
            case CANCEL -> i18n.get("tip.cancel", who, at, m.result());
            case FAIL -> i18n.get("tip.fail", who, at, m.result());
            case ERROR -> i18n.get("tip.error", at, m.result());
            case FOREVER -> i18n.get("tip.forever", who);
        };
    }

    String arrow(Scene.Arrow a) {
        return i18n.get("tip.arrow", who(a.fromTask()), event(a.event()), t(a.t()), who(a.toTask()), line(a.setIndex()));
    }

    String latency(Scene.Latency l) {
        String who = who(l.task());
        String ev = event(l.event());
        boolean polled = log.kind(l.noticeIndex()) == TraceKind.POLL;
        double late = l.tNotice() - l.tSet();
        String setter = who(log.task(l.setIndex()));
        if (late < 5e-4) {
            return i18n.get(polled ? "tip.noticedPollAtOnce" : "tip.noticedAtOnce", who, ev, t(l.tSet()), setter);
        }
        return i18n.get(polled ? "tip.noticedPoll" : "tip.noticed", who, ev, t(l.tSet()), setter, t(l.tNotice()), t(late));
    }
}
