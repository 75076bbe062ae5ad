package dev.eventlanes.scene;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/**
 * A {@link Scene} as JSON, the format {@code docs/scene-format.md} documents: what a picture
 * shows, item by item, with its place in the picture's pixels. Written by Jackson; names are
 * the scene's, in snake case, kinds and states in lower case.
 */
public final class SceneJson {
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SceneJson() {
    }

    /**
     * @param title   the program's title
     * @param taskNames per task id, the task's own name as the library knows it (or null)
     */
    public static ObjectNode tree(Scene sc, String title, String semantics, java.util.function.IntFunction<String> taskNames) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", Scene.VERSION);
        root.put("title", title);
        root.put("semantics", semantics);
        Scene.AxisInfo a = sc.axis();
        ObjectNode axis = root.putObject("axis");
        axis.put("pixels_per_second", r(a.pixelsPerSecond()));
        axis.put("slot_pixels", r(a.slotPixels()));
        axis.put("view_start", r(a.viewStart()));
        axis.put("width", r(a.width()));
        axis.put("height", r(a.height()));
        axis.put("ruler_height", r(a.rulerHeight()));
        axis.put("time_from", r(a.timeFrom()));
        axis.put("time_to", r(a.timeTo()));
        ArrayNode bands = axis.putArray("instant_bands");
        for (Scene.Band b : sc.bands()) {
            ObjectNode n = bands.addObject();
            n.put("t", tm(b.t()));
            n.put("steps", b.steps());
            n.put("slots", b.slots());
            n.put("x0", r(b.x0()));
            n.put("x1", r(b.x1()));
            n.put("first_entry", b.firstIndex());
        }
        ObjectNode ph = root.putObject("playhead");
        ph.put("position", a.position());
        ph.put("t", tm(a.time()));
        ph.put("x", r(a.playheadX()));
        ArrayNode ticks = root.putArray("ticks");
        for (Scene.Tick t : sc.ticks()) {
            ObjectNode n = ticks.addObject();
            n.put("t", tm(t.t()));
            n.put("x", r(t.x()));
            n.put("label", t.label());
        }
        ArrayNode lanes = root.putArray("lanes");
        for (Scene.LaneRow l : sc.lanes()) {
            ObjectNode n = lanes.addObject();
            n.put("task", l.task());
            n.put("name", l.name());
            String own = taskNames.apply(l.task());
            if (own != null) {
                n.put("task_name", own);
            }
            n.put("row", l.row());
            n.put("y0", r(l.y0()));
            n.put("y1", r(l.y1()));
            n.put("bar_top", r(l.barTop()));
            n.put("bar_bottom", r(l.barBottom()));
        }
        ArrayNode segs = root.putArray("segments");
        for (Scene.Segment s : sc.segments()) {
            ObjectNode n = segs.addObject();
            n.put("task", s.task());
            n.put("state", lower(s.state()));
            if (s.event() >= 0) {
                n.put("event", s.event());
            } else {
                n.putNull("event");
            }
            if (!s.why().isEmpty()) {
                n.put("waits_for", s.why());
            }
            n.put("t0", tm(s.t0()));
            n.put("t1", tm(s.t1()));
            n.put("x0", r(s.x0()));
            n.put("x1", r(s.x1()));
            if (s.merged()) {
                n.put("merged", true);
            }
            n.put("from_entry", s.fromIndex());
            if (s.toIndex() >= 0) {
                n.put("to_entry", s.toIndex());
            } else {
                n.putNull("to_entry");
            }
        }
        ArrayNode marks = root.putArray("marks");
        for (Scene.Mark m : sc.marks()) {
            ObjectNode n = marks.addObject();
            n.put("kind", lower(m.kind()));
            n.put("task", m.task());
            if (m.event() >= 0) {
                n.put("event", m.event());
            } else {
                n.putNull("event");
            }
            n.put("t", tm(m.t()));
            n.put("x", r(m.x()));
            n.put("y", r(m.y()));
            n.put("r", r(m.r()));
            n.put("result", m.result());
            n.put("entry", m.index());
        }
        ArrayNode arrows = root.putArray("arrows");
        for (Scene.Arrow w : sc.arrows()) {
            ObjectNode n = arrows.addObject();
            n.put("kind", "wake");
            n.put("event", w.event());
            n.put("from_task", w.fromTask());
            n.put("to_task", w.toTask());
            n.put("t", tm(w.t()));
            n.put("x1", r(w.x1()));
            n.put("y1", r(w.y1()));
            n.put("x2", r(w.x2()));
            n.put("y2", r(w.y2()));
            n.put("bend", r(w.bend()));
            n.put("set_entry", w.setIndex());
            n.put("wake_entry", w.wakeIndex());
        }
        ArrayNode lats = root.putArray("latencies");
        for (Scene.Latency l : sc.latencies()) {
            ObjectNode n = lats.addObject();
            n.put("task", l.task());
            n.put("event", l.event());
            n.put("t_set", tm(l.tSet()));
            n.put("t_noticed", tm(l.tNotice()));
            n.put("x0", r(l.x0()));
            n.put("x1", r(l.x1()));
            n.put("y", r(l.y()));
            n.put("set_entry", l.setIndex());
            n.put("noticed_entry", l.noticeIndex());
        }
        ArrayNode labels = root.putArray("labels");
        for (Scene.Label l : sc.labels()) {
            ObjectNode n = labels.addObject();
            n.put("role", lower(l.role()));
            n.put("text", l.text());
            n.put("x", r(l.x()));
            n.put("y", r(l.y()));
            n.put("w", r(l.w()));
            n.put("h", r(l.h()));
            n.put("task", l.task());
            n.put("entry", l.index());
        }
        return root;
    }

    public static void write(Scene sc, String title, String semantics, java.util.function.IntFunction<String> taskNames,
                             Writer out) throws IOException {
        JSON.writeValue(out, tree(sc, title, semantics, taskNames));
    }

    private static String lower(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT);
    }

    /** Times to the nanosecond: 1.0000000000000002 is 1.0 that went through arithmetic. */
    private static double tm(double v) {
        return Math.round(v * 1e9) / 1e9;
    }

    /** Pixels to 1/100: the picture is in whole pixels, and the file stays readable. */
    private static double r(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
