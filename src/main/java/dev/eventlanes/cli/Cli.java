package dev.eventlanes.cli;

import dev.eventlanes.python.PythonProgram;

import dev.eventlanes.model.Loop;
import dev.eventlanes.model.Program;
import dev.eventlanes.model.PyException;
import dev.eventlanes.model.RunResult;
import dev.eventlanes.model.Semantics;
import dev.eventlanes.model.Simulation;
import dev.eventlanes.model.TraceKind;
import dev.eventlanes.model.TraceListener;
import dev.eventlanes.scenario.Scenario;
import dev.eventlanes.scene.PictureMaker;
import dev.eventlanes.scenario.ScenarioJson;
import dev.eventlanes.scenario.ScriptBody;
import dev.eventlanes.trace.ChromeTraceWriter;
import dev.eventlanes.trace.JsonLinesWriter;
import java.io.IOException;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The headless command line: {@code run} a scenario (or, through a {@link ProgramLoader}, a
 * program) and {@code bench} the model core.
 *
 * <p>Contract: standard output carries exactly what the program printed, one line per
 * {@code print}, and nothing else; diagnostics go to standard error. Exit codes follow BSD
 * {@code sysexits}: {@link #OK}, {@link #USAGE}, {@link #DATA_ERR} (bad input file),
 * {@link #SOFTWARE} (deadlock, runaway, an uncaught exception, or a run that never ends). Bad
 * input never produces a Java stack trace.
 */
public final class Cli {
    public static final int OK = 0;
    public static final int USAGE = 64;
    public static final int DATA_ERR = 65;
    public static final int SOFTWARE = 70;

    static final String USAGE_TEXT = """
            usage: event-lanes run FILE [--semantics asyncio|anyio|trio] [--seed N]
                                        [--trace OUT.jsonl] [--chrome-trace OUT.json] [--op-limit N]
                   event-lanes render FILE --png OUT.png [--scene OUT.json] [--at-step N | --at-time T]
                                        [--width W] [--height H] [--semantics ...] [--seed N]
                                        [--lang en|zh] [--theme light|dark|contrast] [--window]
                                        [--zoom PERCENT] [--presentation]
                   event-lanes bench
                   event-lanes              (no arguments: open the window)

              run     runs a .json scenario (or a .py program, where supported) on the virtual
                      clock and prints its output; diagnostics go to standard error
              render  draws the run as the window's lanes show it (--window: the whole window)
                      at that moment (default: its end), without a display; --scene also
                      writes what was drawn as JSON (docs/scene-format.md); --zoom 50..300
                      sizes it as the window's zoom does, --presentation draws the window in
                      presentation mode (with --window)
              bench   measures the model core (handoffs and wake-ups per second, trace memory)

            exit codes: 0 ok, 64 usage error, 65 bad input file,
                        70 deadlock, runaway task or uncaught exception
            """;

    private final PrintStream out;
    private final PrintStream err;

    private Cli(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    /** Runs the command line on the process's standard streams and returns the exit code. */
    public static int main(String[] args) {
        return execute(args, System.out, System.err);
    }

    /** The window's class, reached by reflection so a headless run never loads JavaFX. */
    static final String APP_CLASS = "dev.eventlanes.ui.EventLanesApp";

    /**
     * Opens the window ({@code EventLanesApp.main}) and returns when it closes; prints why not
     * and returns {@link #SOFTWARE} if this build has no window or it cannot start.
     */
    public static int openWindow(String[] args) {
        try {
            Class.forName(APP_CLASS).getMethod("main", String[].class).invoke(null, (Object) args);
            return OK;
        } catch (ClassNotFoundException | NoSuchMethodException e) {
            System.err.println("event-lanes: this build has no window (" + APP_CLASS + " is missing);"
                    + " use the command line instead:");
            System.err.print(USAGE_TEXT);
            return SOFTWARE;
        } catch (java.lang.reflect.InvocationTargetException e) {
            System.err.println("event-lanes: the window could not start: " + e.getCause());
            return SOFTWARE;
        } catch (IllegalAccessException | LinkageError e) {
            System.err.println("event-lanes: the window could not start: " + e);
            return SOFTWARE;
        }
    }

    /** The picture {@code render} draws, given by the launcher (the window's package draws it); null: none. */
    private PictureMaker pictures;

    /**
     * Runs the command line, {@code render} included, on the process's standard streams and
     * returns the exit code.
     */
    public static int main(String[] args, PictureMaker pictures) {
        return execute(args, System.out, System.err, pictures);
    }

    /** Runs the command line on the given streams and returns the exit code. */
    public static int execute(String[] args, PrintStream out, PrintStream err) {
        return execute(args, out, err, null);
    }

    /** Runs the command line on the given streams, drawing with {@code pictures}, and returns the exit code. */
    public static int execute(String[] args, PrintStream out, PrintStream err, PictureMaker pictures) {
        Cli cli = new Cli(out, err);
        cli.pictures = pictures;
        try {
            return cli.dispatch(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    private int dispatch(String[] args) {
        if (args.length == 0) {
            return usage("no command given");
        }
        // "run --help" is a question, not a FILE or an option missing its value.
        for (String a : args) {
            if (a.equals("-h") || a.equals("--help")) {
                out.print(USAGE_TEXT);
                return OK;
            }
        }
        return switch (args[0]) {
            case "run" -> run(args);
            case "render" -> render(args);
            case "bench" -> {
                if (args.length > 1) {
                    yield usage("bench takes no arguments");
                }
                new Bench(out).run();
                yield OK;
            }
            case "help" -> {
                out.print(USAGE_TEXT);
                yield OK;
            }
            default -> usage("unknown command '" + args[0] + "'");
        };
    }

    private int usage(String problem) {
        err.println("event-lanes: " + problem);
        err.print(USAGE_TEXT);
        return USAGE;
    }

    /** The options of {@code run}. */
    private record RunArgs(String file, Semantics semantics, Long seed, String trace, String chrome, long opLimit) {
        /** Recording the trace costs time: only when a trace file is asked for. */
        boolean records() {
            return trace != null || chrome != null;
        }
    }

    private int run(String[] args) {
        String file = null;
        Semantics semantics = null;
        Long seed = null;
        String trace = null;
        String chrome = null;
        long opLimit = Loop.DEFAULT_OP_LIMIT;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.startsWith("--") && !a.equals("--")) {
                String name = a;
                String value;
                int eq = a.indexOf('=');
                if (eq > 0) {
                    name = a.substring(0, eq);
                    value = a.substring(eq + 1);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    return usage("option " + a + " needs a value");
                }
                switch (name) {
                    case "--semantics" -> {
                        try {
                            semantics = Semantics.parse(value);
                        } catch (IllegalArgumentException e) {
                            return usage(e.getMessage());
                        }
                    }
                    case "--seed" -> {
                        try {
                            seed = Long.parseLong(value);
                        } catch (NumberFormatException e) {
                            return usage("--seed needs an integer, not '" + value + "'");
                        }
                    }
                    case "--op-limit" -> {
                        try {
                            opLimit = Long.parseLong(value);
                        } catch (NumberFormatException e) {
                            return usage("--op-limit needs an integer, not '" + value + "'");
                        }
                        if (opLimit < 1) {
                            return usage("--op-limit must be at least 1");
                        }
                    }
                    case "--trace" -> trace = value;
                    case "--chrome-trace" -> chrome = value;
                    default -> {
                        return usage("unknown option " + name);
                    }
                }
            } else if (file == null) {
                file = a;
            } else {
                return usage("more than one FILE given ('" + file + "' and '" + a + "')");
            }
        }
        if (file == null) {
            return usage("run needs a FILE");
        }
        return run(new RunArgs(file, semantics, seed, trace, chrome, opLimit));
    }

    private int run(RunArgs a) {
        Path path = Path.of(a.file());
        String text = readText(path);
        if (text == null) {
            return DATA_ERR;
        }
        String name = path.getFileName().toString();
        Simulation sim;
        if (name.endsWith(".json")) {
            ScenarioJson.ReadResult r = ScenarioJson.read(text);
            if (!r.ok()) {
                return badInput(path, r.errors());
            }
            Scenario s = r.scenario();
            if (a.semantics() != null) {
                s = s.withSemantics(a.semantics());
            }
            if (a.seed() != null) {
                s = s.withSeed(a.seed());
            }
            // Scenarios are small: always record, so failures can name the task and op.
            sim = new Simulation(s, s.semantics(), s.seed(), a.opLimit(), out::print, true);
            if (!s.clicks().isEmpty() && !sim.replay(s.clicks())) {
                err.println("event-lanes: " + path + ": the saved clicks do not fit this run (a click was refused"
                        + " or came after the run ended); was the file edited, or run with other --semantics/--seed?");
                return DATA_ERR;
            }
        } else {
            ProgramLoader loader = ProgramLoaders.find(name);
            if (loader == null) {
                err.println("event-lanes: " + path + ": unknown kind of file (expected a .py program or a .json scenario)");
                return DATA_ERR;
            }
            ProgramLoader.Result r;
            try {
                r = loader.load(name, text);
            } catch (RuntimeException e) {
                err.println("event-lanes: " + path + ": the program loader failed: " + e);
                return SOFTWARE;
            }
            if (r.program() == null) {
                return badInput(path, r.errors());
            }
            Program p = r.program();
            Semantics sem = a.semantics() != null ? a.semantics() : p.semantics();
            sim = new Simulation(p, sem, a.seed() == null ? 0 : a.seed(), a.opLimit(), out::print, a.records());
        }
        int code = finish(sim);
        out.flush();
        int written = writeTraces(sim, a);
        return code != OK ? code : written;
    }

    /** The file's text, checked and decoded as {@code run} reads it, or null (reported) if it cannot be. */
    private String readText(Path path) {
        String problem = ScenarioJson.checkFile(path);
        if (problem != null) {
            err.println("event-lanes: " + problem);
            return null;
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(path);
        } catch (IOException | RuntimeException e) {
            err.println("event-lanes: " + path + ": cannot be read (" + e.getMessage() + ")");
            return null;
        }
        String[] decoded = ScenarioJson.decodeText(bytes);
        if (decoded[0] == null) {
            err.println("event-lanes: " + path + ": " + decoded[1]);
            return null;
        }
        return decoded[0];
    }

    private int render(String[] args) {
        String file = null;
        Semantics semantics = null;
        Long seed = null;
        Integer atStep = null;
        Double atTime = null;
        int width = 0;
        int height = 0;
        String lang = "en";
        String theme = null;
        String png = null;
        String scene = null;
        boolean window = false;
        boolean presentation = false;
        Double zoom = null;
        for (int i = 1; i < args.length; i++) {
            String a = args[i];
            if (a.equals("--window")) {
                window = true;
            } else if (a.equals("--presentation")) {
                presentation = true;
            } else if (a.startsWith("--") && !a.equals("--")) {
                String name = a;
                String value;
                int eq = a.indexOf('=');
                if (eq > 0) {
                    name = a.substring(0, eq);
                    value = a.substring(eq + 1);
                } else if (i + 1 < args.length) {
                    value = args[++i];
                } else {
                    return usage("option " + a + " needs a value");
                }
                try {
                    switch (name) {
                        case "--png" -> png = value;
                        case "--scene" -> scene = value;
                        case "--semantics" -> semantics = Semantics.parse(value);
                        case "--seed" -> seed = Long.parseLong(value);
                        case "--at-step" -> {
                            atStep = Integer.parseInt(value);
                            if (atStep < 0) {
                                return usage("--at-step must be 0 or more");
                            }
                        }
                        case "--at-time" -> {
                            atTime = Double.parseDouble(value);
                            if (!(atTime >= 0) || atTime.isInfinite()) {
                                return usage("--at-time must be a time in seconds, 0 or more");
                            }
                        }
                        case "--zoom" -> {
                            double pct = Double.parseDouble(value.endsWith("%") ? value.substring(0, value.length() - 1) : value);
                            if (!(pct >= 50 && pct <= 300)) {
                                return usage("--zoom must be a percentage from 50 to 300, not '" + value + "'");
                            }
                            zoom = pct / 100;
                        }
                        case "--width" -> width = size("--width", value);
                        case "--height" -> height = size("--height", value);
                        case "--lang" -> {
                            if (!value.equals("en") && !value.equals("zh")) {
                                return usage("--lang must be en or zh, not '" + value + "'");
                            }
                            lang = value;
                        }
                        case "--theme" -> {
                            List<String> themes = pictures == null ? List.of(value) : pictures.themes();
                            if (!themes.contains(value)) {
                                return usage("--theme must be " + String.join(", ", themes.subList(0, themes.size() - 1))
                                        + " or " + themes.get(themes.size() - 1) + ", not '" + value + "'");
                            }
                            theme = value;
                        }
                        default -> {
                            return usage("unknown option " + name);
                        }
                    }
                } catch (NumberFormatException e) {
                    return usage(name + " needs a number, not '" + value + "'");
                } catch (IllegalArgumentException e) {
                    return usage(e.getMessage());
                }
            } else if (file == null) {
                file = a;
            } else {
                return usage("more than one FILE given ('" + file + "' and '" + a + "')");
            }
        }
        if (file == null) {
            return usage("render needs a FILE");
        }
        if (png == null) {
            return usage("render needs --png OUT.png");
        }
        if (atStep != null && atTime != null) {
            return usage("give --at-step or --at-time, not both");
        }
        if (presentation && !window) {
            return usage("--presentation draws the whole window: give --window too");
        }
        if (pictures == null) {
            err.println("event-lanes: this build cannot draw (it has no window)");
            return SOFTWARE;
        }
        Path path = Path.of(file);
        String text = readText(path);
        if (text == null) {
            return DATA_ERR;
        }
        PictureMaker.Result r;
        try {
            r = pictures.make(new PictureMaker.Request(path.getFileName().toString(), text, semantics, seed, atStep, atTime,
                    width, height, lang, theme, Path.of(png), scene == null ? null : Path.of(scene), window, zoom,
                    presentation));
        } catch (IOException e) {
            err.println("event-lanes: cannot write the picture: " + e.getMessage());
            return SOFTWARE;
        }
        if (r.simulation() == null) {
            return badInput(path, r.problems());
        }
        return finish(r.simulation());
    }

    /** A picture's size: 0 (the default) or from 200 to 8000 pixels. */
    private static int size(String name, String value) {
        int v = Integer.parseInt(value);
        if (v != 0 && (v < 200 || v > 8000)) {
            throw new IllegalArgumentException(name + " must be from 200 to 8000 pixels, not " + v);
        }
        return v;
    }

    private int badInput(Path path, List<String> errors) {
        for (String e : errors) {
            // Python's syntax errors come formatted as CPython prints them, file and line included.
            err.println(e.startsWith("  File ") ? e : path + ": " + e);
        }
        err.println("event-lanes: " + errors.size() + " error" + (errors.size() == 1 ? "" : "s") + " in " + path);
        return DATA_ERR;
    }

    private int finish(Simulation sim) {
        if (sim.startFailure() != null) {
            reportFailure(sim, sim.startFailure());
            return SOFTWARE;
        }
        // The loop itself stops a run that would never end (Loop.DEFAULT_CALLBACK_LIMIT): it then
        // reports a runaway, handled below.
        while (sim.advance()) {
            // run to the end
        }
        RunResult r = sim.result();
        if (r == null) {
            // A click-built scenario has no main task: it ends when nothing more can happen.
            long parked = sim.loop().tasks().stream()
                    .filter(t -> t.coroutine() instanceof ScriptBody b && b.awaitingInput()).count();
            if (parked > 0) {
                err.println("event-lanes: click-built scenario idle at " + Loop.formatTime(sim.loop().time()) + ": "
                        + parked + " task" + (parked == 1 ? " is" : "s are") + " waiting for your next action");
            }
            return OK;
        }
        switch (r.status()) {
            case DEADLOCK -> {
                err.println("event-lanes: deadlock at " + Loop.formatTime(r.endTime())
                        + ": no task can run and no timer is pending (real Python would hang here forever)");
                for (RunResult.Blocked b : r.blocked()) {
                    err.println("  task " + b.task() + " is " + b.reason()
                            + (b.event() == null ? "" : " (event " + b.event() + " is never set)"));
                }
                return SOFTWARE;
            }
            case RUNAWAY -> {
                err.println("event-lanes: " + r.message());
                return SOFTWARE;
            }
            default -> {
                PyException f = r.failure();
                if (f != null) {
                    reportFailure(sim, f);
                    return SOFTWARE;
                }
                return OK;
            }
        }
    }

    /**
     * An exception that ended the program, shown as Python shows it: for a Python program its
     * traceback (the hint a teacher needs, such as why anyio has no clear(), comes first so the
     * last line stays CPython's); for a scenario, the task and op it came from.
     */
    private void reportFailure(Simulation sim, PyException f) {
        if (sim.program() instanceof PythonProgram p) {
            for (String h : FailureReport.hintsOf(f)) {
                err.println("hint: " + h);
            }
            err.print(p.traceback(f));
            return;
        }
        for (String l : FailureReport.render(f, sim.trace(), JsonLinesWriter.taskNames(sim.loop()))) {
            err.println(l);
        }
    }

    private int writeTraces(Simulation sim, RunArgs a) {
        try {
            if (a.trace() != null) {
                try (Writer w = Files.newBufferedWriter(Path.of(a.trace()), StandardCharsets.UTF_8)) {
                    JsonLinesWriter.write(sim.trace(), sim.loop(), w);
                }
            }
            if (a.chrome() != null) {
                try (Writer w = Files.newBufferedWriter(Path.of(a.chrome()), StandardCharsets.UTF_8)) {
                    ChromeTraceWriter.write(sim.trace(), sim.loop(), sim.program().title(), w);
                }
            }
            return OK;
        } catch (IOException | RuntimeException e) {
            err.println("event-lanes: cannot write the trace: " + e.getMessage());
            return SOFTWARE;
        }
    }
}
