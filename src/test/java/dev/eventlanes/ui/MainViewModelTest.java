package dev.eventlanes.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventlanes.model.RunResult;
import dev.eventlanes.model.Semantics;
import dev.eventlanes.model.TaskState;
import dev.eventlanes.scenario.Op;
import dev.eventlanes.scenario.ScenarioClicks;
import dev.eventlanes.ui.program.ProgramSources;
import dev.eventlanes.scene.TraceIndex;
import java.util.Locale;
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
        assertThat(vm.statusProperty().get()).isEqualTo("main started task worker, then main sleeps until t = 2.0 s");
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
        assertThat(vm.statusProperty().get()).isEqualTo("You called event.set(): 1 waiting task becomes ready");
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
        assertThat(vm.statusProperty().get()).isEqualTo("main finished");
        assertThat(vm.output()).hasSize(2);
    }

    @Test
    void theStatusSentenceFollowsTheLanguage() {
        stepUntilWorkerWaits();
        vm.clickEvent("event");
        vm.i18n().setLocale(Locale.SIMPLIFIED_CHINESE);
        assertThat(vm.statusProperty().get()).isEqualTo("你调用了 event.set()：1 个等待的任务变为就绪");
        assertThat(vm.stepTextProperty().get()).startsWith("第 ");
    }
}
