package dev.eventlanes.scenario;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.eventlanes.lesson.Lesson;
import dev.eventlanes.lesson.LessonNotes;
import dev.eventlanes.model.Click;
import dev.eventlanes.model.Semantics;
import dev.eventlanes.model.Simulation;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and writes scenario files: JSON, format version {@value Scenario#VERSION}, described in
 * {@code docs/scenario-format.md}.
 *
 * <p>Reading never throws: it returns a {@link ReadResult} holding either the scenario or every
 * problem found, each naming its place ({@code tasks[2].ops[5]: unknown op 'sett' (...)}), so a
 * user fixes a file in one go. Writing a scenario with its click log and reading it back gives an
 * equal scenario, so a saved session replays exactly.
 */
public final class ScenarioJson {
    /** Files larger than this are refused before parsing. */
    public static final long MAX_BYTES = 5L * 1024 * 1024;
    /** Ops per task: a script body runs ops that complete at once without unwinding the stack. */
    public static final int MAX_OPS_PER_TASK = 10_000;

    static final List<String> OP_NAMES = List.of("wait", "set", "clear", "poll", "sleep", "spawn", "print",
            "poll_until_set", "join");
    static final List<String> CLICK_NAMES = List.of("set", "clear", "add_task", "add_event", "append_op");
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    /** A language code in a {@code lesson} object ({@code "zh"}, {@code "zh-CN"}). */
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(?:[-_][A-Za-z0-9]{1,8})*");

    /** Held apart so that checking and decoding a file (also for .py programs) does not load Jackson. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(SerializationFeature.INDENT_OUTPUT);
    }

    private ScenarioJson() {
    }

    /**
     * The outcome of reading: a scenario, or the problems (never both).
     *
     * @param scenario the scenario, or null if there were errors
     * @param errors   every problem found, in file order
     */
    public record ReadResult(Scenario scenario, List<String> errors) {
        public ReadResult {
            errors = List.copyOf(errors);
        }

        public boolean ok() {
            return scenario != null;
        }

        static ReadResult failed(String error) {
            return new ReadResult(null, List.of(error));
        }
    }

    /** Reads a scenario file, refusing what is not a text file of a sensible size. */
    public static ReadResult read(Path file) {
        String checked = checkFile(file);
        if (checked != null) {
            return ReadResult.failed(checked);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException | SecurityException e) {
            return ReadResult.failed(file + ": cannot be read (" + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()) + ")");
        }
        return read(bytes);
    }

    /**
     * Why a path cannot be read as a scenario (missing, a directory, too large), or null if it
     * looks readable. Shared with the command line, which reads other kinds of files too.
     */
    public static String checkFile(Path file) {
        if (!Files.exists(file)) {
            return file + ": no such file";
        }
        if (Files.isDirectory(file)) {
            return file + ": is a directory, not a file";
        }
        if (!Files.isReadable(file)) {
            return file + ": permission denied";
        }
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                return file + ": file is too large (" + size + " bytes; at most " + MAX_BYTES + ")";
            }
        } catch (IOException e) {
            return file + ": cannot be read (" + e.getMessage() + ")";
        }
        return null;
    }

    /**
     * Decodes file content as UTF-8 text, or says why it is not text.
     *
     * @return {@code [text, null]} or {@code [null, error]}
     */
    public static String[] decodeText(byte[] bytes) {
        if (bytes.length > MAX_BYTES) {
            return new String[] {null, "file is too large (" + bytes.length + " bytes; at most " + MAX_BYTES + ")"};
        }
        for (byte b : bytes) {
            if (b == 0) {
                return new String[] {null, "not a text file: it contains NUL bytes (binary content)"};
            }
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            if (text.startsWith("\uFEFF")) {
                text = text.substring(1);
            }
            return new String[] {text, null};
        } catch (CharacterCodingException e) {
            return new String[] {null, "not a text file: it is not valid UTF-8"};
        }
    }

    /** Reads scenario JSON from raw bytes (UTF-8). */
    public static ReadResult read(byte[] bytes) {
        String[] decoded = decodeText(bytes);
        if (decoded[0] == null) {
            return ReadResult.failed(decoded[1]);
        }
        return read(decoded[0]);
    }

    /** Reads scenario JSON text. */
    public static ReadResult read(String text) {
        if (text.length() > MAX_BYTES) {
            return ReadResult.failed("file is too large (" + text.length() + " characters; at most " + MAX_BYTES + ")");
        }
        JsonNode root;
        try {
            root = Json.MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String msg = e.getOriginalMessage() == null ? "malformed" : e.getOriginalMessage().lines().findFirst().orElse("");
            String where = loc == null ? "" : "line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ": ";
            return ReadResult.failed(where + "invalid JSON: " + msg);
        } catch (RuntimeException e) {
            // Jackson signals some limits (nesting depth, number length) with unchecked exceptions.
            return ReadResult.failed("invalid JSON: " + e.getMessage());
        }
        if (root == null || root.isMissingNode()) {
            return ReadResult.failed("the file is empty: expected a JSON object");
        }
        return new Reader().scenario(root);
    }

    /** The tree walker; one method per part of the format, errors collected as it goes. */
    private static final class Reader {
        private final List<String> errors = new ArrayList<>();
        private final Set<String> events = new LinkedHashSet<>();
        private final Set<String> taskNames = new HashSet<>();

        ReadResult scenario(JsonNode root) {
            if (!root.isObject()) {
                return ReadResult.failed("expected a JSON object at the top, found " + kind(root));
            }
            JsonNode v = root.get("version");
            if (v == null) {
                return ReadResult.failed("version: missing (this build reads version " + Scenario.VERSION + ")");
            }
            if (!v.isIntegralNumber()) {
                return ReadResult.failed("version: expected an integer, found " + kind(v));
            }
            if (v.asLong() != Scenario.VERSION) {
                return ReadResult.failed("version " + v.asText() + " is not supported (this build reads version "
                        + Scenario.VERSION + ")");
            }
            fields("", root, List.of("version", "title", "lesson", "semantics", "seed", "interactive", "events", "tasks",
                    "clicks"));
            String title = optString("title", root.get("title"), "untitled");
            LessonNotes lesson = lesson(root.get("lesson"), title);
            Semantics semantics = semantics(root.get("semantics"));
            long seed = 0;
            JsonNode s = root.get("seed");
            if (s != null) {
                if (s.isIntegralNumber() && s.canConvertToLong()) {
                    seed = s.asLong();
                } else {
                    error("seed", "expected an integer, found " + kind(s));
                }
            }
            boolean interactive = false;
            JsonNode i = root.get("interactive");
            if (i != null) {
                if (i.isBoolean()) {
                    interactive = i.asBoolean();
                } else {
                    error("interactive", "expected true or false, found " + kind(i));
                }
            }
            eventNames(root.get("events"));
            List<JsonNode> taskNodes = array("tasks", root.get("tasks"));
            // Names first, so a spawn may name a task declared after it.
            for (int t = 0; t < taskNodes.size(); t++) {
                JsonNode n = taskNodes.get(t).get("name");
                if (n != null && n.isTextual()) {
                    taskNames.add(n.asText());
                }
            }
            List<TaskSpec> tasks = new ArrayList<>();
            Set<String> seenTasks = new HashSet<>();
            for (int t = 0; t < taskNodes.size(); t++) {
                TaskSpec spec = task("tasks[" + t + "]", taskNodes.get(t), seenTasks, interactive,
                        taskNodes.isEmpty() ? null : entryName(taskNodes));
                if (spec != null) {
                    tasks.add(spec);
                }
            }
            if (taskNodes.isEmpty() && !interactive && root.get("tasks") != null && root.get("tasks").isArray()) {
                error("tasks", "a scenario needs at least one task (the first is the entry task)");
            }
            List<Simulation.LoggedClick> clicks = clicks(root.get("clicks"));
            if (!errors.isEmpty() || semantics == null) {
                return new ReadResult(null, errors);
            }
            return new ReadResult(new Scenario(Scenario.VERSION, title, semantics, seed, List.copyOf(events), tasks,
                    interactive, clicks, lesson), List.of());
        }

        /**
         * The {@code lesson} object. Its problems never stop the scenario from opening, as a
         * Python program's malformed lesson block does not: they are kept with the notes, each
         * naming its field ({@code lesson.zh.watch: ...}), for the lesson panel to show.
         */
        private LessonNotes lesson(JsonNode n, String title) {
            if (n == null) {
                return LessonNotes.NONE;
            }
            LessonNotes.Builder b = new LessonNotes.Builder();
            if (!n.isObject()) {
                b.problem("lesson", "expected an object like {\"title\": \"...\", \"watch\": \"...\"}, found " + kind(n));
                return b.build();
            }
            lessonFields("lesson", "", n, b);
            if (!b.isEmpty()) {
                b.fallback(LessonNotes.Field.TITLE, title);
            }
            return b.build();
        }

        private void lessonFields(String path, String language, JsonNode n, LessonNotes.Builder b) {
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String k = e.getKey();
                JsonNode v = e.getValue();
                LessonNotes.Field f = lessonField(k);
                if (f != null) {
                    if (v.isTextual()) {
                        b.put(path + "." + k, k, language, f, v.asText());
                    } else {
                        b.problem(path + "." + k, "expected a string, found " + kind(v));
                    }
                } else if (language.isEmpty() && LANGUAGE.matcher(k).matches()) {
                    if (v.isObject()) {
                        lessonFields(path + "." + k, k, v, b);
                    } else {
                        b.problem(path + "." + k, "expected an object with the lesson in language '" + k + "', found "
                                + kind(v) + " (or is it a misspelt field? expected title, shows, watch, ask)");
                    }
                } else {
                    b.problem(path, "unknown field '" + k + "' (expected title, shows, watch, ask"
                            + (language.isEmpty() ? ", or a language code such as zh holding those" : "") + ")");
                }
            }
        }

        private static LessonNotes.Field lessonField(String key) {
            for (LessonNotes.Field f : LessonNotes.Field.values()) {
                if (f.jsonKey().equals(key)) {
                    return f;
                }
            }
            return null;
        }

        private String entryName(List<JsonNode> taskNodes) {
            JsonNode n = taskNodes.get(0).get("name");
            return n != null && n.isTextual() ? n.asText() : null;
        }

        private Semantics semantics(JsonNode n) {
            if (n == null) {
                error("semantics", "missing (expected \"asyncio\", \"anyio\" or \"trio\")");
                return null;
            }
            if (!n.isTextual()) {
                error("semantics", "expected a string, found " + kind(n));
                return null;
            }
            for (Semantics s : Semantics.values()) {
                if (s.library().equals(n.asText())) {
                    return s;
                }
            }
            error("semantics", "unknown semantics '" + n.asText() + "' (expected one of asyncio, anyio, trio)");
            return null;
        }

        private void eventNames(JsonNode n) {
            List<JsonNode> items = array("events", n);
            for (int i = 0; i < items.size(); i++) {
                String name = name("events[" + i + "]", items.get(i), "event");
                if (name != null && !events.add(name)) {
                    error("events[" + i + "]", "duplicate event name '" + name + "'");
                }
            }
        }

        private TaskSpec task(String path, JsonNode n, Set<String> seen, boolean interactive, String entry) {
            if (!n.isObject()) {
                error(path, "expected an object with \"name\" and \"ops\", found " + kind(n));
                return null;
            }
            fields(path, n, List.of("name", "ops"));
            String name = n.get("name") == null ? null : name(path + ".name", n.get("name"), "task");
            if (n.get("name") == null) {
                error(path, "missing field 'name'");
            }
            if (name != null && !seen.add(name)) {
                error(path + ".name", "duplicate task name '" + name + "'");
            }
            List<JsonNode> opNodes = array(path + ".ops", n.get("ops"));
            if (opNodes.size() > MAX_OPS_PER_TASK) {
                error(path + ".ops", "too many ops (" + opNodes.size() + "; at most " + MAX_OPS_PER_TASK + ")");
                return null;
            }
            List<Op> ops = new ArrayList<>();
            for (int i = 0; i < opNodes.size(); i++) {
                Op op = op(path + ".ops[" + i + "]", opNodes.get(i), events, interactive ? null : entry);
                if (op != null) {
                    ops.add(op);
                }
            }
            return name == null ? null : new TaskSpec(name, ops);
        }

        /** One op; {@code knownEvents} are the events that exist where it runs. */
        private Op op(String path, JsonNode n, Set<String> knownEvents, String entry) {
            if (!n.isObject()) {
                error(path, "expected an op object like {\"op\": \"wait\", \"event\": \"done\"}, found " + kind(n));
                return null;
            }
            JsonNode kindNode = n.get("op");
            if (kindNode == null || !kindNode.isTextual()) {
                error(path, kindNode == null ? "missing field 'op' (expected one of " + String.join(", ", OP_NAMES) + ")"
                        : "field 'op' must be a string, found " + kind(kindNode));
                return null;
            }
            String k = kindNode.asText();
            switch (k) {
                case "wait", "set", "clear", "poll" -> {
                    fields(path, n, List.of("op", "event"));
                    String e = event(path, n, knownEvents);
                    if (e == null) {
                        return null;
                    }
                    return switch (k) {
                        case "wait" -> new Op.Wait(e);
                        case "set" -> new Op.Set(e);
                        case "clear" -> new Op.Clear(e);
                        default -> new Op.Poll(e);
                    };
                }
                case "sleep" -> {
                    fields(path, n, List.of("op", "seconds"));
                    Double s = seconds(path, n, "seconds", false);
                    return s == null ? null : new Op.Sleep(s);
                }
                case "spawn" -> {
                    fields(path, n, List.of("op", "task"));
                    String t = string(path, n, "task");
                    if (t == null) {
                        return null;
                    }
                    if (!taskNames.contains(t)) {
                        error(path, "task '" + t + "' is not declared");
                        return null;
                    }
                    if (t.equals(entry)) {
                        error(path, "cannot spawn the entry task '" + t + "' (it is already running as the main task)");
                        return null;
                    }
                    return new Op.Spawn(t);
                }
                case "print" -> {
                    fields(path, n, List.of("op", "text"));
                    String t = string(path, n, "text");
                    if (t == null) {
                        return null;
                    }
                    return printText(path, t, knownEvents) ? new Op.Print(t) : null;
                }
                case "poll_until_set" -> {
                    fields(path, n, List.of("op", "event", "interval", "print"));
                    String e = event(path, n, knownEvents);
                    Double s = seconds(path, n, "interval", true);
                    String p = null;
                    if (n.get("print") != null) {
                        p = string(path, n, "print");
                        if (p != null && !printText(path, p, knownEvents)) {
                            return null;
                        }
                    }
                    return e == null || s == null ? null : new Op.PollUntilSet(e, s, p);
                }
                case "join" -> {
                    fields(path, n, List.of("op"));
                    return new Op.Join();
                }
                default -> {
                    error(path, "unknown op '" + k + "' (expected one of " + String.join(", ", OP_NAMES) + ")");
                    return null;
                }
            }
        }

        private boolean printText(String path, String text, Set<String> knownEvents) {
            List<String> problems = PrintText.validate(text, knownEvents::contains);
            for (String p : problems) {
                error(path, p);
            }
            return problems.isEmpty();
        }

        private String event(String path, JsonNode n, Set<String> knownEvents) {
            String e = string(path, n, "event");
            if (e != null && !knownEvents.contains(e)) {
                error(path, "event '" + e + "' is not declared");
                return null;
            }
            return e;
        }

        private Double seconds(String path, JsonNode n, String field, boolean positive) {
            JsonNode s = n.get(field);
            if (s == null) {
                error(path, "missing field '" + field + "'");
                return null;
            }
            if (!s.isNumber()) {
                error(path + "." + field, "expected a number of seconds, found " + kind(s));
                return null;
            }
            double d = s.asDouble();
            if (!Double.isFinite(d) || d < 0 || (positive && d == 0)) {
                error(path + "." + field, "expected a number of seconds " + (positive ? "above 0" : "of 0 or more")
                        + ", found " + s.asText());
                return null;
            }
            return d;
        }

        private List<Simulation.LoggedClick> clicks(JsonNode n) {
            List<Simulation.LoggedClick> out = new ArrayList<>();
            if (n == null) {
                return out;
            }
            List<JsonNode> items = array("clicks", n);
            Set<String> knownEvents = new LinkedHashSet<>(events);
            long lastAt = 0;
            for (int i = 0; i < items.size(); i++) {
                String path = "clicks[" + i + "]";
                JsonNode c = items.get(i);
                if (!c.isObject()) {
                    error(path, "expected a click object like {\"at\": 3, \"action\": \"set\", \"event\": \"done\"}, found "
                            + kind(c));
                    continue;
                }
                JsonNode at = c.get("at");
                if (at == null || !at.isIntegralNumber() || at.asLong() < 0) {
                    error(path + ".at", at == null ? "missing (the loop position of the click)"
                            : "expected a non-negative integer, found " + at.asText());
                    continue;
                }
                if (at.asLong() < lastAt) {
                    error(path + ".at", "clicks must be in order: " + at.asLong() + " comes after " + lastAt);
                }
                lastAt = at.asLong();
                Click click = click(path, c, knownEvents);
                if (click != null) {
                    out.add(new Simulation.LoggedClick(at.asLong(), click));
                }
            }
            return out;
        }

        private Click click(String path, JsonNode c, Set<String> knownEvents) {
            String action = string(path, c, "action");
            if (action == null) {
                return null;
            }
            switch (action) {
                case "set", "clear" -> {
                    fields(path, c, List.of("at", "action", "event"));
                    String e = event(path, c, knownEvents);
                    if (e == null) {
                        return null;
                    }
                    return action.equals("set") ? new ScenarioClicks.SetEvent(e) : new ScenarioClicks.ClearEvent(e);
                }
                case "add_event" -> {
                    fields(path, c, List.of("at", "action", "event"));
                    String e = string(path, c, "event");
                    if (e == null) {
                        return null;
                    }
                    knownEvents.add(e);
                    return new ScenarioClicks.AddEvent(e);
                }
                case "add_task" -> {
                    fields(path, c, List.of("at", "action", "task"));
                    String t = string(path, c, "task");
                    return t == null ? null : new ScenarioClicks.AddTask(t);
                }
                case "append_op" -> {
                    fields(path, c, List.of("at", "action", "task", "op"));
                    String t = string(path, c, "task");
                    JsonNode o = c.get("op");
                    if (o == null) {
                        error(path, "missing field 'op'");
                        return null;
                    }
                    Op op = op(path + ".op", o, knownEvents, null);
                    return t == null || op == null ? null : new ScenarioClicks.AppendOp(t, op);
                }
                default -> {
                    error(path, "unknown action '" + action + "' (expected one of " + String.join(", ", CLICK_NAMES) + ")");
                    return null;
                }
            }
        }

        private String name(String path, JsonNode n, String what) {
            if (!n.isTextual()) {
                error(path, "expected a " + what + " name (a string), found " + kind(n));
                return null;
            }
            String s = n.asText();
            if (!NAME.matcher(s).matches()) {
                error(path, "'" + s + "' is not a valid " + what + " name (use a Python identifier: letters, digits, _)");
                return null;
            }
            return s;
        }

        private String string(String path, JsonNode n, String field) {
            JsonNode v = n.get(field);
            if (v == null) {
                error(path, "missing field '" + field + "'");
                return null;
            }
            if (!v.isTextual()) {
                error(path + "." + field, "expected a string, found " + kind(v));
                return null;
            }
            return v.asText();
        }

        private String optString(String path, JsonNode v, String dflt) {
            if (v == null) {
                return dflt;
            }
            if (!v.isTextual()) {
                error(path, "expected a string, found " + kind(v));
                return dflt;
            }
            return v.asText();
        }

        private List<JsonNode> array(String path, JsonNode n) {
            List<JsonNode> out = new ArrayList<>();
            if (n == null) {
                error(path, "missing (expected an array)");
                return out;
            }
            if (!n.isArray()) {
                error(path, "expected an array, found " + kind(n));
                return out;
            }
            n.forEach(out::add);
            return out;
        }

        private void fields(String path, JsonNode n, List<String> allowed) {
            Iterator<Map.Entry<String, JsonNode>> it = n.fields();
            while (it.hasNext()) {
                String f = it.next().getKey();
                if (!allowed.contains(f)) {
                    String where = path.isEmpty() ? "" : path + ": ";
                    String op = n.get("op") != null && n.get("op").isTextual() ? " for op '" + n.get("op").asText() + "'" : "";
                    errors.add(where + "unknown field '" + f + "'" + op + " (expected " + String.join(", ", allowed) + ")");
                }
            }
        }

        private void error(String path, String message) {
            errors.add(path + ": " + message);
        }

        private static String kind(JsonNode n) {
            if (n.isTextual()) {
                return "a string";
            }
            if (n.isNumber()) {
                return "a number";
            }
            if (n.isBoolean()) {
                return n.asText();
            }
            if (n.isNull()) {
                return "null";
            }
            if (n.isArray()) {
                return "an array";
            }
            return n.isObject() ? "an object" : n.getNodeType().name().toLowerCase();
        }
    }

    // ---------------------------------------------------------------- writing

    /**
     * The scenario as JSON text (indented, fields in a fixed order, ending with a newline).
     *
     * @throws IllegalArgumentException if the click log holds a click a file cannot hold (not one
     *     of {@link ScenarioClicks}' records or the model's set/clear clicks)
     */
    public static String write(Scenario scenario) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("version", scenario.version());
        root.put("title", scenario.title());
        if (!scenario.lesson().isEmpty()) {
            root.set("lesson", lessonNode(scenario.lesson()));
        }
        root.put("semantics", scenario.semantics().library());
        root.put("seed", scenario.seed());
        if (scenario.interactive()) {
            root.put("interactive", true);
        }
        ArrayNode events = root.putArray("events");
        scenario.events().forEach(events::add);
        ArrayNode tasks = root.putArray("tasks");
        for (TaskSpec t : scenario.tasks()) {
            ObjectNode tn = tasks.addObject();
            tn.put("name", t.name());
            ArrayNode ops = tn.putArray("ops");
            for (Op op : t.ops()) {
                ops.add(opNode(op));
            }
        }
        if (!scenario.clicks().isEmpty()) {
            ArrayNode clicks = root.putArray("clicks");
            for (Simulation.LoggedClick lc : scenario.clicks()) {
                clicks.add(clickNode(lc));
            }
        }
        try {
            return Json.MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree could not be written", e);
        }
    }

    /** The notes' own language's fields first, then an object per other language. */
    private static ObjectNode lessonNode(LessonNotes notes) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        Lesson own = notes.languages().get("");
        if (own != null) {
            lessonFields(n, own);
        }
        for (Map.Entry<String, Lesson> e : notes.languages().entrySet()) {
            if (!e.getKey().isEmpty()) {
                lessonFields(n.putObject(e.getKey()), e.getValue());
            }
        }
        return n;
    }

    private static void lessonFields(ObjectNode n, Lesson l) {
        for (LessonNotes.Field f : LessonNotes.Field.values()) {
            String v = f.of(l);
            if (!v.isEmpty()) {
                n.put(f.jsonKey(), v);
            }
        }
    }

    private static ObjectNode opNode(Op op) {
        ObjectNode n = Json.MAPPER.createObjectNode();
        if (op instanceof Op.Wait w) {
            n.put("op", "wait").put("event", w.event());
        } else if (op instanceof Op.Set s) {
            n.put("op", "set").put("event", s.event());
        } else if (op instanceof Op.Clear c) {
            n.put("op", "clear").put("event", c.event());
        } else if (op instanceof Op.Poll p) {
            n.put("op", "poll").put("event", p.event());
        } else if (op instanceof Op.Sleep s) {
            n.put("op", "sleep").put("seconds", s.seconds());
        } else if (op instanceof Op.Spawn s) {
            n.put("op", "spawn").put("task", s.task());
        } else if (op instanceof Op.Print p) {
            n.put("op", "print").put("text", p.text());
        } else if (op instanceof Op.PollUntilSet p) {
            n.put("op", "poll_until_set").put("event", p.event()).put("interval", p.interval());
            if (p.print() != null) {
                n.put("print", p.print());
            }
        } else if (op instanceof Op.Join) {
            n.put("op", "join");
        }
        return n;
    }

    private static ObjectNode clickNode(Simulation.LoggedClick lc) {
        Click c = ScenarioClicks.normalize(lc.click());
        if (c == null) {
            throw new IllegalArgumentException("a scenario file cannot hold this click: " + lc.click().describe());
        }
        ObjectNode n = Json.MAPPER.createObjectNode();
        n.put("at", lc.atHandle());
        if (c instanceof ScenarioClicks.SetEvent s) {
            n.put("action", "set").put("event", s.event());
        } else if (c instanceof ScenarioClicks.ClearEvent s) {
            n.put("action", "clear").put("event", s.event());
        } else if (c instanceof ScenarioClicks.AddEvent s) {
            n.put("action", "add_event").put("event", s.event());
        } else if (c instanceof ScenarioClicks.AddTask s) {
            n.put("action", "add_task").put("task", s.task());
        } else if (c instanceof ScenarioClicks.AppendOp s) {
            n.put("action", "append_op").put("task", s.task());
            n.set("op", opNode(s.op()));
        }
        return n;
    }
}
