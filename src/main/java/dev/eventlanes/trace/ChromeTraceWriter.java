package dev.eventlanes.trace;

import dev.eventlanes.model.Loop;
import dev.eventlanes.model.TraceKind;
import dev.eventlanes.model.TraceLog;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a recorded run in the Chrome Trace Event Format (the JSON object form), which Perfetto
 * (ui.perfetto.dev) and {@code chrome://tracing} open.
 *
 * <ul>
 * <li>One track per task: {@code tid} = task id + 1, named by {@code thread_name} metadata;
 * {@code tid 0} is "outside" (clicks, timers).</li>
 * <li>Duration slices ({@code ph "X"}) for the states a lane shows: {@code running},
 * {@code ready}, {@code waiting on E}, {@code sleeping}, {@code waiting for children}.</li>
 * <li>Instant events ({@code ph "i"}) for {@code set()}, {@code clear()}, {@code is_set()} and
 * prints.</li>
 * <li>A flow ({@code ph "s"} at the {@code set()}, {@code ph "f"} where the woken task next runs,
 * same {@code id}) from each {@code set()} to each waiter it woke.</li>
 * </ul>
 * Times are microseconds of virtual time. Many steps take no virtual time, so their slices have
 * zero duration: the order of events at one instant is the order in the file.
 */
public final class ChromeTraceWriter {
    private static final int OUTSIDE = 0;

    private ChromeTraceWriter() {
    }

    /** Writes the trace; {@code title} names the process track. */
    public static void write(TraceLog log, List<String> taskNames, List<String> eventNames, String title, Writer out)
            throws IOException {
        new Run(log, taskNames, eventNames, out).write(title);
    }

    /** As {@link #write(TraceLog, List, List, String, Writer)} with the names of {@code loop}'s tasks and events. */
    public static void write(TraceLog log, Loop loop, String title, Writer out) throws IOException {
        write(log, JsonLinesWriter.taskNames(loop), JsonLinesWriter.eventNames(loop), title, out);
    }

    private static final class Run {
        private final TraceLog log;
        private final List<String> tasks;
        private final List<String> events;
        private final Writer out;
        private final StringBuilder sb = new StringBuilder(256);
        private boolean first = true;
        /** Per task id: the open state slice's name and start time. */
        private final Map<Integer, String> state = new HashMap<>();
        private final Map<Integer, Double> since = new HashMap<>();
        /** Per task id: flows waiting for the task to run. */
        private final Map<Integer, List<Integer>> pendingFlows = new HashMap<>();
        private int nextFlow = 1;

        Run(TraceLog log, List<String> tasks, List<String> events, Writer out) {
            this.log = log;
            this.tasks = tasks;
            this.events = events;
            this.out = out;
        }

        void write(String title) throws IOException {
            out.write("{\"displayTimeUnit\":\"ms\",\"traceEvents\":[\n");
            begin();
            sb.append("{\"ph\":\"M\",\"pid\":1,\"tid\":0,\"name\":\"process_name\",\"args\":{\"name\":");
            Json.string(sb, title == null ? "Event Lanes" : title);
            sb.append("}}");
            emit();
            meta(OUTSIDE, "outside (clicks, timers)", -1);
            for (int t = 0; t < tasks.size(); t++) {
                meta(t + 1, tasks.get(t), t);
            }
            double end = 0;
            for (int i = 0; i < log.size(); i++) {
                entry(i);
                end = Math.max(end, log.time(i));
            }
            for (Integer t : new ArrayList<>(state.keySet())) {
                close(t, end);
            }
            out.write("\n]}\n");
            out.flush();
        }

        private void meta(int tid, String name, int sortIndex) throws IOException {
            begin();
            sb.append("{\"ph\":\"M\",\"pid\":1,\"tid\":").append(tid).append(",\"name\":\"thread_name\",\"args\":{\"name\":");
            Json.string(sb, name);
            sb.append("}}");
            emit();
            begin();
            sb.append("{\"ph\":\"M\",\"pid\":1,\"tid\":").append(tid)
                    .append(",\"name\":\"thread_sort_index\",\"args\":{\"sort_index\":").append(sortIndex + 1).append("}}");
            emit();
        }

        private void entry(int i) throws IOException {
            TraceKind k = log.kind(i);
            int task = log.task(i);
            double t = log.time(i);
            switch (k) {
                case SPAWN, WAKE -> open(task, "ready", t);
                case RUN -> {
                    open(task, "running", t);
                    List<Integer> flows = pendingFlows.remove(task);
                    if (flows != null) {
                        for (int id : flows) {
                            flow("f", id, task, t);
                        }
                    }
                }
                case SUSPEND -> open(task, suspended(i), t);
                case EXIT -> close(task, t);
                case SET -> {
                    instant(i, Json.name(events, log.event(i)) + ".set()");
                    flowFanOut(i);
                }
                case CLEAR -> instant(i, Json.name(events, log.event(i)) + ".clear()");
                case POLL -> instant(i, Json.name(events, log.event(i)) + ".is_set() -> " + log.text(i));
                case PRINT -> instant(i, "print: " + log.text(i));
                case ERROR -> instant(i, "error: " + log.text(i));
                default -> {
                    // SLEEP, TIMER, WAIT, CANCEL, EVENT_NEW: visible through the state slices.
                }
            }
        }

        /**
         * One flow per task the set() woke, each starting at the set() and ending where that
         * task next runs. The trace names those tasks in exactly {@code value} WAKE entries
         * right after the SET ({@link TraceKind#SET}); a WAKE saying "cancelled" is never one
         * of them, so a task that gave up waiting gets no arrow.
         */
        private void flowFanOut(int setIndex) throws IOException {
            int ev = log.event(setIndex);
            int setter = log.task(setIndex);
            int end = Math.min(log.size() - 1, setIndex + (int) log.value(setIndex));
            for (int j = setIndex + 1; j <= end; j++) {
                if (log.kind(j) != TraceKind.WAKE || log.event(j) != ev || !"event".equals(log.text(j))) {
                    // Not the trace the model promises: draw no arrow rather than a wrong one.
                    break;
                }
                int id = nextFlow++;
                flow("s", id, setter, log.time(setIndex));
                pendingFlows.computeIfAbsent(log.task(j), x -> new ArrayList<>()).add(id);
            }
        }

        /** The slice name for a suspension, from its one-word reason. */
        private String suspended(int i) {
            String why = log.text(i);
            int ev = log.event(i);
            return switch (why) {
                case "yield" -> "ready";
                case "sleep" -> "sleeping";
                case "event" -> "waiting on " + (ev >= 0 && ev < events.size() ? events.get(ev) : "an event") + ".wait()";
                case "children" -> "waiting for children";
                case "task" -> "waiting for a task";
                case "gather" -> "waiting in gather()";
                case "forever" -> "sleeping forever";
                default -> "waiting";
            };
        }

        private void open(int task, String name, double t) throws IOException {
            if (task < 0) {
                return;
            }
            close(task, t);
            state.put(task, name);
            since.put(task, t);
        }

        private void close(int task, double t) throws IOException {
            String name = state.remove(task);
            if (name == null) {
                return;
            }
            double from = since.remove(task);
            begin();
            sb.append("{\"ph\":\"X\",\"pid\":1,\"tid\":").append(task + 1).append(",\"name\":");
            Json.string(sb, name);
            sb.append(",\"cat\":\"state\",\"ts\":");
            Json.number(sb, micros(from));
            sb.append(",\"dur\":");
            Json.number(sb, Math.max(0, micros(t) - micros(from)));
            sb.append('}');
            emit();
        }

        private void instant(int i, String name) throws IOException {
            begin();
            sb.append("{\"ph\":\"i\",\"s\":\"t\",\"pid\":1,\"tid\":").append(log.task(i) + 1).append(",\"name\":");
            Json.string(sb, name);
            sb.append(",\"cat\":\"").append(log.kind(i).jsonName()).append("\",\"ts\":");
            Json.number(sb, micros(log.time(i)));
            sb.append(",\"args\":{\"seq\":").append(i).append(",\"line\":").append(log.line(i)).append("}}");
            emit();
        }

        private void flow(String ph, int id, int task, double t) throws IOException {
            begin();
            sb.append("{\"ph\":\"").append(ph).append("\",\"id\":").append(id)
                    .append(",\"pid\":1,\"tid\":").append(task + 1)
                    .append(",\"name\":\"wake-up\",\"cat\":\"wake\",\"ts\":");
            Json.number(sb, micros(t));
            if (ph.equals("f")) {
                sb.append(",\"bp\":\"e\"");
            }
            sb.append('}');
            emit();
        }

        private static double micros(double seconds) {
            return Math.round(seconds * 1e9) / 1e3;
        }

        private void begin() {
            sb.setLength(0);
            if (!first) {
                sb.append(",\n");
            }
            first = false;
        }

        private void emit() throws IOException {
            out.append(sb);
        }
    }
}
