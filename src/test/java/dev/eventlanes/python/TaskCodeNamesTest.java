package dev.eventlanes.python;

import static dev.eventlanes.python.Programs.output;
import static dev.eventlanes.python.Programs.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.eventlanes.model.Loop;
import dev.eventlanes.model.Semantics;
import dev.eventlanes.model.Simulation;
import dev.eventlanes.model.Task;
import dev.eventlanes.scenario.Presets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Each task's name as the code calls it ({@link Task#codeName()}) and the first argument it was
 * started with ({@link Task#codeArg()}), found by id as a lane would ask for them; its library
 * name ({@code get_name()}) stays what the program prints.
 */
class TaskCodeNamesTest {

    /** Every task of the run, by id, as "codeName(codeArg)" or "codeName" when there is no argument. */
    private static List<String> lanes(Simulation sim) {
        Loop loop = sim.loop();
        List<String> out = new ArrayList<>();
        for (int id = 0; id < loop.tasks().size(); id++) {
            Task t = loop.task(id);
            out.add(t.codeArg() == null ? t.codeName() : t.codeName() + "(" + t.codeArg() + ")");
        }
        return out;
    }

    @Test
    void asyncioTasksAreCalledByTheirFunctionOrTheirGivenNameNeverTaskN() {
        Simulation sim = run("""
                import asyncio

                async def worker(x):
                    await asyncio.sleep(0.1)

                async def waiter(ev):
                    await ev.wait()

                async def main():
                    ev = asyncio.Event()
                    a = asyncio.create_task(worker('A'))
                    b = asyncio.create_task(worker(3), name="three")
                    asyncio.create_task(worker([1, 2]))
                    asyncio.create_task(worker('a long string'))
                    e = asyncio.create_task(waiter(ev))
                    e.set_name("renamed")
                    async with asyncio.TaskGroup() as tg:
                        tg.create_task(worker(-1))
                        tg.create_task(worker(0.5), name="half")
                    print(a.get_name(), b.get_name(), e.get_name())
                    ev.set()

                asyncio.run(main())
                """);
        assertThat(output(sim)).isEqualTo("Task-2 three renamed\n");
        assertThat(lanes(sim)).containsExactly("main", "worker('A')", "three(3)", "worker", "worker", "renamed",
                "worker(-1)", "half(0.5)");
        assertThat(sim.loop().task(1).name()).isEqualTo("Task-2");
    }

    @Test
    void tasksTheLibraryMakesAroundACoroutineAreCalledByItsQualifiedName() {
        Simulation sim = run("""
                import asyncio

                async def worker(x):
                    await asyncio.sleep(0.1)

                async def main():
                    async def inner(n):
                        await asyncio.sleep(0.1)

                    ev = asyncio.Event()
                    await asyncio.gather(worker(2.5), inner(None))
                    try:
                        await asyncio.wait_for(ev.wait(), 0.1)
                    except TimeoutError:
                        print("timed out")
                    await asyncio.ensure_future(worker(True))
                    await asyncio.create_task(inner(1))

                asyncio.run(main())
                """);
        assertThat(output(sim)).isEqualTo("timed out\n");
        // gather's and ensure_future's tasks, and wait_for's inner task, are the library's;
        // create_task's is the program's, called by the function's own name.
        assertThat(lanes(sim)).containsExactly("main", "worker(2.5)", "main.<locals>.inner(None)", "Event.wait",
                "worker(True)", "inner(1)");
    }

    private static final String TASK_GROUP = """
            import anyio

            async def worker(tag, n=0):
                await anyio.sleep(0.1)

            async def main():
                async with anyio.create_task_group() as tg:
                    tg.start_soon(worker, 'A')
                    tg.start_soon(worker, 'B')
                    tg.start_soon(worker, 7, name="seven")
                    tg.start_soon(lambda: worker('L'))
                    tg.start_soon(worker, 12345678901234)
                    tg.start_soon(anyio.sleep, 0.1)

            anyio.run(main)
            """;

    @Test
    void anyioAndTrioTasksAreCalledByTheFunctionTheyRunAndTellApartByTheirFirstArgument() {
        PythonProgram p = PythonProgram.compile("tg.py", TASK_GROUP).program();
        for (Semantics s : new Semantics[] {Semantics.ANYIO, Semantics.TRIO}) {
            Simulation sim = run(p, s);
            // The lambda's task runs worker('L'); a 14-digit int is too long to be a label; a
            // library coroutine does not know its call.
            assertThat(lanes(sim)).as("%s", s).containsExactly("main", "worker('A')", "worker('B')", "seven(7)",
                    "worker('L')", "worker", "sleep");
            assertThat(sim.loop().task(4).name()).as("%s", s).isEqualTo("<lambda>");
        }
    }

    @Test
    void aTrioNurserysTasksToo() {
        Simulation sim = run("""
                import trio

                async def child(name):
                    await trio.sleep(0.1)

                async def main():
                    async with trio.open_nursery() as nursery:
                        nursery.start_soon(child, "x")
                        nursery.start_soon(child, "y", name="why")

                trio.run(main)
                """);
        assertThat(sim.semantics()).isEqualTo(Semantics.TRIO);
        assertThat(lanes(sim)).containsExactly("main", "child('x')", "why('y')");
    }

    @Test
    void aScenariosTasksAreCalledByTheirNamesInTheFile() {
        Simulation sim = Presets.load("multi_waiters").simulate();
        sim.runToEnd();
        List<String> names = new ArrayList<>();
        for (Task t : sim.loop().tasks()) {
            names.add(t.name());
        }
        assertThat(lanes(sim)).isEqualTo(names).isNotEmpty().doesNotContain("Task-1");
    }

    @Test
    void theLoopFindsEachTaskByItsId() {
        Simulation sim = run("""
                import asyncio

                async def main():
                    await asyncio.sleep(0)

                asyncio.run(main())
                """);
        assertThat(sim.loop().task(0)).isSameAs(sim.loop().tasks().get(0));
        assertThatThrownBy(() -> sim.loop().task(1)).isInstanceOf(IndexOutOfBoundsException.class);
    }
}
