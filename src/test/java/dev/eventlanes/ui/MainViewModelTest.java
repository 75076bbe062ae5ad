package dev.eventlanes.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventlanes.model.RunResult;
import dev.eventlanes.model.Semantics;
import dev.eventlanes.model.TaskState;
import dev.eventlanes.scenario.Op;
import dev.eventlanes.scenario.ScenarioClicks;
import dev.eventlanes.ui.program.ProgramSources;
import dev.eventlanes.scene.TraceIndex;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The window's logic, without a stage. */
class MainViewModelTest {
    private MainViewModel vm;

    @BeforeEach
    void openSeed1() {
        vm = new MainViewModel(new I18n(Locale.ENGLISH), ProgramSources.defaults());
        vm.open(PresetCatalog.seed());
    }

    private TraceIndex.Lane lane(String name) {
        return vm.timeline().lanes().stream().filter(l -> l != null && l.name().equals(name)).findFirst().orElseThrow();
    }

    private TaskState stateOf(String name) {
        return lane(name).stateAt(vm.positionProperty().get());
    }

    private TraceIndex.EventTrack event(String name) {
        return vm.timeline().events().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    }

    private void stepUntilWorkerWaits() {
        for (int i = 0; i < 10 && !(vm.timeline().lanes().size() > 1 && stateOf("worker") == TaskState.WAITING); i++) {
            vm.step();
        }
        assertThat(stateOf("worker")).isEqualTo(TaskState.WAITING);
    }

    @Test
    void mainSleepsWhileTheWorkerWaits() {
        vm.step();
        // Everything main did in its first step, in order.
        assertThat(vm.statusProperty().get()).isEqualTo("main created Event event, then started task worker, and sleeps until t = 2.0 s.");
        stepUntilWorkerWaits();
        assertThat(stateOf("main")).isEqualTo(TaskState.SLEEPING);
        vm.step();
        // main's next step is at 2.0: it sets the event, and the worker becomes ready.
        assertThat(vm.timeline().timeAt(vm.positionProperty().get())).isGreaterThanOrEqualTo(2.0);
        assertThat(stateOf("worker")).isEqualTo(TaskState.READY);
    }

    @Test
    void presetsOpenReadyToPlayWithMainReady() {
        assertThat(vm.timeline().laneCountAt(vm.positionProperty().get())).isEqualTo(1);
        assertThat(stateOf("main")).isEqualTo(TaskState.READY);
        assertThat(vm.statusProperty().get()).isNotBlank();
    }

    @Test
    void clickingTheToggleWakesTheWaitingWorker() {
        stepUntilWorkerWaits();
        assertThat(event("event").waitingAt(vm.positionProperty().get())).isEqualTo(1);
        assertThat(vm.clickEvent("event")).isNull();
        int k = vm.positionProperty().get();
        assertThat(event("event").isSetAt(k)).isTrue();
        assertThat(stateOf("worker")).isEqualTo(TaskState.READY);
        assertThat(vm.statusProperty().get()).isEqualTo("You called event.set() (1 waiting task becomes ready).");
        assertThat(vm.timeline().arrows()).anyMatch(a -> a.fromTask() == -1);
    }

    @Test
    void anyioRefusesTheClearWithItsReasonAndKeepsTheEventSet() {
        stepUntilWorkerWaits();
        vm.clickEvent("event");
        int before = vm.refusalsProperty().get();
        String why = vm.clickEvent("event");
        assertThat(why).isEqualTo("anyio events have no clear(): replace the Event with a new one");
        assertThat(vm.bannerProperty().get()).isEqualTo(why);
        assertThat(vm.bannerErrorProperty().get()).isTrue();
        assertThat(vm.refusalsProperty().get()).isEqualTo(before + 1);
        assertThat(vm.refusedEventProperty().get()).isEqualTo("event");
        assertThat(event("event").isSetAt(vm.positionProperty().get())).isTrue();
    }

    @Test
    void asyncioClearsASetEvent() {
        vm.semanticsProperty().set(Semantics.ASYNCIO);
        stepUntilWorkerWaits();
        vm.clickEvent("event");
        assertThat(vm.clickEvent("event")).isNull();
        assertThat(event("event").isSetAt(vm.positionProperty().get())).isFalse();
    }

    @Test
    void changingSemanticsRerunsFromTheStart() {
        vm.step();
        vm.step();
        assertThat(vm.timeline().stepsAt(vm.positionProperty().get())).isEqualTo(2);
        vm.semanticsProperty().set(Semantics.TRIO);
        assertThat(vm.simulation().semantics()).isEqualTo(Semantics.TRIO);
        assertThat(vm.timeline().stepsAt(vm.positionProperty().get())).isZero();
    }

    @Test
    void stepBackReturnsToTheStartOfTheLastStepAndStepForwardComesBack() {
        vm.step();
        vm.step();
        vm.step();
        int after3 = vm.positionProperty().get();
        vm.stepBack();
        int back = vm.positionProperty().get();
        assertThat(back).isLessThan(after3);
        assertThat(vm.timeline().stepsAt(back)).isEqualTo(2);
        vm.step();
        assertThat(vm.positionProperty().get()).isEqualTo(after3);
    }

    @Test
    void scrubbingShowsAnEarlierMomentWithoutLosingTheRun() {
        vm.simulation().runToEnd();
        vm.tick(0);
        for (int i = 0; i < 8; i++) {
            vm.step();
        }
        int total = vm.totalProperty().get();
        vm.scrubTo(3);
        assertThat(vm.positionProperty().get()).isEqualTo(3);
        assertThat(vm.totalProperty().get()).isEqualTo(total);
        vm.scrubTo(1_000_000);
        assertThat(vm.positionProperty().get()).isEqualTo(total);
    }

    @Test
    void playMovesTheClockAtTheChosenSpeedAndStopsAtTheEnd() {
        vm.speedProperty().set(1);
        vm.play();
        assertThat(vm.playingProperty().get()).isTrue();
        vm.tick(1.0);
        double t1 = vm.timeline().timeAt(vm.positionProperty().get());
        assertThat(t1).isLessThan(1.0);
        vm.speedProperty().set(4);
        vm.tick(1.0);
        assertThat(vm.timeline().timeAt(vm.positionProperty().get())).isGreaterThanOrEqualTo(2.0);
        for (int i = 0; i < 50 && vm.playingProperty().get(); i++) {
            vm.tick(1.0);
        }
        assertThat(vm.playingProperty().get()).isFalse();
        assertThat(vm.simulation().result().status()).isEqualTo(RunResult.Status.FINISHED);
        assertThat(vm.bannerProperty().get()).contains("finished");
    }

    @Test
    void whereverPlayingStopsTheStatusDescribesThatMoment() {
        vm.speedProperty().set(8);
        vm.play();
        Describer describer = new Describer(vm.i18n());
        for (int frames : new int[] {1, 7, 30}) {
            for (int i = 0; i < frames && vm.playingProperty().get(); i++) {
                vm.tick(1 / 60.0);
            }
            vm.pause();
            int k = vm.positionProperty().get();
            assertThat(vm.stepTextProperty().get()).isEqualTo(vm.i18n().get("status.step",
                    vm.timeline().stepsAt(k), vm.timeline().stepCount()));
            assertThat(vm.statusProperty().get()).isEqualTo(describer.sentence(vm.timeline(), k));
            vm.play();
        }
        // Played to the end, it stops by itself: the texts say where.
        for (int i = 0; i < 2000 && vm.playingProperty().get(); i++) {
            vm.tick(1 / 60.0);
        }
        assertThat(vm.playingProperty().get()).isFalse();
        int end = vm.positionProperty().get();
        assertThat(vm.statusProperty().get()).isEqualTo(describer.sentence(vm.timeline(), end));
        assertThat(vm.stepTextProperty().get()).isEqualTo(vm.i18n().get("status.step",
                vm.timeline().stepsAt(end), vm.timeline().stepCount()));
    }

    @Test
    void aScenarioOpensWithItsWholeRunCountedSoStepNOfNMeansTheWholeRun() {
        vm.open(PresetCatalog.open("multi_waiters"));
        int total = vm.totalProperty().get();
        int steps = vm.timeline().stepCount();
        // Simulated to its end by hand, the same scenario records as much: N is the whole run's.
        dev.eventlanes.model.Simulation whole = new dev.eventlanes.model.Simulation(vm.session().program(),
                vm.semanticsProperty().get(), 1);
        whole.runToEnd();
        assertThat(total).isEqualTo(whole.trace().size());
        assertThat(steps).isGreaterThan(4);
        assertThat(vm.stepTextProperty().get()).isEqualTo(vm.i18n().get("status.step", 0, steps));
        // Stepping shows more of the run; it does not make the run longer.
        vm.step();
        assertThat(vm.totalProperty().get()).isEqualTo(total);
        assertThat(vm.stepTextProperty().get()).isEqualTo(vm.i18n().get("status.step", 1, steps));
    }

    @Test
    void aClickOnAScenarioShowsTheMomentAfterItAndCountsTheRunItLeadsTo() {
        vm.open(PresetCatalog.open("multi_waiters"));
        vm.step();
        int before = vm.positionProperty().get();
        assertThat(vm.clickEvent("event")).isNull();
        int shown = vm.positionProperty().get();
        // Shown: the click's own entries, right after the moment it was made...
        assertThat(shown).isGreaterThan(before);
        assertThat(event("event").isSetAt(shown)).isTrue();
        assertThat(event("event").isSetAt(before)).isFalse();
        // ...and counted: the rest of the run the click leads to, simulated on to its end.
        assertThat(vm.totalProperty().get()).isGreaterThan(shown);
        assertThat(vm.simulation().result()).isNotNull();
        assertThat(vm.stepTextProperty().get()).isEqualTo(vm.i18n().get("status.step",
                vm.timeline().stepsAt(shown), vm.timeline().stepCount()));
    }

    @Test
    void speedIsClampedToTheSliderRange() {
        vm.speedProperty().set(100);
        assertThat(vm.speedProperty().get()).isEqualTo(MainViewModel.MAX_SPEED);
        vm.speedProperty().set(0.01);
        assertThat(vm.speedProperty().get()).isEqualTo(MainViewModel.MIN_SPEED);
    }

    @Test
    void aClickInThePastBranchesTheRunThere() {
        stepUntilWorkerWaits();
        int waitingAt = vm.positionProperty().get();
        vm.step();
        vm.step();
        vm.step();
        vm.scrubTo(waitingAt);
        vm.clickEvent("event");
        assertThat(vm.simulation().clicks()).hasSize(1);
        assertThat(vm.timeline().timeAt(vm.positionProperty().get())).isLessThan(2.0);
        assertThat(stateOf("worker")).isEqualTo(TaskState.READY);
    }

    @Test
    void aMalformedFileKeepsTheCurrentScenario() {
        var before = vm.session();
        boolean ok = vm.openText("bad.json", "{\"version\": 1, \"title\": \"x\", \"semantics\": \"anyio\", \"seed\": 1,"
                + " \"events\": [\"e\"], \"tasks\": [{\"name\": \"main\", \"ops\": [{\"op\": \"sett\"}]}]}", "file:bad.json");
        assertThat(ok).isFalse();
        assertThat(vm.session()).isSameAs(before);
        assertThat(vm.problems()).isNotEmpty();
        assertThat(vm.problems().get(0).message()).contains("tasks[0].ops[0]");
        assertThat(vm.bannerProperty().get()).contains("bad.json");
    }

    @Test
    void aPythonProgramWithSyntaxErrorsListsThemWithTheirLinesAndKeepsTheSession() {
        Session before = vm.session();
        assertThat(vm.openText("x.py", "import anyio\n\nasync def main()\n    pass\n", "file:x.py")).isFalse();
        assertThat(vm.session()).isSameAs(before);
        assertThat(vm.problems()).extracting(p -> p.line()).containsExactly(3);
        assertThat(vm.problems().get(0).message()).isEqualTo("expected ':'");
    }

    @Test
    void aPastedPythonProgramRunsAndPrintsWhatPythonPrints() {
        String program = """
                import anyio

                async def main():
                    print("hello from", anyio.current_time())
                    await anyio.sleep(1.5)
                    print("bye at", anyio.current_time())

                anyio.run(main)
                """;
        assertThat(vm.openText("pasted.py", program, "pasted")).isTrue();
        vm.runToEnd();
        assertThat(vm.output()).extracting(MainViewModel.OutputLine::text)
                .containsExactly("hello from 0.0", "bye at 1.500001");
    }

    @Test
    void aPythonProgramThatNeverEndsOpensStoppedWithAnExplanationInsteadOfFreezingTheWindow() {
        assertThat(vm.openText("forever.py", "import anyio\n\nasync def main():\n    while True:\n"
                + "        await anyio.sleep(1)\n\nanyio.run(main)\n", "forever")).isTrue();
        vm.runToEnd();
        assertThat(vm.simulation().result().status()).isEqualTo(RunResult.Status.RUNAWAY);
        assertThat(vm.bannerProperty().get()).contains("it looks like it never ends");
    }

    @Test
    void clickingAToggleInAPythonProgramSetsTheEventAtTheMomentShown() {
        String program = """
                import anyio

                async def worker(done):
                    await done.wait()
                    print("woken at", round(anyio.current_time(), 1))

                async def main():
                    done = anyio.Event()
                    async with anyio.create_task_group() as tg:
                        tg.start_soon(worker, done)
                        await anyio.sleep(3)
                        print("main slept")

                anyio.run(main)
                """;
        assertThat(vm.openText("click.py", program, "click")).isTrue();
        // Without a click the worker waits forever: the run ends in a deadlock.
        vm.runToEnd();
        assertThat(vm.output()).extracting(MainViewModel.OutputLine::text).containsExactly("main slept");
        vm.reset();
        for (int i = 0; i < 10 && !(vm.timeline().lanes().size() > 1 && stateOf("worker") == TaskState.WAITING); i++) {
            vm.step();
        }
        assertThat(stateOf("worker")).isEqualTo(TaskState.WAITING);
        assertThat(vm.timeline().timeAt(vm.positionProperty().get())).isZero();
        assertThat(vm.clickEvent("done")).isNull();
        assertThat(stateOf("worker")).isEqualTo(TaskState.READY);
        vm.runToEnd();
        assertThat(vm.output()).extracting(MainViewModel.OutputLine::text).containsExactly("woken at 0.0", "main slept");
    }

    @Test
    void laneActionsAppendOpsThatTheSchedulerRuns() {
        vm.open(PresetCatalog.blank(Semantics.ANYIO));
        assertThat(vm.statusProperty().get()).startsWith("An empty scenario: add an event with + Event");
        assertThat(vm.apply(ScenarioClicks.addEvent("go"), null)).isNull();
        assertThat(vm.apply(ScenarioClicks.addTask("a"), null)).isNull();
        assertThat(vm.apply(ScenarioClicks.appendOp("a", new Op.Wait("go")), null)).isNull();
        vm.tick(0);
        for (int i = 0; i < 5; i++) {
            vm.step();
        }
        assertThat(stateOf("a")).isEqualTo(TaskState.WAITING);
        assertThat(vm.codeLines()).contains("async def a():", "    await go.wait()");
        assertThat(vm.dirtyProperty().get()).isTrue();
        assertThat(vm.markers()).anyMatch(m -> m.name().equals("a") && vm.codeLines().get(m.line() - 1).contains("go.wait()"));
    }

    @Test
    void deadlockStopsPlaybackWithItsExplanation() {
        vm.open(PresetCatalog.open("deadlock"));
        vm.play();
        for (int i = 0; i < 100 && vm.playingProperty().get(); i++) {
            vm.tick(0.5);
        }
        assertThat(vm.playingProperty().get()).isFalse();
        assertThat(vm.bannerProperty().get()).contains("Deadlock at t = 0.0 s")
                .contains("alice waits on bob_done.wait(), which nobody will set")
                .contains("bob waits on alice_done.wait()");
        assertThat(vm.bannerErrorProperty().get()).isTrue();
        // The explanation follows the window's language.
        vm.i18n().setLocale(I18n.CHINESE);
        assertThat(vm.bannerProperty().get()).contains("秒时死锁").contains("alice 在等待 bob_done.wait()");
    }

    @Test
    void aRunawayTaskStopsPlaybackWithItsExplanationInsteadOfFreezing() {
        dev.eventlanes.model.Program spin = new dev.eventlanes.model.Program() {
            @Override
            public String title() {
                return "spin";
            }

            @Override
            public Semantics semantics() {
                return Semantics.ASYNCIO;
            }

            @Override
            public dev.eventlanes.model.Task start(dev.eventlanes.model.Loop loop) {
                return loop.spawn(new dev.eventlanes.model.JavaCoroutine() {
                    @Override
                    protected Object resume(Object v, dev.eventlanes.model.PyException exc) {
                        while (true) {
                            loop.countOps(1);
                        }
                    }
                }, "spinner");
            }
        };
        vm.open(new Session("test:spin", spin, dev.eventlanes.ui.program.CodeView.source(java.util.List.of("while True: pass")),
                false, java.util.List.of()));
        vm.play();
        for (int i = 0; i < 20 && vm.playingProperty().get(); i++) {
            vm.tick(0.5);
        }
        assertThat(vm.playingProperty().get()).isFalse();
        assertThat(vm.simulation().result().status()).isEqualTo(RunResult.Status.RUNAWAY);
        assertThat(vm.bannerProperty().get()).contains("Task spinner never awaits: it would block the event loop");
    }

    @Test
    void aChineseSubjectTakesNoSpaceBeforeAChineseVerbALatinNameDoes() {
        assertThat(Describer.joinSubject("你", "你 调用了 go.set()")).isEqualTo("你调用了 go.set()");
        assertThat(Describer.joinSubject("任务", "任务 调用了 go.set()")).isEqualTo("任务调用了 go.set()");
        assertThat(Describer.joinSubject("worker", "worker 调用了 go.set()")).isEqualTo("worker 调用了 go.set()");
        assertThat(Describer.joinSubject("You", "You called go.set()")).isEqualTo("You called go.set()");
        assertThat(Describer.joinSubject("你", "main 调用了 go.set()")).isEqualTo("main 调用了 go.set()");
    }

    @Test
    void theStatusLineIsCurrentAsSoonAsPlayingStops() {
        vm.play();
        // Frames far quicker than real ones: while playing, the texts are put off (ten a second).
        for (int i = 0; i < 600 && vm.playingProperty().get(); i++) {
            vm.tick(1 / 60.0);
            if (i == 45) {
                vm.pause();
            }
            if (i == 45) {
                String status = vm.statusProperty().get();
                String step = vm.stepTextProperty().get();
                String time = vm.timeTextProperty().get();
                int k = vm.positionProperty().get();
                assertThat(k).as("played past the first steps").isGreaterThan(vm.timeline().runIndex(1));
                // Worked out afresh for k (at rest, texts follow every move).
                vm.scrubTo(k - 1);
                vm.scrubTo(k);
                assertThat(vm.statusProperty().get()).isEqualTo(status);
                assertThat(vm.stepTextProperty().get()).isEqualTo(step);
                assertThat(vm.timeTextProperty().get()).isEqualTo(time);
                vm.play();
            }
        }
        assertThat(vm.playingProperty().get()).as("seed 1 played to its end").isFalse();
        assertThat(vm.statusProperty().get()).isEqualTo("main finished.");
        assertThat(vm.output()).hasSize(2);
    }

    @Test
    void theStatusSentenceFollowsTheLanguage() {
        stepUntilWorkerWaits();
        vm.clickEvent("event");
        vm.i18n().setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(vm.statusProperty().get()).isEqualTo("你调用了 event.set()（1 个等待的任务变为就绪）。");
        assertThat(vm.stepTextProperty().get()).startsWith("第 ");
    }

    // ------------------------------------------------------------------ stops: Step, Step line, Step back

    private int pos() {
        return vm.positionProperty().get();
    }

    /** The positions one move after another goes through, from where it starts until it stops moving. */
    private List<Integer> walk(Runnable move) {
        List<Integer> seen = new ArrayList<>(List.of(pos()));
        for (int i = 0; i < 10_000; i++) {
            move.run();
            if (pos() == seen.get(seen.size() - 1)) {
                break;
            }
            seen.add(pos());
        }
        return seen;
    }

    /** Every position at which some task is at another source line than the position before. */
    private List<Integer> lineChanges() {
        TraceIndex tl = vm.timeline();
        List<Integer> out = new ArrayList<>();
        for (int p = 1; p <= tl.size(); p++) {
            for (TraceIndex.Lane l : tl.lanes()) {
                if (l != null && l.lineAt(p) != l.lineAt(p - 1)) {
                    out.add(p);
                    break;
                }
            }
        }
        return out;
    }

    @Test
    void stepLineStopsWhereverATaskReachesANewLineWhichIsMoreOftenThanStepStops() {
        List<Integer> steps = walk(vm::step);
        vm.open(PresetCatalog.seed());
        int start = pos();
        List<Integer> lines = walk(vm::stepLine);
        assertThat(lines.size()).as("seed 1 has more line stops than scheduler stops").isGreaterThan(steps.size());
        assertThat(lines).containsAll(lineChanges().stream().filter(p -> p > start).toList());
        // A finer grain of the same run: Step line also stops where Step does.
        assertThat(lines).containsAll(steps);
        assertThat(lines.get(lines.size() - 1)).isEqualTo(vm.timeline().size());
    }

    @Test
    void stepBackRetracesStepAndStepLineBackRetracesStepLine() {
        List<Integer> steps = walk(vm::step);
        List<Integer> back = walk(vm::stepBack);
        // Back from the end through the very stops Step made, then to the run's first entry.
        List<Integer> expected = new ArrayList<>(steps);
        expected.add(0, 0);
        java.util.Collections.reverse(expected);
        assertThat(back).isEqualTo(expected);
        vm.open(PresetCatalog.seed());
        List<Integer> lines = walk(vm::stepLine);
        List<Integer> linesBack = walk(vm::stepLineBack);
        List<Integer> expectedLines = new ArrayList<>(lines);
        expectedLines.add(0, 0);
        java.util.Collections.reverse(expectedLines);
        assertThat(linesBack).isEqualTo(expectedLines);
    }

    // ------------------------------------------------------------------ history: the screen is the position's

    /** What the window shows of a moment, but the lanes. */
    private record Screen(String time, String step, String status, String banner, boolean bannerError,
                          List<MainViewModel.OutputLine> output, List<MainViewModel.Marker> markers) {
    }

    private Screen screen() {
        return new Screen(vm.timeTextProperty().get(), vm.stepTextProperty().get(), vm.statusProperty().get(),
                vm.bannerProperty().get(), vm.bannerProperty().get().isEmpty() ? false : vm.bannerErrorProperty().get(),
                List.copyOf(vm.output()), vm.markers());
    }

    @Test
    void aMomentLooksTheSameReachedForwardsBackwardsOrByScrubbing() {
        for (String preset : new String[] {PresetCatalog.SEED, "py:seed2_polling", "py:deadlock", "asyncio_set_clear"}) {
            vm.open(PresetCatalog.open(preset));
            Map<Integer, Screen> forward = new HashMap<>();
            forward.put(pos(), screen());
            for (int i = 0; i < 500 && pos() < vm.timeline().size(); i++) {
                vm.step();
                forward.put(pos(), screen());
            }
            for (int i = 0; i < 500 && pos() > vm.timeline().runIndex(0); i++) {
                vm.stepBack();
                assertThat(forward).as(preset + ": Step back stops where Step stopped").containsKey(pos());
                assertThat(screen()).as(preset + " at " + pos() + ", reached backwards").isEqualTo(forward.get(pos()));
            }
            for (Map.Entry<Integer, Screen> e : forward.entrySet()) {
                vm.scrubTo(vm.timeline().size());
                vm.scrubTo(e.getKey());
                assertThat(screen()).as(preset + " at " + e.getKey() + ", scrubbed to from the end").isEqualTo(e.getValue());
            }
        }
    }

    @Test
    void theSecondStepOfSeed1ShowsTheSameClockBothWays() {
        vm.step();
        vm.step();
        String time = vm.timeTextProperty().get();
        vm.step();
        vm.stepBack();
        assertThat(vm.timeTextProperty().get()).isEqualTo(time).isEqualTo("t = 0.0 s");
    }

    @Test
    void theEndOfRunBannerShowsExactlyWhenThePositionIsAtTheEnd() {
        vm.runToEnd();
        assertThat(vm.bannerProperty().get()).isEqualTo("The run finished at t = 2.0 s.");
        vm.stepBack();
        assertThat(vm.bannerProperty().get()).as("one step before the end").isEmpty();
        vm.step();
        assertThat(vm.bannerProperty().get()).isEqualTo("The run finished at t = 2.0 s.");
        vm.scrubTo(3);
        assertThat(vm.bannerProperty().get()).isEmpty();
        vm.scrubTo(vm.timeline().size());
        assertThat(vm.bannerProperty().get()).isEqualTo("The run finished at t = 2.0 s.");
        // Dismissed, it stays away while the playhead stays; back at the end later, it shows again.
        vm.clearBanner();
        assertThat(vm.bannerProperty().get()).isEmpty();
        vm.stepBack();
        vm.step();
        assertThat(vm.bannerProperty().get()).isEqualTo("The run finished at t = 2.0 s.");
        // Played to the end and scrubbed back, as the teacher did.
        vm.reset();
        vm.play();
        for (int i = 0; i < 2000 && vm.playingProperty().get(); i++) {
            vm.tick(1 / 30.0);
        }
        assertThat(vm.bannerProperty().get()).isEqualTo("The run finished at t = 2.0 s.");
        vm.scrubTo(vm.timeline().size() / 2);
        assertThat(vm.bannerProperty().get()).isEmpty();
    }

    @Test
    void aBannerAboutTheUsersOwnActionStaysUntilTheNextAction() {
        stepUntilWorkerWaits();
        vm.clickEvent("event");
        vm.clickEvent("event");
        String refused = "anyio events have no clear(): replace the Event with a new one";
        assertThat(vm.bannerProperty().get()).isEqualTo(refused);
        // It follows the language, and stays while nothing else is done.
        vm.i18n().setLocale(I18n.CHINESE);
        assertThat(vm.bannerProperty().get()).isEqualTo(vm.i18n().get("refuse.clear", "anyio"));
        vm.i18n().setLocale(Locale.ENGLISH);
        assertThat(vm.bannerProperty().get()).isEqualTo(refused);
        vm.step();
        assertThat(vm.bannerProperty().get()).isEmpty();
    }

    // ------------------------------------------------------------------ narration

    @Test
    void aStepIsToldWholeInOrderInEnglishAndChinese() {
        vm.open(PresetCatalog.open("py:asyncio_set_then_clear"));
        while (vm.timeline().stepsAt(pos()) < 3) {
            vm.step();
        }
        String main = lane0();
        String third = vm.timeline().lanes().get(2).name();
        assertThat(vm.statusProperty().get()).isEqualTo("The clock moves to t = 0.2 s and " + main + " wakes up. " + main
                + " called event.set() (1 waiting task becomes ready), then event.clear(), asked event.is_set() and got"
                + " False, printed \u201c[0.2] main: set() then clear() with no await between, is_se\u2026\u201d, started task "
                + third + ", and sleeps until t = 0.5 s.");
        vm.i18n().setLocale(I18n.CHINESE);
        assertThat(vm.statusProperty().get()).isEqualTo("时钟前进到 t = 0.2 秒，" + main + " 被唤醒。" + main
                + " 调用了 event.set()（1 个等待的任务变为就绪），然后调用了 event.clear()，查询 event.is_set()，得到 False，"
                + "打印了\u201c[0.2] main: set() then clear() with no await between, is_se\u2026\u201d，启动了任务 " + third
                + "，并休眠到 t = 0.5 秒。");
    }

    private String lane0() {
        return vm.timeline().lanes().get(0).name();
    }

    @Test
    void aStepThatDoesManyThingsIsSummedUp() {
        assertThat(vm.openText("many.py", """
                import anyio

                async def child(i):
                    await anyio.sleep(1)

                async def main():
                    async with anyio.create_task_group() as tg:
                        for i in range(100):
                            tg.start_soon(child, i)
                        print("all started")

                anyio.run(main)
                """, "many")).isTrue();
        vm.step();
        assertThat(vm.statusProperty().get()).isEqualTo(lane0()
                + " started 100 tasks, then printed \u201call started\u201d, and waits for its child tasks to finish.");
        assertThat(vm.openText("flip.py", """
                import asyncio

                async def main():
                    e = asyncio.Event()
                    for i in range(50):
                        e.set()
                        e.clear()
                    await asyncio.sleep(1)

                asyncio.run(main())
                """, "flip")).isTrue();
        vm.step();
        String said = vm.statusProperty().get();
        assertThat(said).startsWith(lane0() + " created Event e, then called e.set() (nobody was waiting), e.clear(),")
                .contains("more actions").endsWith("and sleeps until t = 1.0 s.");
        assertThat(said.length()).as("readable: " + said).isLessThan(200);
    }

    // ------------------------------------------------------------------ click-built scenarios

    private void blank(Semantics s) {
        vm.open(PresetCatalog.blank(s));
    }

    @Test
    void anIdleClickBuiltTaskIsSaidToWaitForTheUsersNextAction() {
        blank(Semantics.ANYIO);
        vm.apply(ScenarioClicks.addEvent("go"), null);
        vm.apply(ScenarioClicks.addTask("alice"), null);
        vm.runToEnd();
        assertThat(vm.statusProperty().get()).isEqualTo("alice is idle, waiting for your next action.");
        assertThat(vm.markers()).singleElement().satisfies(m -> {
            assertThat(m.idle()).isTrue();
            assertThat(vm.codeLines().get(m.line() - 1)).isEqualTo("    \u2026");
        });
        assertThat(vm.idleAt(lane("alice"), pos())).isTrue();
        vm.i18n().setLocale(I18n.CHINESE);
        assertThat(vm.statusProperty().get()).isEqualTo("alice 空闲，等待你的下一个操作。");
    }

    @Test
    void aClickBuiltTasksErrorNamesTheLineTheCodePanelShows() {
        blank(Semantics.ANYIO);
        vm.apply(ScenarioClicks.addEvent("go"), null);
        vm.apply(ScenarioClicks.addTask("alice"), null);
        vm.apply(ScenarioClicks.appendOp("alice", new Op.Set("go")), null);
        vm.apply(ScenarioClicks.appendOp("alice", new Op.Clear("go")), null);
        vm.runToEnd();
        MainViewModel.OutputLine error = vm.output().stream().filter(MainViewModel.OutputLine::error).findFirst().orElseThrow();
        assertThat(vm.codeLines().get(error.line() - 1)).isEqualTo("    go.clear()");
        assertThat(error.line()).isEqualTo(3);
        assertThat(vm.statusProperty().get()).contains("failed on line 3: AttributeError");
        // The run's end says that the task failed, and how, before what to do now.
        assertThat(vm.bannerProperty().get()).startsWith("alice failed on line 3: AttributeError: 'Event' object has no attribute 'clear'")
                .contains("Nothing else runs until your next action");
        assertThat(vm.bannerErrorProperty().get()).isTrue();
    }

    @Test
    void switchingLibraryNamesEachClickThatNoLongerApplies() {
        blank(Semantics.ASYNCIO);
        vm.apply(ScenarioClicks.addEvent("go"), null);
        vm.apply(ScenarioClicks.addTask("alice"), null);
        vm.apply(ScenarioClicks.appendOp("alice", new Op.Set("go")), null);
        vm.apply(ScenarioClicks.appendOp("alice", new Op.Clear("go")), null);
        vm.runToEnd();
        vm.clickEvent("go");
        vm.clickEvent("go");
        assertThat(vm.simulation().clicks()).hasSize(6);
        vm.semanticsProperty().set(Semantics.TRIO);
        assertThat(vm.bannerProperty().get()).isEqualTo("2 clicks no longer apply under trio and were dropped:"
                + " alice: go.clear() (trio events have no clear()); clicking go: go.clear() (trio events have no clear())");
        assertThat(vm.simulation().clicks()).hasSize(4);
        vm.i18n().setLocale(I18n.CHINESE);
        assertThat(vm.bannerProperty().get()).isEqualTo("有 2 次点击在 trio 下不再适用，已丢弃："
                + "alice：go.clear()（trio 的事件没有 clear()）；点击 go：go.clear()（trio 的事件没有 clear()）");
    }

    @Test
    void aClickBuiltScenarioWithNothingToStepSaysWhatToAddInsteadOfPlay() {
        blank(Semantics.ANYIO);
        vm.apply(ScenarioClicks.addEvent("go"), null);
        assertThat(vm.stepTextProperty().get()).isEqualTo("step 0 of 0");
        assertThat(vm.statusProperty().get()).doesNotContain("Play").startsWith("No task yet: add one with + Task");
        vm.runToEnd();
        assertThat(vm.statusProperty().get()).doesNotContain("Play").startsWith("No task yet");
    }

    @Test
    void aProgramWithoutAnEventLoopSaysItHasNoStepsInsteadOfPlay() {
        assertThat(vm.openText("plain.py", "print(\"hi\")\n", "plain")).isTrue();
        assertThat(vm.stepTextProperty().get()).isEqualTo("step 0 of 0");
        assertThat(vm.statusProperty().get()).isEqualTo("This program ran no task (it started no event loop), so it has no steps to show.");
        assertThat(vm.output()).extracting(MainViewModel.OutputLine::text).containsExactly("hi");
    }

    @Test
    void aProgramThatFailsBeforeItsFirstStepSaysSoInsteadOfPlay() {
        assertThat(vm.openText("boom.py", "import anyio\nx = 1 / 0\n", "boom")).isTrue();
        assertThat(vm.statusProperty().get()).isEqualTo("The program failed before any task ran: the banner says how.");
        assertThat(vm.bannerProperty().get()).isEqualTo("The program failed: ZeroDivisionError: division by zero");
    }
}
