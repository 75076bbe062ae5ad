package dev.eventlanes.python.interp;

import dev.eventlanes.model.AsyncioLib;
import dev.eventlanes.model.AsyncioTaskGroup;
import dev.eventlanes.model.AsyncioTimeout;
import dev.eventlanes.model.CancelCause;
import dev.eventlanes.model.Coroutine;
import dev.eventlanes.model.ExcType;
import dev.eventlanes.model.Future;
import dev.eventlanes.model.Loop;
import dev.eventlanes.model.PyException;
import dev.eventlanes.model.Task;
import dev.eventlanes.python.runtime.BuiltinFunction;
import dev.eventlanes.python.runtime.PyList;
import dev.eventlanes.python.runtime.PyNone;
import dev.eventlanes.python.runtime.PyObject;
import dev.eventlanes.python.runtime.PyOps;
import java.util.ArrayList;
import java.util.List;

/** asyncio's gather, wait_for, TaskGroup and timeout, as the program sees them, over the model's ports. */
final class AsyncioExtras {
    private AsyncioExtras() {
    }

    static void install(Library.PyModule m, Loop loop, Library lib) {
        m.put("gather", new BuiltinFunction("gather", (a, kw) -> {
            boolean returnExceptions = PyOps.truthy(kw.getOrDefault("return_exceptions", Boolean.FALSE));
            List<Object> aws = new ArrayList<>();
            for (Object x : a) {
                aws.add(toModelAwaitable(x, "gather"));
            }
            return new GatherObj(AsyncioLib.gather(loop, aws, returnExceptions));
        }));
        // ensure_future(coroutine) schedules it as a task, as create_task does (asyncio's own does
        // loop.create_task(coro)); a task or a gather's future comes back as it is.
        m.put("ensure_future", new BuiltinFunction("ensure_future", (a, kw) -> {
            if (a.length != 1) {
                throw PyException.of(ExcType.TYPE_ERROR, a.length == 0
                        ? "ensure_future() missing 1 required positional argument: 'coro_or_future'"
                        : "ensure_future() takes 1 positional argument but " + a.length + " were given");
            }
            if (a[0] instanceof Library.TaskObj || a[0] instanceof GatherObj) {
                return a[0];
            }
            if (a[0] instanceof Coroutine co) {
                return new Library.TaskObj(loop.spawnWrapping(co), lib);
            }
            throw PyException.of(ExcType.TYPE_ERROR, "An asyncio.Future, a coroutine or an awaitable is required");
        }));
        m.put("wait_for", new BuiltinFunction("wait_for", (a, kw) -> {
            if (a.length < 1) {
                throw PyException.of(ExcType.TYPE_ERROR, "wait_for() missing 2 required positional arguments: 'fut' and 'timeout'");
            }
            Object t = a.length > 1 ? a[1] : kw.get("timeout");
            if (t == null) {
                throw PyException.of(ExcType.TYPE_ERROR, "wait_for() missing 1 required positional argument: 'timeout'");
            }
            Double timeout = t == PyNone.NONE ? null : PyOps.toDouble(t);
            return AsyncioLib.waitFor(loop, toModelAwaitable(a[0], "wait_for"), timeout, CancelCause.waitFor(PyOps.repr(t)));
        }));
        m.put("TaskGroup", new BuiltinFunction("TaskGroup", (a, kw) -> new TaskGroupObj(new AsyncioTaskGroup(loop), lib)));
        m.put("timeout", new BuiltinFunction("timeout", (a, kw) -> {
            Object d = a.length > 0 ? a[0] : kw.getOrDefault("delay", PyNone.NONE);
            return new TimeoutObj(AsyncioLib.timeout(loop, d == PyNone.NONE ? null : PyOps.toDouble(d))
                    .madeBy(CancelCause.asyncioTimeout(PyOps.repr(d))));
        }));
        m.put("timeout_at", new BuiltinFunction("timeout_at", (a, kw) -> {
            Object d = a.length > 0 ? a[0] : kw.getOrDefault("when", PyNone.NONE);
            return new TimeoutObj(AsyncioLib.timeoutAt(loop, d == PyNone.NONE ? null : PyOps.toDouble(d))
                    .madeBy(CancelCause.asyncioTimeoutAt(PyOps.repr(d))));
        }));
    }

    /** What the model's ports accept: a coroutine (becomes a task) or a future. */
    private static Object toModelAwaitable(Object x, String fn) {
        if (x instanceof PyCoroutine co) {
            return co;
        }
        if (x instanceof Library.TaskObj t) {
            return t.task;
        }
        if (x instanceof GatherObj g) {
            return g.future;
        }
        if (x instanceof Coroutine c) {
            return c;
        }
        throw PyException.of(ExcType.TYPE_ERROR, "An asyncio.Future, a coroutine or an awaitable is required");
    }

    /** Python lists for the model's Java lists (gather's results). */
    static Object toPython(Object v) {
        if (v instanceof List<?> l) {
            ArrayList<Object> items = new ArrayList<>(l.size());
            for (Object o : l) {
                items.add(toPython(o));
            }
            return new PyList(items);
        }
        return Interpreter.fromModel(v);
    }

    /** The future {@code gather()} returns. */
    static final class GatherObj implements PyObject {
        final Future future;

        GatherObj(Future future) {
            this.future = future;
        }

        @Override
        public String typeName() {
            return "_GatheringFuture";
        }

        Coroutine awaiter() {
            return Library.mapResult(Library.awaitFuture(future), AsyncioExtras::toPython);
        }

        @Override
        public Object getAttr(String name) {
            return switch (name) {
                case "cancel" -> new BuiltinFunction("cancel", (a, kw) -> future.cancel(a.length > 0 ? PyOps.str(a[0]) : null));
                case "done" -> new BuiltinFunction("done", (a, kw) -> future.isDone());
                case "cancelled" -> new BuiltinFunction("cancelled", (a, kw) -> future.isCancelled());
                case "result" -> new BuiltinFunction("result", (a, kw) -> toPython(future.result()));
                default -> null;
            };
        }
    }

    /** {@code asyncio.TaskGroup()}. */
    static final class TaskGroupObj implements PyObject, Library.AsyncCtx {
        final AsyncioTaskGroup group;
        final Library lib;

        TaskGroupObj(AsyncioTaskGroup group, Library lib) {
            this.group = group;
            this.lib = lib;
        }

        @Override
        public Coroutine aenter() {
            return Library.mapResult(group.aenter(), v -> this);
        }

        @Override
        public Coroutine aexit(PyException exc) {
            return group.aexit(exc);
        }

        @Override
        public String typeName() {
            return "TaskGroup";
        }

        @Override
        public String repr() {
            return group.toString();
        }

        @Override
        public Object getAttr(String name) {
            if ("create_task".equals(name)) {
                return new BuiltinFunction("create_task", (a, kw) -> {
                    if (a.length != 1 || !(a[0] instanceof Coroutine co)) {
                        throw PyException.of(ExcType.TYPE_ERROR, "a coroutine was expected, got "
                                + (a.length == 0 ? "nothing" : PyOps.repr(a[0])));
                    }
                    Object nm = kw.get("name");
                    Task t = group.createTask(co, nm == null || nm == PyNone.NONE ? null : PyOps.str(nm));
                    return new Library.TaskObj(t, lib);
                });
            }
            return null;
        }
    }

    /** {@code asyncio.timeout(delay)}. */
    static final class TimeoutObj implements PyObject, Library.AsyncCtx {
        final AsyncioTimeout timeout;

        TimeoutObj(AsyncioTimeout timeout) {
            this.timeout = timeout;
        }

        @Override
        public Coroutine aenter() {
            return Library.mapResult(timeout.aenter(), v -> this);
        }

        @Override
        public Coroutine aexit(PyException exc) {
            return timeout.aexit(exc);
        }

        @Override
        public String typeName() {
            return "Timeout";
        }

        @Override
        public String repr() {
            return timeout.toString();
        }

        @Override
        public Object getAttr(String name) {
            return switch (name) {
                case "when" -> new BuiltinFunction("when", (a, kw) -> timeout.when() == null ? PyNone.NONE : (Object) timeout.when());
                case "reschedule" -> new BuiltinFunction("reschedule", (a, kw) -> {
                    timeout.reschedule(a[0] == PyNone.NONE ? null : PyOps.toDouble(a[0]));
                    return PyNone.NONE;
                });
                case "expired" -> new BuiltinFunction("expired", (a, kw) -> timeout.expired());
                default -> null;
            };
        }
    }
}
