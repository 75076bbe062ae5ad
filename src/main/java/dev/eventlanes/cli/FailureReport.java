package dev.eventlanes.cli;

import dev.eventlanes.model.PyException;
import dev.eventlanes.model.TraceKind;
import dev.eventlanes.model.TraceLog;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A Python exception rendered as Python prints an uncaught one: a traceback block (here, the task
 * and script line where it was raised, since scenario tasks have no source file) ending with
 * {@code Type: message}; exception groups as Python 3.11's boxed tree. Hints the model attached
 * (such as why anyio events have no {@code clear()}) follow as {@code hint:} lines.
 */
final class FailureReport {
    private FailureReport() {
    }

    static List<String> render(PyException e, TraceLog log, List<String> taskNames) {
        List<String> out = new ArrayList<>();
        render(e, log, taskNames, "", out);
        Set<String> hints = new LinkedHashSet<>();
        hints(e, hints);
        for (String h : hints) {
            out.add("hint: " + h);
        }
        return out;
    }

    private static void render(PyException e, TraceLog log, List<String> taskNames, String indent, List<String> out) {
        if (!e.exceptions().isEmpty()) {
            out.add(indent + "  + Exception Group Traceback (most recent call last):");
            out.add(indent + "  | " + line(e));
            int n = 1;
            for (PyException sub : e.exceptions()) {
                out.add(indent + (n == 1 ? "  +-+" : "    +") + "---------------- " + n + " ----------------");
                List<String> inner = new ArrayList<>();
                render(sub, log, taskNames, "", inner);
                for (String l : inner) {
                    out.add(indent + "    | " + l);
                }
                n++;
            }
            out.add(indent + "    +------------------------------------");
            return;
        }
        out.add(indent + "Traceback (most recent call last):");
        String where = origin(e, log, taskNames);
        if (where != null) {
            out.add(indent + "  " + where);
        }
        out.add(indent + line(e));
    }

    private static String line(PyException e) {
        String m = e.messageText();
        if (!e.exceptions().isEmpty()) {
            int n = e.exceptions().size();
            m = String.valueOf(e.args().get(0)) + " (" + n + " sub-exception" + (n == 1 ? "" : "s") + ")";
        }
        return e.type().qualifiedName() + (m.isEmpty() ? "" : ": " + m);
    }

    /** The task and line of the first task exit that ended with this exception. */
    private static String origin(PyException e, TraceLog log, List<String> taskNames) {
        String text = e.type().name() + ": " + e.messageText();
        for (int i = 0; i < log.size(); i++) {
            if (log.kind(i) == TraceKind.EXIT && log.text(i).equals(text)) {
                int t = log.task(i);
                String name = t >= 0 && t < taskNames.size() ? taskNames.get(t) : "?";
                return "in task '" + name + "', line " + log.line(i);
            }
        }
        return null;
    }

    private static void hints(PyException e, Set<String> out) {
        if (e.payload() instanceof String s) {
            out.add(s);
        }
        for (PyException sub : e.exceptions()) {
            hints(sub, out);
        }
    }
}
