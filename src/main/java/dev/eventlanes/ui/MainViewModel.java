package dev.eventlanes.ui;

import dev.eventlanes.python.PythonProgram;

import dev.eventlanes.model.Click;
import dev.eventlanes.model.Loop;
import dev.eventlanes.model.RunResult;
import dev.eventlanes.model.Semantics;
import dev.eventlanes.model.Simulation;
import dev.eventlanes.model.TaskState;
import dev.eventlanes.model.TraceKind;
import dev.eventlanes.model.TraceLog;
import dev.eventlanes.ui.program.ProgramSource;
import dev.eventlanes.ui.program.ProgramSources;
import dev.eventlanes.scene.TraceIndex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    /** A task's marker in the code panel. */
    public record Marker(int line, int task, String name) {
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
    private final ObservableList<ProgramSource.Problem> problems = FXCollections.observableArrayList();
    private final ObservableList<OutputLine> output = FXCollections.observableArrayList();
    private boolean switchingSemantics;
    /** trio's shuffling seed for every run of the window (render --seed sets another). */
    private long seed = 1;
    /** How to re-word the banner after a language switch, or null if it is a model sentence. */
    private java.util.function.Supplier<String> bannerWords;

    public MainViewModel(I18n i18n, ProgramSources sources) {
        this.i18n = i18n;
        this.describer = new Describer(i18n);
        this.sources = sources;
        position.addListener((o, a, b) -> {
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
        i18n.localeProperty().addListener((o, a, b) -> {
            refreshTexts();
            if (bannerWords != null && !banner.get().isEmpty()) {
                banner.set(bannerWords.get());
            }
        });
        semantics.addListener((o, a, b) -> {
            if (!switchingSemantics && session != null && a != b) {
                rerunUnder(b);
            }
        });
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
        this.session = s;
        switchingSemantics = true;
        semantics.set(s.program().semantics());
        switchingSemantics = false;
        start(s.clicks());
        title.set(s.program().title());
        dirty.set(false);
        problems.clear();
        selectedTask.set(-1);
        clearBanner();
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
        output.clear();
        changed();
        // Ready to play: show what the program set up before its first step (the main lane, "ready").
        position.set(timeline.stepCount() > 0 ? timeline.runIndex(0) : timeline.size());
        refreshTexts();
    }

    /** Re-runs the session from the start under other semantics; clicks that still apply are kept. */
    private void rerunUnder(Semantics s) {
        pause();
        List<Simulation.LoggedClick> clicks = sim.clicks();
        List<Simulation.LoggedClick> kept = new ArrayList<>();
        if (selfRunning()) {
            sim = runWithClicks(s, clicks);
            timeline = TraceIndex.of(sim);
            kept.addAll(sim.clicks());
            if (kept.size() < clicks.size()) {
                showBannerKey(true, "banner.clicksDropped", s.library());
            }
        } else {
            sim = new Simulation(session.program(), s, seed);
            timeline = TraceIndex.of(sim);
            for (Simulation.LoggedClick c : clicks) {
                if (!sim.replay(List.of(c))) {
                    showBannerKey(true, "banner.clicksDropped", s.library());
                    break;
                }
                kept.add(c);
            }
            simulateAhead();
        }
        baseClicks = kept;
        timeline.sync();
        playUnit = 0;
        output.clear();
        changed();
        position.set(timeline.stepCount() > 0 ? timeline.runIndex(0) : timeline.size());
        refreshTexts();
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
            localized.add(new ProgramSource.Problem(p.line(), localize(p.message())));
        }
        problems.setAll(localized);
        showBannerKey(true, "banner.openFailed", name, list.size());
        return false;
    }

    private String localize(String modelMessage) {
        return modelMessage;
    }

    // ------------------------------------------------------------------ playback

    /** Shows the end of the next scheduler step, running the simulation if it is not recorded yet. */
    public void step() {
        pause();
        stepOnce();
    }

    private void stepOnce() {
        int k = position.get();
        int s = timeline.stepsAt(k);
        int target;
        if (s + 1 < timeline.stepCount()) {
            target = stepEnd(s);
        } else if (k < timeline.size()) {
            target = timeline.size();
        } else {
            if (sim.step() == null) {
                timeline.sync();
                changed();
                position.set(timeline.size());
                announceEnd();
                return;
            }
            timeline.sync();
            changed();
            target = timeline.size();
        }
        position.set(target);
    }

    /**
     * Where step s ends on screen: just before its successor's RUN, but before the clock moves on
     * if it does in between, so a step leaves the lanes at the moment it happened (the waiter
     * shown waiting at t=0) and the jump of the clock is the next step's beginning.
     */
    private int stepEnd(int s) {
        int from = timeline.runIndex(s);
        int to = timeline.runIndex(s + 1);
        double t = timeline.log().time(from);
        for (int j = from + 1; j < to; j++) {
            if (timeline.log().time(j) > t) {
                return j;
            }
        }
        return to;
    }

    /** Runs until a task is at a different source line (at the live end), else one step. */
    public void stepLine() {
        pause();
        int k = position.get();
        if (k < timeline.size()) {
            stepOnce();
            return;
        }
        if (!sim.stepLine()) {
            timeline.sync();
            changed();
            position.set(timeline.size());
            announceEnd();
            return;
        }
        timeline.sync();
        changed();
        position.set(timeline.size());
    }

    /** Back to the start of the step that ended at the position shown. */
    public void stepBack() {
        pause();
        int s = timeline.stepsAt(position.get());
        position.set(s == 0 ? 0 : timeline.runIndex(s - 1));
    }

    /** Runs the whole program now (or until idle, click-built) and shows its end. */
    public void runToEnd() {
        pause();
        sim.runToEnd();
        timeline.sync();
        changed();
        position.set(timeline.size());
        announceEnd();
    }

    /** Shows the run after k entries (clamped to what is recorded). */
    public void scrubTo(int k) {
        int v = Math.max(0, Math.min(k, timeline.size()));
        position.set(v);
        playUnit = timeline.unitAt(v);
    }

    public void reset() {
        pause();
        scrubTo(0);
        clearBanner();
    }

    public void togglePlay() {
        if (playing.get()) {
            pause();
        } else {
            play();
        }
    }

    public void play() {
        if (position.get() >= timeline.size() && sim.isStopped()) {
            announceEnd();
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
            playing.set(false);
            announceEnd();
        }
    }

    private void announceEnd() {
        RunResult r = sim.result();
        if (r == null) {
            if (session != null && session.editable()) {
                showBannerKey(false, "banner.idle");
            }
            return;
        }
        switch (r.status()) {
            case FINISHED -> {
                if (r.failure() != null) {
                    showBannerKey(true, "banner.failed", r.failure().type().name() + ": " + r.failure().messageText());
                } else {
                    showBannerKey(false, "banner.finished", Loop.formatTime(r.endTime()));
                }
            }
            case DEADLOCK -> {
                // Composed here from the model's facts, so it reads in the window's language.
                bannerWords = () -> i18n.get("banner.deadlock", Loop.formatTime(r.endTime()), blockedWords(r));
                bannerError.set(true);
                banner.set(bannerWords.get());
            }
            case RUNAWAY -> {
                if (r.blocked().isEmpty()) {
                    showBannerKey(true, "banner.endless", Loop.formatTime(r.endTime()));
                } else {
                    showBannerKey(true, "banner.runaway", r.blocked().get(0).task(), loopLimit());
                }
            }
        }
    }

    // ------------------------------------------------------------------ clicks

    /** A toggle was clicked: set() if unset, clear() if set (refused, visibly, under anyio and trio). */
    public String clickEvent(String name) {
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
            return why;
        }
        return apply(isSet ? Simulation.clearEvent(name) : Simulation.setEvent(name), name);
    }

    /** Applies a click at the position shown (branching the run if that is in the past). */
    public String apply(Click click, String eventName) {
        pause();
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
        position.set(shown);
        if (refused != null) {
            refusedEvent.set(eventName == null ? "" : eventName);
            refusals.set(refusals.get() + 1);
            if (refused.contains("events have no clear()")) {
                showBannerKey(true, "refuse.clear", semantics.get().library());
            } else {
                showBanner(refused, true);
            }
        } else {
            clearBanner();
            if (session.editable()) {
                dirty.set(true);
            }
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
        output.clear();
        changed();
        position.set(shown);
        if (refused != null) {
            refusedEvent.set(eventName == null ? "" : eventName);
            refusals.set(refusals.get() + 1);
            showBanner(refused, true);
        } else {
            clearBanner();
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
        output.clear();
        changed();
        position.set(Math.min(k, timeline.size()));
    }

    // ------------------------------------------------------------------ texts

    private void changed() {
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
        // An empty click-built scenario: say what to click first rather than "press Play".
        boolean empty = session != null && session.editable() && timeline.lanes().isEmpty() && timeline.events().isEmpty();
        status.set(empty ? i18n.get("status.empty") : describer.sentence(timeline, k));
        refreshOutput(k);
    }

    private void refreshOutput(int k) {
        int n = timeline.outputCountAt(k);
        int from = Math.max(0, n - OUTPUT_SHOWN);
        if (!output.isEmpty() && output.size() == n - from && n > 0
                && output.get(output.size() - 1).time() == timeline.log().time(timeline.outputIndex(n - 1))) {
            return;
        }
        List<OutputLine> lines = new ArrayList<>(n - from);
        for (int j = from; j < n; j++) {
            int i = timeline.outputIndex(j);
            lines.add(new OutputLine(timeline.log().time(i), chomp(timeline.log().text(i)),
                    timeline.log().kind(i) == TraceKind.ERROR, timeline.log().line(i), timeline.log().task(i)));
        }
        output.setAll(lines);
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

    /** Shows a message as given (a model sentence, which has no translation). */
    public void showBanner(String text, boolean error) {
        bannerWords = null;
        bannerError.set(error);
        banner.set(text);
    }

    /** Shows a message from the bundle; it follows a language switch. */
    public void showBannerKey(boolean error, String key, Object... args) {
        bannerWords = () -> i18n.get(key, args);
        bannerError.set(error);
        banner.set(bannerWords.get());
    }

    public void clearBanner() {
        banner.set("");
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
                int row = session.code().row(sim, lane.name(), line);
                if (row > 0) {
                    out.add(new Marker(row, t, lane.name()));
                }
            }
        }
        return out;
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
