package dev.eventlanes.ui;

import dev.eventlanes.python.PythonProgram;

import dev.eventlanes.model.Click;
import dev.eventlanes.model.Loop;
import dev.eventlanes.model.PyException;
import dev.eventlanes.model.RunResult;
import dev.eventlanes.model.Semantics;
import dev.eventlanes.model.Simulation;
import dev.eventlanes.model.TaskState;
import dev.eventlanes.model.TraceKind;
import dev.eventlanes.model.TraceLog;
import dev.eventlanes.scenario.Op;
import dev.eventlanes.scenario.ScenarioClicks;
import dev.eventlanes.ui.program.ProgramSource;
import dev.eventlanes.ui.program.ProgramSources;
import dev.eventlanes.scene.TraceIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The main window's state and logic, without a single control: which session is open, the
 * simulation and its {@link TraceIndex}, the position shown (a trace index: the first
 * {@code position} entries are on screen), playback, clicks, and the sentences the window shows.
 *
 * <p>The simulation may run ahead of what is shown (after stepping back). A click always acts at
 * the moment shown: if that is in the past, the run is rebuilt up to there first (same program,
 * semantics, seed and earlier clicks, so the same history) and the later history is dropped.
 *
 * <p>Everything the window shows of the run (clock, step count, sentence, output, code markers,
 * and the end-of-run banner) is worked out from the position alone, so a moment looks the same
 * however it was reached: stepping forwards, back, or scrubbing. Only a banner about the user's
 * own action (a refused click, a file that would not open) is not: it stays until dismissed or
 * until the next action.
 */
public final class MainViewModel {
    public static final double MIN_SPEED = 0.25;
    public static final double MAX_SPEED = 8;
    /**
     * Real time one playback pulse may spend simulating, so a busy or runaway program cannot
     * stall the frame (a runaway task's single step is itself bounded by the loop's op limit).
     */
    private static final long PULSE_NANOS = 4_000_000;
    private static final int OUTPUT_SHOWN = 300;

    /** One console line. */
    public record OutputLine(double time, String text, boolean error, int line, int task) {
    }

    /**
     * A task's marker in the code panel.
     *
     * @param line the panel row (1-based)
     * @param task the task, which gives the marker its colour
     * @param name the lane's name, as the lanes show it
     * @param idle true for a click-built task at its {@code …} line, waiting for the user's next click
     */
    public record Marker(int line, int task, String name, boolean idle) {
    }

    private final I18n i18n;
    private final Describer describer;
    private final ProgramSources sources;
    private Session session;
    private Simulation sim;
    private TraceIndex timeline;
    private List<Simulation.LoggedClick> baseClicks = List.of();
    private double playUnit;

    private final IntegerProperty position = new SimpleIntegerProperty(0);
    /** Where the playhead is drawn: between entries while time passes during playback. */
    private final DoubleProperty displayUnit = new SimpleDoubleProperty(0);
    private final ReadOnlyIntegerWrapper total = new ReadOnlyIntegerWrapper(0);
    private final ReadOnlyIntegerWrapper revision = new ReadOnlyIntegerWrapper(0);
    private final BooleanProperty playing = new SimpleBooleanProperty(false);
    private final DoubleProperty speed = new SimpleDoubleProperty(1.0);
    private final ObjectProperty<Semantics> semantics = new SimpleObjectProperty<>(Semantics.ANYIO);
    private final StringProperty title = new SimpleStringProperty("");
    private final StringProperty banner = new SimpleStringProperty("");
    private final BooleanProperty bannerError = new SimpleBooleanProperty(false);
    private final ReadOnlyIntegerWrapper refusals = new ReadOnlyIntegerWrapper(0);
    private final StringProperty refusedEvent = new SimpleStringProperty("");
    private final StringProperty status = new SimpleStringProperty("");
    private final StringProperty timeText = new SimpleStringProperty("");
    private final StringProperty stepText = new SimpleStringProperty("");
    private final BooleanProperty dirty = new SimpleBooleanProperty(false);
    private final IntegerProperty selectedTask = new SimpleIntegerProperty(-1);
    /** The code panel's row of what was picked on the lanes (a segment or a mark), or 0. */
    private final IntegerProperty selectedRow = new SimpleIntegerProperty(0);
    private final ObservableList<ProgramSource.Problem> problems = FXCollections.observableArrayList();
    private final ObservableList<OutputLine> output = FXCollections.observableArrayList();
    private boolean switchingSemantics;
    /** trio's shuffling seed for every run of the window (render --seed sets another). */
    private long seed = 1;
    /**
     * The words of a banner about the user's own action (a refused click, a file that would not
     * open, a save), worked out again after a language switch; null if there is none. It stays
     * until dismissed or until the next action ({@link #beginAction}).
     */
    private Supplier<String> actionWords;
    private boolean actionError;
    /** Where the end-of-run banner was dismissed (it stays hidden there), or -1. */
    private int endDismissedAt = -1;

    public MainViewModel(I18n i18n, ProgramSources sources) {
        this.i18n = i18n;
        this.describer = new Describer(i18n, new Describer.Context() {
            @Override
            public int row(int task, int line) {
                return codeRow(task, line);
            }

            @Override
            public boolean clickBuilt() {
                return session != null && session.editable();
            }
        });
        this.sources = sources;
        position.addListener((o, a, b) -> {
            if (b.intValue() != endDismissedAt) {
                endDismissedAt = -1;
            }
            if (!playing.get()) {
                displayUnit.set(timeline.unitAt(b.intValue()));
                refreshTexts();
            } else {
                // Worked out by tick(), at most every TEXTS_EVERY_NANOS.
                textsStale = true;
            }
        });
        playing.addListener((o, a, b) -> {
            // Stopped: the texts for the position shown, the clock put off while playing too.
            if (!b) {
                refreshTexts();
            }
        });
        i18n.localeProperty().addListener((o, a, b) -> refreshTexts());
        semantics.addListener((o, a, b) -> {
            if (!switchingSemantics && session != null && a != b) {
                rerunUnder(a, b);
            }
        });
        // A lane selected some other way (its header, the code panel) shows the task's line.
        selectedTask.addListener((o, a, b) -> selectedRow.set(0));
        speed.addListener((o, a, b) -> {
            double v = Math.max(MIN_SPEED, Math.min(MAX_SPEED, b.doubleValue()));
            if (v != b.doubleValue()) {
                speed.set(v);
            }
        });
    }

    // ------------------------------------------------------------------ sessions

    /** Opens a session, ready to play from the start, under the program's own semantics. */
    public void open(Session s) {
        pause();
        beginAction();
        this.session = s;
        switchingSemantics = true;
        semantics.set(s.program().semantics());
        switchingSemantics = false;
        selectedTask.set(-1);
        start(s.clicks());
        title.set(s.program().title());
        dirty.set(false);
        problems.clear();
    }

    /**
     * True for a program that runs its whole event loop while starting (a Python program: its
     * module code calls anyio.run). Its clicks are scheduled at their loop positions before it
     * starts, instead of being applied to a run in progress.
     */
    private boolean selfRunning() {
        return session.program() instanceof PythonProgram;
    }

    /**
     * How far a scenario's run is simulated ahead of the playhead (trace entries). A scenario
     * runs as the user plays or clicks, but "step n of N" and the scrubber mean the whole run, so
     * each start and each click simulates on to the run's end, or to where it waits for a click.
     * A run that never ends stops here (a few tens of milliseconds) and grows as it is played.
     * A count, not a time, so the same clicks always give the same N.
     */
    static final int LOOKAHEAD_ENTRIES = 100_000;

    /** Simulates a scenario on to its end (see {@link #LOOKAHEAD_ENTRIES}); the playhead stays. */
    private void simulateAhead() {
        if (selfRunning()) {
            return;
        }
        int limit = sim.trace().size() + LOOKAHEAD_ENTRIES;
        while (sim.trace().size() < limit && sim.advance()) {
            // Each advance records the next callback's entries.
        }
    }

    /**
     * A program that runs its whole loop while opening must not freeze the window if it never
     * ends: its run is capped well below the command line's (about a second of simulation).
     */
    static final long WINDOW_CALLBACK_LIMIT = 2_000_000;

    private Simulation runWithClicks(Semantics s, List<Simulation.LoggedClick> clicks) {
        return new Simulation(session.program(), s, seed, Loop.DEFAULT_OP_LIMIT, null, true, clicks, WINDOW_CALLBACK_LIMIT);
    }

    private void start(List<Simulation.LoggedClick> clicks) {
        baseClicks = List.copyOf(clicks);
        if (selfRunning()) {
            sim = runWithClicks(semantics.get(), clicks);
            timeline = TraceIndex.of(sim);
        } else {
            sim = new Simulation(session.program(), semantics.get(), seed);
            timeline = TraceIndex.of(sim);
            if (!clicks.isEmpty() && !sim.replay(clicks)) {
                showBannerKey(true, "banner.replayFailed");
            }
            simulateAhead();
        }
        timeline.sync();
        playUnit = 0;
        changed();
        show(startPosition());
    }

    /**
     * Where a run starts, as it opens and as Home or Reset goes back to: ready to play, showing
     * what the program set up before its first step (the main lane, "ready").
     */
    private int startPosition() {
        return timeline.stepCount() > 0 ? timeline.runIndex(0) : timeline.size();
    }

    /** A click that no longer applies after a switch of library, and why. */
    private record Dropped(Click click, Supplier<String> why) {
    }

    /**
     * Re-runs the session from the start under other semantics; clicks that still apply are kept,
     * and the banner names each one that does not, with the reason. A clear() (a toggle's, or an
     * op a lane's menu appended) made under asyncio does not apply under anyio or trio, whose
     * events have none: it is dropped rather than left to refuse or to fail the task.
     */
    private void rerunUnder(Semantics from, Semantics to) {
        pause();
        beginAction();
        List<Simulation.LoggedClick> clicks = sim.clicks();
        List<Simulation.LoggedClick> tried = new ArrayList<>();
        List<Dropped> dropped = new ArrayList<>();
        for (Simulation.LoggedClick c : clicks) {
            if (from.eventsHaveClear() && !to.eventsHaveClear() && isClear(c.click())) {
                dropped.add(new Dropped(c.click(), () -> i18n.get("refuse.noClear", to.library())));
            } else {
                tried.add(c);
            }
        }
        if (selfRunning()) {
            sim = runWithClicks(to, tried);
            timeline = TraceIndex.of(sim);
            // Refused clicks leave an error in the trace, in order; the clicks after them that the
            // run never reached (it ended sooner) leave none.
            List<String> refusals = new ArrayList<>();
            for (int i = 0; i < sim.trace().size(); i++) {
                if (sim.trace().kind(i) == TraceKind.ERROR && sim.trace().task(i) < 0) {
                    refusals.add(sim.trace().text(i));
                }
            }
            java.util.Set<Click> applied = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
            sim.clicks().forEach(c -> applied.add(c.click()));
            int r = 0;
            for (Simulation.LoggedClick c : tried) {
                if (!applied.contains(c.click())) {
                    String refused = r < refusals.size() ? refusals.get(r++) : null;
                    dropped.add(new Dropped(c.click(), () -> refused != null ? refusalWords(refused, to)
                            : i18n.get("click.tooLate", to.library())));
                }
            }
        } else {
            sim = new Simulation(session.program(), to, seed);
            timeline = TraceIndex.of(sim);
            for (Simulation.LoggedClick c : tried) {
                // At its place in the run, or when the run can go no further without it (a
                // click-built run idles sooner or later under other rules).
                while (sim.loop().handlesRun() < c.atHandle() && sim.advance()) {
                    // Each advance is one loop callback.
                }
                String refused = sim.click(c.click());
                if (refused != null) {
                    dropped.add(new Dropped(c.click(), () -> refusalWords(refused, to)));
                }
            }
            simulateAhead();
        }
        baseClicks = sim.clicks();
        timeline.sync();
        playUnit = 0;
        changed();
        show(startPosition());
        if (!dropped.isEmpty()) {
            List<Dropped> list = List.copyOf(dropped);
            showAction(true, () -> {
                List<String> words = new ArrayList<>();
                for (Dropped d : list) {
                    words.add(i18n.get("click.dropped", clickWords(d.click(), to), d.why().get()));
                }
                return i18n.get("banner.clicksDropped", list.size(), to.library(),
                        String.join(i18n.get("list.separator"), words));
            });
        }
    }

    private static boolean isClear(Click c) {
        Click n = ScenarioClicks.normalize(c);
        return n instanceof ScenarioClicks.ClearEvent
                || (n instanceof ScenarioClicks.AppendOp a && a.op() instanceof Op.Clear);
    }

    /** A click as the user made it, in the window's words: "+ Task alice", "alice: go.clear()". */
    String clickWords(Click c, Semantics sem) {
        Click n = ScenarioClicks.normalize(c);
        if (n instanceof ScenarioClicks.AddTask a) {
            return i18n.get("click.addTask", a.task());
        } else if (n instanceof ScenarioClicks.AddEvent a) {
            return i18n.get("click.addEvent", a.event());
        } else if (n instanceof ScenarioClicks.AppendOp a) {
            return i18n.get("click.append", a.task(), a.op().describe(sem));
        } else if (n instanceof ScenarioClicks.SetEvent e) {
            return i18n.get("click.toggle", e.event(), "set");
        } else if (n instanceof ScenarioClicks.ClearEvent e) {
            return i18n.get("click.toggle", e.event(), "clear");
        }
        return c.describe();
    }

    /** A model's refusal in the window's language where it has words for it, else as the model put it. */
    private String refusalWords(String refused, Semantics sem) {
        return refused.contains("events have no clear()") ? i18n.get("refuse.noClear", sem.library()) : refused;
    }

    /** Opens a file; on problems they are listed and the current session keeps running. */
    public boolean openFile(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return reportProblems(file.getFileName().toString(),
                    List.of(new ProgramSource.Problem(0, i18n.get("error.read", e.getMessage()))));
        }
        return openText(file.getFileName().toString(), text, "file:" + file.toAbsolutePath());
    }

    /** Opens text (a file's, or pasted); false, with {@link #problems()} filled, if it does not compile. */
    public boolean openText(String fileName, String text, String id) {
        ProgramSource.Loaded loaded = sources.load(fileName, text);
        if (!loaded.ok()) {
            return reportProblems(fileName, loaded.problems());
        }
        open(new Session(id, loaded.program(), loaded.code(), loaded.editable(), loaded.clicks()));
        return true;
    }

    private boolean reportProblems(String name, List<ProgramSource.Problem> list) {
        List<ProgramSource.Problem> localized = new ArrayList<>();
        for (ProgramSource.Problem p : list) {
            localized.add(new ProgramSource.Problem(p.line(), p.column(), localize(p.message())));
        }
        problems.setAll(localized);
        beginAction();
        showBannerKey(true, "banner.openFailed", name, list.size());
        return false;
    }

    private String localize(String modelMessage) {
        return modelMessage;
    }

    // ------------------------------------------------------------------ playback

    /**
     * Step (→): shows the next scheduler stop, the end of the next step (see {@link Stops}); at
     * the live end of a run that can go on, runs the simulation one step first.
     */
    public void step() {
        pause();
        beginAction();
        forward(false);
    }

    /**
     * Step line (Shift+→): shows the next moment a task reaches a new source line, or the next
     * scheduler stop if that comes first; at the live end of a run that can go on, runs the
     * simulation until a task is at another line.
     */
    public void stepLine() {
        pause();
        beginAction();
        forward(true);
    }

    private void forward(boolean lines) {
        int k = position.get();
        int next = lines ? Stops.nextLine(timeline, k) : Stops.nextStep(timeline, k);
        if (next >= 0) {
            show(next);
            return;
        }
        // At the end of what is recorded: a run that can go on (click-built, or very long) is
        // simulated on; one that is over stays, and its ending shows.
        if (lines) {
            sim.stepLine();
        } else {
            sim.step();
        }
        timeline.sync();
        changed();
        show(timeline.size());
    }

    /** Step back (←): the previous scheduler stop, the very one Step showed on the way forwards. */
    public void stepBack() {
        pause();
        beginAction();
        int p = Stops.previousStep(timeline, position.get());
        if (p >= 0) {
            show(p);
        }
    }

    /** Step line back (Shift+←): the previous moment Step line stops at. */
    public void stepLineBack() {
        pause();
        beginAction();
        int p = Stops.previousLine(timeline, position.get());
        if (p >= 0) {
            show(p);
        }
    }

    /** Runs the whole program now (or until idle, click-built) and shows its end. */
    public void runToEnd() {
        pause();
        beginAction();
        sim.runToEnd();
        timeline.sync();
        changed();
        show(timeline.size());
    }

    /** Shows the run after k entries (clamped to what is recorded). */
    public void scrubTo(int k) {
        beginAction();
        int v = Math.max(0, Math.min(k, timeline.size()));
        show(v);
        playUnit = timeline.unitAt(v);
    }

    /** Back to where the run starts, as it opened. */
    public void reset() {
        pause();
        scrubTo(startPosition());
    }

    /** Shows position k, and the texts for it even if it is the position shown already (the run may have grown). */
    private void show(int k) {
        if (position.get() == k) {
            if (!playing.get()) {
                displayUnit.set(timeline.unitAt(k));
            }
            refreshTexts();
        } else {
            position.set(k);
        }
    }

    public void togglePlay() {
        if (playing.get()) {
            pause();
        } else {
            play();
        }
    }

    public void play() {
        beginAction();
        if (position.get() >= timeline.size() && sim.isStopped()) {
            // Nothing more to play: the ending shows again, even if it was dismissed.
            endDismissedAt = -1;
            refreshTexts();
            return;
        }
        playUnit = timeline.unitAt(position.get());
        playing.set(true);
    }

    public void pause() {
        playing.set(false);
        if (timeline != null) {
            displayUnit.set(timeline.unitAt(position.get()));
        }
    }

    /**
     * One playback pulse: {@code seconds} of real time at the chosen speed move the playhead that
     * many layout units (virtual seconds, or step gaps), running the simulation as far as needed.
     */
    public void tick(double seconds) {
        if (!playing.get()) {
            return;
        }
        playUnit += seconds * speed.get();
        long deadline = System.nanoTime() + PULSE_NANOS;
        int n = 0;
        boolean grew = false;
        boolean ended = false;
        while (timeline.unitAt(timeline.size()) < playUnit) {
            if ((++n & 63) == 0 && System.nanoTime() > deadline) {
                break;
            }
            // advance() is false once the run is over (it then records how) or, click-built, idle.
            if (!sim.advance()) {
                ended = true;
                break;
            }
            if (sim.trace().size() != timeline.size()) {
                timeline.sync();
                grew = true;
            }
        }
        if (grew || ended) {
            timeline.sync();
            changed();
        }
        if (!ended && playUnit > timeline.unitAt(timeline.size()) + 1) {
            // The simulation could not keep up within this pulse: slow the playhead, do not skip.
            playUnit = timeline.unitAt(timeline.size()) + 1;
        }
        int k = Math.min(timeline.positionAtUnit(playUnit), timeline.size());
        position.set(k);
        // The playhead glides on through a sleep, up to the next recorded entry.
        double next = k < timeline.size() ? timeline.unitOf(k) : timeline.unitAt(k);
        displayUnit.set(Math.max(timeline.unitAt(k), Math.min(playUnit, next)));
        long now = System.nanoTime();
        if (now - textsAt >= TEXTS_EVERY_NANOS) {
            if (textsStale) {
                refreshTexts();
            }
            refreshClock();
            textsAt = now;
        }
        if (k >= timeline.size() && (ended || sim.result() != null)) {
            // Stopping works the texts out for the end, its banner included.
            playing.set(false);
        }
    }

    /** A banner's words (worked out again in another language) and whether it reports an error. */
    private record BannerWords(Supplier<String> words, boolean error) {
    }

    /**
     * The end-of-run banner for position k: how the run ended (finished, failed, deadlock, never
     * ending), or for a click-built run that has nothing left to do, that it waits for the user
     * and which tasks failed. Null anywhere but at the end.
     */
    private BannerWords ending(int k) {
        if (session == null || timeline == null || k < timeline.size()) {
            return null;
        }
        RunResult r = sim.result();
        if (r == null && sim.startFailure() != null) {
            PyException e = sim.startFailure();
            return new BannerWords(() -> i18n.get("banner.failed", e.type().name() + ": " + e.messageText()), true);
        }
        if (r == null) {
            return session.editable() && sim.isStopped() ? idleEnding(k) : null;
        }
        return switch (r.status()) {
            case FINISHED -> r.failure() != null
                    ? new BannerWords(() -> i18n.get("banner.failed", r.failure().type().name() + ": "
                            + r.failure().messageText()), true)
                    : new BannerWords(() -> i18n.get("banner.finished", Loop.formatTime(r.endTime())), false);
            // Composed here from the model's facts, so it reads in the window's language.
            case DEADLOCK -> new BannerWords(() -> i18n.get("banner.deadlock", Loop.formatTime(r.endTime()),
                    blockedWords(r)), true);
            case RUNAWAY -> r.blocked().isEmpty()
                    ? new BannerWords(() -> i18n.get("banner.endless", Loop.formatTime(r.endTime())), true)
                    : new BannerWords(() -> i18n.get("banner.runaway", r.blocked().get(0).task(), loopLimit()), true);
        };
    }

    /**
     * A click-built run with nothing left to do: what to do next, and first which tasks failed and
     * how ("Nothing can run now" alone read as if nothing had gone wrong). Nothing before the
     * first task: the status line says what to add.
     */
    private BannerWords idleEnding(int k) {
        List<Integer> failed = new ArrayList<>();
        boolean any = false;
        int n = timeline.laneCountAt(k);
        for (int t = 0; t < n; t++) {
            TraceIndex.Lane lane = timeline.lanes().get(t);
            if (lane != null) {
                any = true;
                if (lane.stateAt(k) == TaskState.FAILED) {
                    failed.add(t);
                }
            }
        }
        if (!any) {
            return null;
        }
        if (failed.isEmpty()) {
            return new BannerWords(() -> i18n.get("banner.idle"), false);
        }
        return new BannerWords(() -> {
            List<String> words = new ArrayList<>();
            for (int t : failed) {
                words.add(failureWords(timeline.lanes().get(t), k));
            }
            return i18n.get("banner.idleFailed", String.join(i18n.get("list.separator"), words));
        }, true);
    }

    /** "alice failed on line 3: AttributeError: …", the line as the code panel numbers it. */
    private String failureWords(TraceIndex.Lane lane, int k) {
        TraceLog log = timeline.log();
        int exit = lane.segmentStart(lane.segmentAt(k));
        String what = log.text(exit);
        int line = log.line(exit);
        // The task's error entry, just before its exit, has the whole message (with its hint).
        for (int i = exit - 1; i >= Math.max(0, exit - 64); i--) {
            if (log.task(i) == lane.task() && log.kind(i) == TraceKind.ERROR) {
                what = log.text(i);
                line = log.line(i) != 0 ? log.line(i) : line;
                break;
            }
            if (log.task(i) == lane.task() && log.kind(i) == TraceKind.RUN) {
                break;
            }
        }
        int row = codeRow(lane.task(), line);
        return row > 0 ? i18n.get("fail.onLine", lane.name(), row, what) : i18n.get("fail.noLine", lane.name(), what);
    }

    // ------------------------------------------------------------------ clicks

    /** A toggle was clicked: set() if unset, clear() if set (refused, visibly, under anyio and trio). */
    public String clickEvent(String name) {
        beginAction();
        TraceIndex.EventTrack track = null;
        for (TraceIndex.EventTrack e : timeline.events()) {
            if (e != null && e.name().equals(name)) {
                track = e;
            }
        }
        boolean isSet = track != null && track.isSetAt(position.get());
        if (isSet && !semantics.get().eventsHaveClear()) {
            // Refused before touching the run: nothing happened, so history is not branched.
            String why = i18n.get("refuse.clear", semantics.get().library());
            refusedEvent.set(name);
            refusals.set(refusals.get() + 1);
            showBannerKey(true, "refuse.clear", semantics.get().library());
            refreshTexts();
            return why;
        }
        return apply(isSet ? Simulation.clearEvent(name) : Simulation.setEvent(name), name);
    }

    /** Applies a click at the position shown (branching the run if that is in the past). */
    public String apply(Click click, String eventName) {
        pause();
        beginAction();
        if (selfRunning()) {
            return applyByRerun(click, eventName);
        }
        branchHere();
        String refused = sim.click(click);
        // Shown: the moment right after the click (its set() and the wake-ups it caused).
        int shown = sim.trace().size();
        simulateAhead();
        timeline.sync();
        changed();
        show(shown);
        if (refused != null) {
            refusedEvent.set(eventName == null ? "" : eventName);
            refusals.set(refusals.get() + 1);
            if (refused.contains("events have no clear()")) {
                showBannerKey(true, "refuse.clear", semantics.get().library());
            } else {
                showBanner(refused, true);
            }
        } else if (session.editable()) {
            dirty.set(true);
        }
        return refused;
    }

    /**
     * A click on a program that runs its own loop: run it again with the click logged at the
     * loop position shown, and show the moment right after the click.
     */
    private String applyByRerun(Click click, String eventName) {
        int k = position.get();
        long at = k == 0 ? 0 : Math.max(0, sim.trace().handle(Math.min(k, timeline.size()) - 1));
        List<Simulation.LoggedClick> log = new ArrayList<>();
        for (Simulation.LoggedClick c : sim.clicks()) {
            if (c.atHandle() <= at) {
                log.add(c);
            }
        }
        log.add(new Simulation.LoggedClick(at, click));
        Simulation fresh = runWithClicks(semantics.get(), log);
        boolean applied = fresh.clicks().size() == log.size();
        String refused = null;
        // Show the run up to the click's own entries (its set() and the wake-ups it caused):
        // everything recorded before the loop's next callback.
        TraceLog t = fresh.trace();
        int shown = Math.min(k, t.size());
        for (int i = shown; i < t.size() && t.handle(i) <= at; i++) {
            if (t.task(i) < 0 && t.kind(i) == TraceKind.ERROR) {
                refused = t.text(i);
            }
            shown = i + 1;
        }
        if (!applied && refused == null) {
            refused = click.describe();
        }
        sim = fresh;
        timeline = TraceIndex.of(sim);
        timeline.sync();
        changed();
        show(shown);
        if (refused != null) {
            refusedEvent.set(eventName == null ? "" : eventName);
            refusals.set(refusals.get() + 1);
            showBanner(refused, true);
        }
        return refused;
    }

    /** Makes the simulation's present the position shown, re-simulating if the view is in the past. */
    private void branchHere() {
        int k = position.get();
        if (k >= timeline.size()) {
            return;
        }
        List<Simulation.LoggedClick> clicks = sim.clicks();
        Simulation fresh = new Simulation(session.program(), semantics.get(), seed);
        int next = 0;
        while (fresh.trace().size() < k) {
            while (next < clicks.size() && clicks.get(next).atHandle() == fresh.loop().handlesRun()) {
                fresh.click(clicks.get(next++).click());
            }
            if (fresh.trace().size() >= k || !fresh.advance()) {
                break;
            }
        }
        sim = fresh;
        timeline = TraceIndex.of(sim);
        timeline.sync();
        changed();
        show(Math.min(k, timeline.size()));
    }

    // ------------------------------------------------------------------ texts

    private void changed() {
        // A run that grew or was replaced has another end: a dismissed ending may show there.
        endDismissedAt = -1;
        total.set(timeline.size());
        revision.set(revision.get() + 1);
    }

    /** The clock at the playhead: it ticks on between entries while a sleep plays out. */
    private void refreshClock() {
        int k = position.get();
        double t = timeline.timeAt(k);
        if (k < timeline.size() && displayUnit.get() > timeline.unitAt(k)) {
            double gap = timeline.log().time(k) - t;
            t += Math.min(gap, displayUnit.get() - timeline.unitAt(k));
        }
        timeText.set(i18n.get("status.time", Loop.formatTime(Math.floor(t * 10) / 10.0)));
    }

    /**
     * While playing, the position and the clock move on every frame, faster than anyone can read
     * them, and the status line is message formats, a sentence and the output to work out, and
     * text for the window to lay out and repaint: then it is worked out (in {@link #tick}) at most
     * this often, and at once when playing stops. At rest, every move shows at once.
     */
    static final long TEXTS_EVERY_NANOS = 100_000_000L;
    private long textsAt = Long.MIN_VALUE / 2;
    private boolean textsStale;

    private void refreshTexts() {
        textsStale = false;
        textsAt = System.nanoTime();
        if (timeline == null) {
            return;
        }
        int k = position.get();
        timeText.set(i18n.get("status.time", Loop.formatTime(timeline.timeAt(k))));
        stepText.set(i18n.get("status.step", timeline.stepsAt(k), timeline.stepCount()));
        status.set(statusAt(k));
        refreshOutput(k);
        refreshBanner();
    }

    /**
     * The status sentence for position k: what the last step shown did, or before the first step
     * what to do, which is not always to press Play (a click-built scenario with no task has no
     * step to play; a program that failed before its first step has none either).
     */
    private String statusAt(int k) {
        boolean noStep = timeline.stepCount() == 0;
        if (noStep && session != null && session.editable()) {
            int tasks = timeline.laneCountAt(k);
            if (tasks == 0) {
                return i18n.get(timeline.eventCountAt(k) == 0 ? "status.empty" : "status.noTask");
            }
        }
        if (noStep && k >= timeline.size() && sim.startFailure() != null) {
            return i18n.get("status.failedBeforeStart");
        }
        if (noStep && k >= timeline.size() && sim.isStopped() && session != null && !session.editable()) {
            return i18n.get("status.noSteps");
        }
        return describer.sentence(timeline, k);
    }

    /** The output the program printed up to k: the newest {@value #OUTPUT_SHOWN} lines. */
    private TraceIndex outputOf;

    private void refreshOutput(int k) {
        int n = timeline.outputCountAt(k);
        int from = Math.max(0, n - OUTPUT_SHOWN);
        if (outputOf == timeline && outputShown == n && (n > 0 || output.isEmpty())) {
            return;
        }
        outputOf = timeline;
        outputShown = n;
        List<OutputLine> lines = new ArrayList<>(n - from);
        TraceLog log = timeline.log();
        for (int j = from; j < n; j++) {
            int i = timeline.outputIndex(j);
            int task = log.task(i);
            lines.add(new OutputLine(log.time(i), chomp(log.text(i)), log.kind(i) == TraceKind.ERROR,
                    codeRow(task, log.line(i)), task));
        }
        output.setAll(lines);
    }

    private int outputShown;

    /**
     * The code panel's row for a task at a traced line, so every line number the window shows
     * names the row the code panel shows (a scenario's panel has a header per task, so its task's
     * line 2 is row 3 of the panel). 0 if it has none.
     */
    int codeRow(int task, int line) {
        if (line <= 0 || task < 0 || session == null || task >= timeline.lanes().size()
                || timeline.lanes().get(task) == null) {
            return 0;
        }
        return session.code().row(sim, timeline.lanes().get(task).name(), line);
    }

    private String blockedWords(RunResult r) {
        List<String> parts = new ArrayList<>();
        for (RunResult.Blocked b : r.blocked()) {
            if (b.event() != null) {
                parts.add(i18n.get("blocked.event", b.task(), b.event()));
            } else if (b.reason().startsWith("waiting for its child")) {
                parts.add(i18n.get("blocked.children", b.task()));
            } else {
                parts.add(i18n.get("blocked.other", b.task()));
            }
        }
        return String.join(i18n.get("blocked.separator"), parts);
    }

    private String loopLimit() {
        return String.format(i18n.locale(), "%,d", sim.loop().opLimit());
    }

    /** Printed text as one console line: print's own newline is the line break. */
    static String chomp(String text) {
        return text.endsWith("\n") ? text.substring(0, text.length() - 1) : text;
    }

    /** Shows a message about the user's action as given (a model sentence, which has no translation). */
    public void showBanner(String text, boolean error) {
        showAction(error, () -> text);
    }

    /** Shows a message about the user's action from the bundle; it follows a language switch. */
    public void showBannerKey(boolean error, String key, Object... args) {
        showAction(error, () -> i18n.get(key, args));
    }

    private void showAction(boolean error, Supplier<String> words) {
        actionWords = words;
        actionError = error;
        refreshBanner();
    }

    /** Dismisses the banner: a message about an action goes; the end-of-run banner hides until the position changes. */
    public void clearBanner() {
        actionWords = null;
        endDismissedAt = position.get();
        refreshBanner();
    }

    /** A new action: the banner about the previous one has had its say. */
    private void beginAction() {
        actionWords = null;
    }

    /** The banner: about the user's last action if there is one, else the ending if the position is at the end. */
    private void refreshBanner() {
        BannerWords shown = actionWords != null ? new BannerWords(actionWords, actionError)
                : endDismissedAt == position.get() ? null : ending(position.get());
        if (shown == null) {
            banner.set("");
            return;
        }
        // The colour first, so the banner never shows for a moment in the previous one's.
        bannerError.set(shown.error());
        banner.set(shown.words().get());
    }

    /** After Save: the session is now that file (so the next launch reopens it). */
    public void savedAs(String id) {
        session = new Session(id, session.program(), session.code(), session.editable(), session.clicks());
        dirty.set(false);
    }

    /** The code panel's lines now. */
    public List<String> codeLines() {
        return session == null ? List.of() : session.code().lines(sim);
    }

    /** Where each live task is in the code, at the position shown. */
    public List<Marker> markers() {
        int k = position.get();
        List<Marker> out = new ArrayList<>();
        int n = timeline.laneCountAt(k);
        for (int t = 0; t < n; t++) {
            TraceIndex.Lane lane = timeline.lanes().get(t);
            if (lane == null) {
                continue;
            }
            int line = lane.lineAt(k);
            TaskState st = lane.stateAt(k);
            if (line > 0 && st != null && !st.isFinished()) {
                // The code is the script of the task's own name (a scenario's), whatever the lane shows.
                int row = session.code().row(sim, lane.taskName(), line);
                if (row > 0) {
                    out.add(new Marker(row, t, lane.name(), idleAt(lane, k)));
                }
            }
        }
        return out;
    }

    /**
     * True if a click-built task is idle at position k: its script has run out and it waits at its
     * {@code …} line for the user's next click. The trace records that as a SUSPEND of the task
     * with the reason "idle" at the line after its last op.
     */
    public boolean idleAt(TraceIndex.Lane lane, int k) {
        if (session == null || !session.editable() || lane.stateAt(k) != TaskState.WAITING) {
            return false;
        }
        int start = lane.segmentStart(lane.segmentAt(k));
        TraceLog log = timeline.log();
        return log.kind(start) == TraceKind.SUSPEND && "idle".equals(log.text(start));
    }

    // ------------------------------------------------------------------ accessors

    public I18n i18n() {
        return i18n;
    }

    public Session session() {
        return session;
    }

    /** The seed of the runs opened from now on (the window uses 1). */
    public void setSeed(long seed) {
        this.seed = seed;
    }

    /** Whether the run ended in a deadlock (its blocked lanes are then drawn waiting for ever). */
    public boolean deadlocked() {
        RunResult r = sim == null ? null : sim.result();
        return r != null && r.status() == RunResult.Status.DEADLOCK;
    }

    public Simulation simulation() {
        return sim;
    }

    public TraceIndex timeline() {
        return timeline;
    }

    public IntegerProperty positionProperty() {
        return position;
    }

    public ReadOnlyIntegerProperty totalProperty() {
        return total.getReadOnlyProperty();
    }

    /** Bumped whenever the timeline gains entries or is replaced: views redraw. */
    public ReadOnlyIntegerProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public DoubleProperty displayUnitProperty() {
        return displayUnit;
    }

    public BooleanProperty playingProperty() {
        return playing;
    }

    public DoubleProperty speedProperty() {
        return speed;
    }

    public ObjectProperty<Semantics> semanticsProperty() {
        return semantics;
    }

    public StringProperty titleProperty() {
        return title;
    }

    public StringProperty bannerProperty() {
        return banner;
    }

    public BooleanProperty bannerErrorProperty() {
        return bannerError;
    }

    /** Bumped on each refused click: the view shakes the toggle named by {@link #refusedEventProperty()}. */
    public ReadOnlyIntegerProperty refusalsProperty() {
        return refusals.getReadOnlyProperty();
    }

    public StringProperty refusedEventProperty() {
        return refusedEvent;
    }

    public StringProperty statusProperty() {
        return status;
    }

    public StringProperty timeTextProperty() {
        return timeText;
    }

    public StringProperty stepTextProperty() {
        return stepText;
    }

    public BooleanProperty dirtyProperty() {
        return dirty;
    }

    public IntegerProperty selectedTaskProperty() {
        return selectedTask;
    }

    /** The code row of the segment or mark picked on the lanes, 0 when a lane alone is selected. */
    public IntegerProperty selectedRowProperty() {
        return selectedRow;
    }

    /**
     * A segment or mark of a task was picked on the lanes (trace entry {@code entry}): its lane is
     * selected and the line where it happened is shown in the code panel.
     */
    public void pick(int task, int entry) {
        selectedTask.set(task);
        int line = entry >= 0 && entry < timeline.size() ? timeline.log().line(entry) : 0;
        TraceIndex.Lane lane = task >= 0 && task < timeline.lanes().size() ? timeline.lanes().get(task) : null;
        selectedRow.set(line > 0 && lane != null ? session.code().row(sim, lane.taskName(), line) : 0);
    }

    public ObservableList<ProgramSource.Problem> problems() {
        return problems;
    }

    public ObservableList<OutputLine> output() {
        return output;
    }

    public List<Simulation.LoggedClick> baseClicks() {
        return baseClicks;
    }
}
