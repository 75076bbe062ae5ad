package dev.eventlanes.ui.program;

import dev.eventlanes.model.AsyncEvent;
import dev.eventlanes.model.JavaCoroutine;
import dev.eventlanes.model.Loop;
import dev.eventlanes.model.PyException;
import dev.eventlanes.model.Program;
import dev.eventlanes.model.Semantics;
import dev.eventlanes.model.Task;
import java.util.List;

/**
 * The window's built-in "seed 1" program, so the window opens on something to play even in a
 * build without the scenario package: {@code main} starts a {@code handler} that waits on
 * {@code response_sent}, sleeps, prints and sets the event.
 */
public final class DemoProgram implements Program {
    /** The lines the code panel shows; coroutine lines refer to them (1-based). */
    public static final List<String> SOURCE = List.of(
            "async def handler(response_sent):",
            "    await response_sent.wait()",
            "    print('handler: response was sent')",
            "",
            "async def main():",
            "    response_sent = Event()",
            "    start_soon(handler, response_sent)",
            "    await sleep(1)",
            "    print('main: sending the response')",
            "    response_sent.set()",
            "    await sleep(0.5)",
            "    print('main: done')");

    private final Semantics semantics;

    public DemoProgram(Semantics semantics) {
        this.semantics = semantics;
    }

    @Override
    public String title() {
        return "seed 1: a handler waits for the response";
    }

    @Override
    public Semantics semantics() {
        return semantics;
    }

    @Override
    public Task start(Loop loop) {
        return loop.spawn(new Main(loop), "main");
    }

    private static final class Main extends JavaCoroutine {
        private final Loop loop;
        private AsyncEvent ev;
        private int line = 5;

        Main(Loop loop) {
            this.loop = loop;
        }

        @Override
        protected Object resume(Object value, PyException exc) {
            if (exc != null) {
                throw exc;
            }
            switch (state) {
                case 0 -> {
                    line = 6;
                    ev = loop.newEvent("response_sent");
                    line = 7;
                    loop.spawn(new Handler(loop, ev), "handler");
                    line = 8;
                    state = 1;
                    return await(loop.sleep(1));
                }
                case 1 -> {
                    line = 9;
                    loop.emitPrint("main: sending the response");
                    line = 10;
                    ev.set();
                    line = 11;
                    state = 2;
                    return await(loop.sleep(0.5));
                }
                default -> {
                    line = 12;
                    loop.emitPrint("main: done");
                    return finish(null);
                }
            }
        }

        @Override
        public int currentLine() {
            return line;
        }

        @Override
        public String name() {
            return "main";
        }
    }

    private static final class Handler extends JavaCoroutine {
        private final Loop loop;
        private final AsyncEvent ev;
        private int line = 1;

        Handler(Loop loop, AsyncEvent ev) {
            this.loop = loop;
            this.ev = ev;
        }

        @Override
        protected Object resume(Object value, PyException exc) {
            if (exc != null) {
                throw exc;
            }
            if (state == 0) {
                line = 2;
                state = 1;
                return await(ev.waitCoroutine());
            }
            line = 3;
            loop.emitPrint("handler: response was sent");
            return finish(null);
        }

        @Override
        public int currentLine() {
            return line;
        }

        @Override
        public String name() {
            return "handler";
        }
    }
}
