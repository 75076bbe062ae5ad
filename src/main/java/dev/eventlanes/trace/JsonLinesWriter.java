package dev.eventlanes.trace;

import dev.eventlanes.model.AsyncEvent;
import dev.eventlanes.model.Loop;
import dev.eventlanes.model.Task;
import dev.eventlanes.model.TraceLog;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a recorded run as JSON Lines: one JSON object per trace entry, in order, each on its own
 * line. The schema (fields {@code t, seq, kind, task, task_name, event, event_name, other, line,
 * value, text}) is documented in {@code docs/trace-format.md}; absent ids and names are
 * {@code null}. Nothing is buffered beyond one line; the caller owns (and closes) the writer.
 */
public final class JsonLinesWriter {
    private JsonLinesWriter() {
    }

    /** Writes every entry of {@code log}; names are looked up by id in the given lists. */
    public static void write(TraceLog log, List<String> taskNames, List<String> eventNames, Writer out)
            throws IOException {
        StringBuilder sb = new StringBuilder(256);
        for (int i = 0; i < log.size(); i++) {
            sb.setLength(0);
            sb.append("{\"t\":");
            Json.number(sb, log.time(i));
            sb.append(",\"seq\":").append(i);
            sb.append(",\"kind\":\"").append(log.kind(i).jsonName()).append('"');
            id(sb, "task", log.task(i));
            sb.append(",\"task_name\":");
            Json.string(sb, Json.name(taskNames, log.task(i)));
            id(sb, "event", log.event(i));
            sb.append(",\"event_name\":");
            Json.string(sb, Json.name(eventNames, log.event(i)));
            id(sb, "other", log.other(i));
            sb.append(",\"line\":").append(log.line(i));
            sb.append(",\"value\":");
            Json.number(sb, log.value(i));
            sb.append(",\"text\":");
            Json.string(sb, log.text(i));
            sb.append("}\n");
            out.append(sb);
        }
        out.flush();
    }

    /** As {@link #write(TraceLog, List, List, Writer)}, with the names of {@code loop}'s tasks and events. */
    public static void write(TraceLog log, Loop loop, Writer out) throws IOException {
        write(log, taskNames(loop), eventNames(loop), out);
    }

    private static void id(StringBuilder sb, String field, int id) {
        sb.append(",\"").append(field).append("\":");
        if (id < 0) {
            sb.append("null");
        } else {
            sb.append(id);
        }
    }

    /** The names of the loop's tasks, indexed by task id. */
    public static List<String> taskNames(Loop loop) {
        List<String> out = new ArrayList<>();
        for (Task t : loop.tasks()) {
            out.add(t.name());
        }
        return out;
    }

    /** The names of the loop's events, indexed by event id. */
    public static List<String> eventNames(Loop loop) {
        List<String> out = new ArrayList<>();
        for (AsyncEvent e : loop.events()) {
            out.add(e.name());
        }
        return out;
    }
}
