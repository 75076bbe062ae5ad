package dev.eventlanes.python;

import dev.eventlanes.model.ExcType;
import dev.eventlanes.model.PyException;
import dev.eventlanes.python.runtime.PyOps;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/** Formats an exception the way CPython 3.11 prints an uncaught one. */
public final class Tracebacks {
    private Tracebacks() {
    }

    public static String format(PyException e, String fileName, String source) {
        String[] lines = source.split("\r\n|\r|\n", -1);
        StringBuilder sb = new StringBuilder();
        chain(sb, e, fileName, lines, new IdentityHashMap<>(), "");
        return sb.toString();
    }

    private static void chain(StringBuilder sb, PyException e, String fileName, String[] lines,
                              Map<PyException, Boolean> seen, String indent) {
        seen.put(e, Boolean.TRUE);
        if (e.cause() != null && !seen.containsKey(e.cause())) {
            chain(sb, e.cause(), fileName, lines, seen, indent);
            sb.append(indent).append("\n").append(indent)
                    .append("The above exception was the direct cause of the following exception:\n")
                    .append(indent).append("\n");
        } else if (e.context() != null && !e.suppressContext() && !seen.containsKey(e.context())) {
            chain(sb, e.context(), fileName, lines, seen, indent);
            sb.append(indent).append("\n").append(indent)
                    .append("During handling of the above exception, another exception occurred:\n")
                    .append(indent).append("\n");
        }
        one(sb, e, fileName, lines, indent);
    }

    private static void one(StringBuilder sb, PyException e, String fileName, String[] lines, String indent) {
        boolean group = !e.exceptions().isEmpty() && e.isInstance(ExcType.BASE_EXCEPTION_GROUP);
        String pre = group ? indent + "  | " : indent;
        if (group) {
            sb.append(indent).append("  + Exception Group Traceback (most recent call last):\n");
        } else if (!e.traceback().isEmpty()) {
            sb.append(indent).append("Traceback (most recent call last):\n");
        }
        List<PyException.TraceFrame> frames = new ArrayList<>(e.traceback());
        java.util.Collections.reverse(frames);
        // Like CPython, a frame repeated more than three times in a row is summarised.
        PyException.TraceFrame last = null;
        int repeats = 0;
        for (PyException.TraceFrame f : frames) {
            if (f.equals(last)) {
                repeats++;
                if (repeats >= 3) {
                    continue;
                }
            } else {
                flushRepeats(sb, pre, repeats);
                repeats = 0;
                last = f;
            }
            sb.append(pre).append("  File \"").append(fileName).append("\", line ").append(f.line())
                    .append(", in ").append(f.function()).append('\n');
            if (f.line() >= 1 && f.line() <= lines.length) {
                String src = lines[f.line() - 1].strip();
                if (!src.isEmpty()) {
                    sb.append(pre).append("    ").append(src).append('\n');
                }
            }
        }
        flushRepeats(sb, pre, repeats);
        sb.append(group ? pre : indent).append(lastLine(e)).append('\n');
        if (group) {
            int n = 1;
            for (PyException sub : e.exceptions()) {
                String head = n == 1 ? indent + "  +-+" : indent + "    +";
                sb.append(head).append("---------------- ").append(n).append(" ----------------\n");
                StringBuilder inner = new StringBuilder();
                chain(inner, sub, fileName, lines, new IdentityHashMap<>(), "");
                for (String l : inner.toString().split("\n")) {
                    sb.append(indent).append("    | ").append(l).append('\n');
                }
                n++;
            }
            sb.append(indent).append("    +------------------------------------\n");
        }
    }

    private static void flushRepeats(StringBuilder sb, String pre, int repeats) {
        if (repeats >= 3) {
            int more = repeats - 2;
            sb.append(pre).append("  [Previous line repeated ").append(more).append(" more time")
                    .append(more == 1 ? "" : "s").append("]\n");
        }
    }

    /** The traceback's last line: {@code TypeName: message}. */
    public static String lastLine(PyException e) {
        String msg = PyOps.excStr(e);
        String name = e.type().qualifiedName();
        return msg.isEmpty() ? name : name + ": " + msg;
    }
}
