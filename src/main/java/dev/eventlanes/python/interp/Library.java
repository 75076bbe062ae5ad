package dev.eventlanes.python.interp;

import dev.eventlanes.model.AsyncEvent;
import dev.eventlanes.model.CancelCause;
import dev.eventlanes.model.CancelScope;
import dev.eventlanes.model.Coroutine;
import dev.eventlanes.model.ExcType;
import dev.eventlanes.model.Future;
import dev.eventlanes.model.JavaCoroutine;
import dev.eventlanes.model.Loop;
import dev.eventlanes.model.PyException;
import dev.eventlanes.model.PyNoneHolder;
import dev.eventlanes.model.RunResult;
import dev.eventlanes.model.Semantics;
import dev.eventlanes.model.Task;
import dev.eventlanes.model.TaskGroup;
import dev.eventlanes.model.TraceKind;
import dev.eventlanes.model.WaitReason;
import dev.eventlanes.python.runtime.BuiltinFunction;
import dev.eventlanes.python.runtime.PyCallable;
import dev.eventlanes.python.runtime.PyNone;
import dev.eventlanes.python.runtime.PyObject;
import dev.eventlanes.python.runtime.PyOps;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The modules a program can import — {@code anyio}, {@code asyncio}, {@code trio}, {@code time}
 * — as thin Python-facing objects over the model. Each function here does what the library's
 * function does, in the model's terms; the behaviour itself lives in the model.
 */
final class Library {
    /** The only modules a program may import: nothing here reaches files, network or processes. */
    static final Set<String> MODULES = Set.of("anyio", "asyncio", "trio", "time");

    private final Loop loop;
    private Interpreter interp;
    private final Map<String, PyModule> modules = new HashMap<>();
    private final Map<String, Integer> hintCounts = new HashMap<>();

    Library(Loop loop) {
        this.loop = loop;
    }

    void bind(Interpreter interp) {
        this.interp = interp;
        modules.put("anyio", anyio());
        modules.put("asyncio", asyncio());
        modules.put("trio", trio());
        modules.put("time", time());
    }

    Semantics semantics() {
        return loop.semantics();
    }

    // ---------------------------------------------------------------- hooks used by the machine

    Object importModule(String name) {
        PyModule m = modules.get(name);
        if (m == null) {
            throw PyException.of(ExcType.MODULE_NOT_FOUND_ERROR, "No module named '" + name + "'");
        }
        return m;
    }

    Object getAttr(Object obj, String name) {
        if (obj instanceof PyModule m) {
            Object v = m.attrs.get(name);
            if (v == null) {
                throw PyException.of(ExcType.ATTRIBUTE_ERROR, "module '" + m.name + "' has no attribute '" + name + "'");
            }
            return v;
        }
        return null;
    }

    void setAttr(Object obj, String name, Object value) {
        if (obj instanceof ScopeObj s) {
            switch (name) {
                case "deadline" -> {
                    s.scope().setDeadline(PyOps.toDouble(value));
                    return;
                }
                case "shield" -> {
                    s.scope().setShield(PyOps.truthy(value));
                    return;
                }
                default -> {
                }
            }
        }
        throw PyException.of(ExcType.ATTRIBUTE_ERROR, "'" + PyOps.typeName(obj) + "' object attribute '" + name + "' is read-only");
    }

    Object call(Object fn, Object[] args, Map<String, Object> kwargs) {
        return PyOps.call(fn, args, kwargs);
    }

    Object enter(Object ctx) {
        if (ctx instanceof ScopeObj s) {
            return s.enter();
        }
        throw PyException.of(ExcType.TYPE_ERROR, "'" + PyOps.typeName(ctx) + "' object does not support the context manager protocol");
    }

    Object exit(Object ctx, PyException exc) {
        return ((ScopeObj) ctx).exit(exc);
    }

    Object aenter(Object ctx) {
        if (ctx instanceof AsyncCtx a) {
            return a.aenter();
        }
        throw PyException.of(ExcType.TYPE_ERROR, "'" + PyOps.typeName(ctx) + "' object does not support the asynchronous context manager protocol");
    }

    Object aexit(Object ctx, PyException exc) {
        return ((AsyncCtx) ctx).aexit(exc);
    }

    /** What {@code await obj} drives, or null if obj is not awaitable. */
    Coroutine awaitable(Object obj) {
        if (obj instanceof Coroutine c) {
            return c;
        }
        if (obj instanceof TaskObj t) {
            return awaitFuture(t.task);
        }
        if (obj instanceof FutureObj f) {
            return awaitFuture(f.future);
        }
        if (obj instanceof AsyncioExtras.GatherObj g) {
            return g.awaiter();
        }
        return null;
    }

    /** A coroutine that awaits {@code c} and returns {@code f} of its result. */
    static Coroutine mapResult(Coroutine c, java.util.function.UnaryOperator<Object> f) {
        return new JavaCoroutine() {
            @Override
            protected Object resume(Object value, PyException exc) {
                if (state == 0) {
                    state = 1;
                    return await(c);
                }
                if (exc != null) {
                    throw exc;
                }
                return finish(f.apply(value));
            }

            @Override
            public String name() {
                return c.name();
            }

            @Override
            public String qualName() {
                return c.qualName();
            }

            @Override
            public String codeArg() {
                return c.codeArg();
            }
        };
    }

    static Coroutine awaitFuture(Future fut) {
        return new JavaCoroutine() {
            @Override
            protected Object resume(Object value, PyException exc) {
                if (state == 0) {
                    state = 1;
                    return await(fut);
                }
                if (exc != null) {
                    throw exc;
                }
                return finish(value);
            }

            @Override
            public String name() {
                return "await";
            }
        };
    }

    // ---------------------------------------------------------------- shared pieces

    private static BuiltinFunction fn(String name, BuiltinFunction.Impl impl) {
        return new BuiltinFunction(name, impl);
    }

    private String eventName() {
        String hint = interp.takeHint();
        String base = hint == null ? "event" : hint;
        int n = hintCounts.merge(base, 1, Integer::sum);
        return n == 1 ? base : base + "#" + n;
    }

    private static void argc(String name, Object[] a, int min, int max) {
        if (a.length < min || a.length > max) {
            String want = min == max ? String.valueOf(min) : min + " to " + max;
            throw PyException.of(ExcType.TYPE_ERROR, name + "() takes " + want + " positional argument"
                    + (max == 1 ? "" : "s") + " but " + a.length + (a.length == 1 ? " was" : " were") + " given");
        }
    }

    private static void noKw(String name, Map<String, Object> kw) {
        if (!kw.isEmpty()) {
            throw PyException.of(ExcType.TYPE_ERROR, name + "() got an unexpected keyword argument '" + kw.keySet().iterator().next() + "'");
        }
    }

    private static double seconds(Object v) {
        if (v instanceof Boolean || !(v instanceof Long || v instanceof Double || v instanceof java.math.BigInteger)) {
            if (!(v instanceof Boolean)) {
                throw PyException.of(ExcType.TYPE_ERROR, "'" + PyOps.typeName(v) + "' object cannot be interpreted as a number of seconds");
            }
        }
        return PyOps.toDouble(v);
    }

    private Object newEvent(Object[] a, Map<String, Object> kw) {
        argc("Event", a, 0, 0);
        noKw("Event", kw);
        return new EventObj(loop.newEvent(eventName()), loop);
    }

    private Object sleep(String lib, Object[] a, Map<String, Object> kw) {
        argc("sleep", a, 1, lib.equals("asyncio") ? 2 : 1);
        Object result = a.length > 1 ? a[1] : kw.getOrDefault("result", PyNone.NONE);
        Coroutine s = loop.sleep(seconds(a[0]));
        return result == PyNone.NONE ? s : mapResult(s, v -> result);
    }

    private Object sleepForever(Object[] a, Map<String, Object> kw) {
        argc("sleep_forever", a, 0, 0);
        Future forever = new Future(loop, WaitReason.FOREVER);
        return awaitFuture(forever);
    }

    private Object currentTime(Object[] a, Map<String, Object> kw) {
        argc("current_time", a, 0, 0);
        return loop.time();
    }

    /** Runs a main coroutine as the loop's main task, the way {@code asyncio.run} does. */
    Object runMain(Object coro, String taskName) {
        if (loop.currentTask() != null) {
            // run() from inside a task would start a loop within the loop: the libraries refuse.
            String msg = switch (semantics()) {
                case ASYNCIO -> "asyncio.run() cannot be called from a running event loop";
                case ANYIO -> "Already running asyncio in this thread";
                case TRIO -> "Attempted to call run() from inside a run()";
            };
            if (coro instanceof PyCoroutine co) {
                co.finished = true;
            }
            throw PyException.of(ExcType.RUNTIME_ERROR, msg);
        }
        if (!(coro instanceof Coroutine co)) {
            throw PyException.of(ExcType.VALUE_ERROR, "a coroutine was expected, got " + PyOps.repr(coro));
        }
        Task main = loop.spawn(co, taskName);
        loop.setMain(main);
        RunResult r = loop.runToEnd();
        if (r.status() != RunResult.Status.FINISHED) {
            throw new dev.eventlanes.model.RunAbortedException(r);
        }
        if (main.isCancelled()) {
            throw semantics().cancelledError(null);
        }
        return Interpreter.fromModel(main.result());
    }

    private Object callAsync(Object fn, Object[] args, String what) {
        Object coro = interp.callValue(fn, args, Map.of());
        // A library coroutine (tg.start_soon(anyio.sleep, 1)) is as good as a Python one.
        if (!(coro instanceof Coroutine)) {
            throw PyException.of(ExcType.TYPE_ERROR, what + " expected an async function, but " + PyOps.repr(fn)
                    + " returned " + PyOps.repr(coro) + " (is it missing 'async def'?)");
        }
        return coro;
    }

    private static String funcName(Object fn) {
        if (fn instanceof PyFunction pf) {
            return pf.code.name;
        }
        if (fn instanceof PyCallable c) {
            return c.name();
        }
        return PyOps.typeName(fn);
    }

    private ScopeObj moveOnAfter(Object[] a, Map<String, Object> kw, boolean fail) {
        argc(fail ? "fail_after" : "move_on_after", a, 1, 1);
        boolean shield = PyOps.truthy(kw.getOrDefault("shield", Boolean.FALSE));
        double deadline = a[0] == PyNone.NONE ? Double.POSITIVE_INFINITY : loop.time() + seconds(a[0]);
        String delay = PyOps.repr(a[0]);
        CancelScope scope = new CancelScope(loop, deadline, shield)
                .madeBy(fail ? CancelCause.failAfter(delay) : CancelCause.moveOnAfter(delay));
        return new ScopeObj(scope, fail, loop);
    }

    private ScopeObj cancelScope(Object[] a, Map<String, Object> kw) {
        argc("CancelScope", a, 0, 0);
        double deadline = kw.containsKey("deadline") ? PyOps.toDouble(kw.get("deadline")) : Double.POSITIVE_INFINITY;
        boolean shield = PyOps.truthy(kw.getOrDefault("shield", Boolean.FALSE));
        return new ScopeObj(new CancelScope(loop, deadline, shield), false, loop);
    }

    // ---------------------------------------------------------------- anyio

    private PyModule anyio() {
        PyModule m = new PyModule("anyio");
        m.put("run", fn("run", (a, kw) -> {
            if (a.length == 0) {
                throw PyException.of(ExcType.TYPE_ERROR, "run() missing 1 required positional argument: 'func'");
            }
            Object f = a[0];
            Object[] rest = java.util.Arrays.copyOfRange(a, 1, a.length);
            Object backend = kw.getOrDefault("backend", "asyncio");
            if (!"asyncio".equals(backend) && !"trio".equals(backend)) {
                throw PyException.of(ExcType.LOOKUP_ERROR, "No such backend: " + backend);
            }
            return runMain(callAsync(f, rest, "run()"), funcName(f));
        }));
        m.put("Event", fn("Event", this::newEvent));
        m.put("sleep", fn("sleep", (a, kw) -> sleep("anyio", a, kw)));
        m.put("sleep_forever", fn("sleep_forever", this::sleepForever));
        m.put("current_time", fn("current_time", this::currentTime));
        m.put("create_task_group", fn("create_task_group", (a, kw) -> {
            argc("create_task_group", a, 0, 0);
            return new GroupObj(new TaskGroup(loop), this, "TaskGroup");
        }));
        m.put("move_on_after", fn("move_on_after", (a, kw) -> moveOnAfter(a, kw, false)));
        m.put("fail_after", fn("fail_after", (a, kw) -> moveOnAfter(a, kw, true)));
        m.put("CancelScope", fn("CancelScope", this::cancelScope));
        m.put("get_cancelled_exc_class", fn("get_cancelled_exc_class",
                (a, kw) -> semantics() == Semantics.TRIO ? ExcType.TRIO_CANCELLED : ExcType.CANCELLED_ERROR));
        m.put("TASK_STATUS_IGNORED", PyNone.NONE);
        return m;
    }

    // ---------------------------------------------------------------- trio

    private PyModule trio() {
        PyModule m = new PyModule("trio");
        m.put("run", fn("run", (a, kw) -> {
            if (a.length == 0) {
                throw PyException.of(ExcType.TYPE_ERROR, "run() missing 1 required positional argument: 'async_fn'");
            }
            Object f = a[0];
            return runMain(callAsync(f, java.util.Arrays.copyOfRange(a, 1, a.length), "trio.run()"), funcName(f));
        }));
        m.put("Event", fn("Event", this::newEvent));
        m.put("sleep", fn("sleep", (a, kw) -> sleep("trio", a, kw)));
        m.put("sleep_forever", fn("sleep_forever", this::sleepForever));
        m.put("current_time", fn("current_time", this::currentTime));
        m.put("open_nursery", fn("open_nursery", (a, kw) -> new GroupObj(new TaskGroup(loop), this, "Nursery")));
        m.put("move_on_after", fn("move_on_after", (a, kw) -> moveOnAfter(a, kw, false)));
        m.put("fail_after", fn("fail_after", (a, kw) -> moveOnAfter(a, kw, true)));
        m.put("CancelScope", fn("CancelScope", this::cancelScope));
        m.put("TooSlowError", ExcType.TOO_SLOW_ERROR);
        m.put("Cancelled", ExcType.TRIO_CANCELLED);
        m.put("WouldBlock", ExcType.WOULD_BLOCK);
        return m;
    }

    // ---------------------------------------------------------------- asyncio

    private PyModule asyncio() {
        PyModule m = new PyModule("asyncio");
        m.put("run", fn("run", (a, kw) -> {
            argc("run", a, 1, 1);
            return runMain(a[0], null);
        }));
        m.put("Event", fn("Event", this::newEvent));
        m.put("sleep", fn("sleep", (a, kw) -> sleep("asyncio", a, kw)));
        m.put("create_task", fn("create_task", (a, kw) -> {
            argc("create_task", a, 1, 1);
            if (!(a[0] instanceof Coroutine co)) {
                throw PyException.of(ExcType.TYPE_ERROR, "a coroutine was expected, got " + PyOps.repr(a[0]));
            }
            Object name = kw.get("name");
            String given = name == null || name == PyNone.NONE ? null : PyOps.str(name);
            Task t = loop.spawn(co, given);
            if (given != null) {
                t.setName(given);
            }
            return new TaskObj(t, this);
        }));
        m.put("get_running_loop", fn("get_running_loop", (a, kw) -> new LoopObj(loop)));
        m.put("get_event_loop", fn("get_event_loop", (a, kw) -> new LoopObj(loop)));
        m.put("current_task", fn("current_task", (a, kw) -> {
            Task t = loop.currentTask();
            return t == null ? PyNone.NONE : new TaskObj(t, this);
        }));
        m.put("TimeoutError", ExcType.TIMEOUT_ERROR);
        m.put("CancelledError", ExcType.CANCELLED_ERROR);
        m.put("InvalidStateError", ExcType.INVALID_STATE_ERROR);
        AsyncioExtras.install(m, loop, this);
        return m;
    }

    Interpreter interp() {
        return interp;
    }

    // ---------------------------------------------------------------- time

    private PyModule time() {
        PyModule m = new PyModule("time");
        m.put("sleep", fn("sleep", (a, kw) -> {
            argc("sleep", a, 1, 1);
            double s = seconds(a[0]);
            if (s < 0) {
                throw PyException.of(ExcType.VALUE_ERROR, "sleep length must be non-negative");
            }
            // A blocking call: the clock moves on while this task keeps the loop to itself.
            loop.blockFor(s);
            loop.emitError("time.sleep(" + PyOps.repr(a[0]) + ") blocked the event loop: no other task could run");
            return PyNone.NONE;
        }));
        m.put("time", fn("time", (a, kw) -> 1_700_000_000.0 + loop.time()));
        m.put("monotonic", fn("monotonic", (a, kw) -> loop.time()));
        m.put("perf_counter", fn("perf_counter", (a, kw) -> loop.time()));
        return m;
    }

    // ---------------------------------------------------------------- Python-facing objects

    /**
     * Objects whose attributes never change once looked up (the same name always gives the same
     * value), so the machine may cache them per instruction.
     */
    interface StableAttrs {
    }

    /** A module: a name and its attributes. */
    static final class PyModule implements PyObject, StableAttrs {
        final String name;
        final Map<String, Object> attrs = new LinkedHashMap<>();

        PyModule(String name) {
            this.name = name;
        }

        void put(String k, Object v) {
            attrs.put(k, v);
        }

        @Override
        public String typeName() {
            return "module";
        }

        @Override
        public String repr() {
            return "<module '" + name + "'>";
        }

        @Override
        public Object getAttr(String attr) {
            return attrs.get(attr);
        }
    }

    /** An Event of any of the three libraries; what it allows follows the loop's semantics. */
    static final class EventObj implements PyObject, StableAttrs {
        final AsyncEvent event;
        final Loop loop;

        EventObj(AsyncEvent event, Loop loop) {
            this.event = event;
            this.loop = loop;
        }

        @Override
        public String typeName() {
            return "Event";
        }

        @Override
        public String repr() {
            return switch (loop.semantics()) {
                case ASYNCIO -> "<asyncio.locks.Event object at 0x7f3b10" + String.format("%06x", event.id() * 0x40) + " ["
                        + (event.peekValue() ? "set" : "unset") + "]>";
                case ANYIO -> "<anyio._backends._asyncio.Event object at 0x7f3b10" + String.format("%06x", event.id() * 0x40) + ">";
                case TRIO -> "<trio.Event object at 0x7f3b10" + String.format("%06x", event.id() * 0x40) + ">";
            };
        }

        @Override
        public boolean truthy() {
            if (loop.semantics() == Semantics.TRIO) {
                throw PyException.of(ExcType.TYPE_ERROR, "Trio events cannot be treated as bools; consider using event.is_set() instead.");
            }
            return true;
        }

        // Bound methods are made once per event: attribute lookups sit in every polling loop.
        private Object setFn;
        private Object isSetFn;
        private Object waitFn;
        private Object clearFn;
        private Object statsFn;

        @Override
        public Object getAttr(String name) {
            switch (name) {
                case "set":
                    if (setFn == null) {
                        setFn = fn("set", (a, kw) -> {
                            argc("set", a, 0, 0);
                            event.set();
                            return PyNone.NONE;
                        });
                    }
                    return setFn;
                case "is_set":
                    if (isSetFn == null) {
                        isSetFn = fn("is_set", (a, kw) -> {
                            argc("is_set", a, 0, 0);
                            return event.isSet();
                        });
                    }
                    return isSetFn;
                case "wait":
                    if (waitFn == null) {
                        waitFn = fn("wait", (a, kw) -> {
                            argc("wait", a, 0, 0);
                            return event.waitCoroutine();
                        });
                    }
                    return waitFn;
                case "clear":
                    if (!loop.semantics().eventsHaveClear()) {
                        // The hint rides on the exception; hasattr(event, "clear") must stay silent.
                        throw loop.semantics().noClearError();
                    }
                    if (clearFn == null) {
                        clearFn = fn("clear", (a, kw) -> {
                            argc("clear", a, 0, 0);
                            event.clear();
                            return PyNone.NONE;
                        });
                    }
                    return clearFn;
                case "statistics":
                    if (loop.semantics() == Semantics.ASYNCIO) {
                        return null;
                    }
                    if (statsFn == null) {
                        statsFn = fn("statistics", (a, kw) -> new Stats(event.tasksWaiting()));
                    }
                    return statsFn;
                default:
                    return null;
            }
        }
    }

    /** {@code EventStatistics(tasks_waiting=N)}. */
    record Stats(int waiting) implements PyObject {
        @Override
        public String typeName() {
            return "EventStatistics";
        }

        @Override
        public String repr() {
            return "EventStatistics(tasks_waiting=" + waiting + ")";
        }

        @Override
        public Object getAttr(String name) {
            return "tasks_waiting".equals(name) ? (Object) (long) waiting : null;
        }
    }

    /** Something usable in {@code async with}. */
    interface AsyncCtx {
        Coroutine aenter();

        Coroutine aexit(PyException exc);
    }

    /** anyio's task group, trio's nursery. */
    static final class GroupObj implements PyObject, AsyncCtx {
        final TaskGroup group;
        final Library lib;
        final String typeName;

        GroupObj(TaskGroup group, Library lib, String typeName) {
            this.group = group;
            this.lib = lib;
            this.typeName = typeName;
        }

        @Override
        public Coroutine aenter() {
            return mapResult(group.aenter(), v -> this);
        }

        @Override
        public Coroutine aexit(PyException exc) {
            return group.aexit(exc);
        }

        @Override
        public String typeName() {
            return typeName;
        }

        @Override
        public Object getAttr(String name) {
            return switch (name) {
                case "start_soon" -> fn("start_soon", (a, kw) -> {
                    if (a.length == 0) {
                        throw PyException.of(ExcType.TYPE_ERROR, "start_soon() missing 1 required positional argument: 'func'");
                    }
                    Object f = a[0];
                    Object coro = lib.callAsync(f, java.util.Arrays.copyOfRange(a, 1, a.length), "start_soon()");
                    Object nm = kw.get("name");
                    String given = nm == null || nm == PyNone.NONE ? null : PyOps.str(nm);
                    Task t = group.startSoon((Coroutine) coro, given == null ? funcName(f) : given);
                    if (given != null) {
                        t.setName(given);
                    }
                    return PyNone.NONE;
                });
                case "cancel_scope" -> new ScopeObj(group.cancelScope(), false, lib.loop);
                default -> null;
            };
        }
    }

    /** A cancel scope used with {@code with}: move_on_after, fail_after, CancelScope. */
    record ScopeObj(CancelScope scope, boolean failAfter, Loop loop) implements PyObject {
        Object enter() {
            scope.enter();
            return this;
        }

        Object exit(PyException exc) {
            boolean swallowed = scope.exit(exc);
            if (failAfter && scope.cancelledCaught() && loop.time() >= scope.deadline()) {
                PyException t = new PyException(loop.semantics().timeoutError(), List.of());
                if (exc != null) {
                    t.setContext(exc);
                }
                throw t;
            }
            return swallowed;
        }

        @Override
        public String typeName() {
            return "CancelScope";
        }

        @Override
        public Object getAttr(String name) {
            return switch (name) {
                case "cancel" -> fn("cancel", (a, kw) -> {
                    scope.cancel();
                    return PyNone.NONE;
                });
                case "cancel_called" -> scope.cancelCalled();
                case "cancelled_caught" -> scope.cancelledCaught();
                case "deadline" -> scope.deadline();
                case "shield" -> scope.shield();
                default -> null;
            };
        }
    }

    /** An asyncio Task as the program sees it. */
    static final class TaskObj implements PyObject {
        final Task task;
        final Library lib;

        TaskObj(Task task, Library lib) {
            this.task = task;
            this.lib = lib;
        }

        @Override
        public String typeName() {
            return "Task";
        }

        @Override
        public String repr() {
            String st = task.isDone() ? (task.isCancelled() ? "cancelled" : "finished") : "pending";
            return "<Task " + st + " name='" + task.name() + "' coro=" + PyOps.repr(task.coroutine()) + ">";
        }

        @Override
        public Boolean pyEquals(Object other) {
            return other instanceof TaskObj t && t.task == task;
        }

        @Override
        public long pyHash() {
            return task.id() * 31L + 7;
        }

        @Override
        public Object getAttr(String name) {
            return switch (name) {
                case "cancel" -> fn("cancel", (a, kw) -> {
                    Object msg = a.length > 0 ? a[0] : kw.get("msg");
                    return task.cancel(msg == null || msg == PyNone.NONE ? null : PyOps.str(msg));
                });
                case "done" -> fn("done", (a, kw) -> task.isDone());
                case "cancelled" -> fn("cancelled", (a, kw) -> task.isCancelled());
                case "result" -> fn("result", (a, kw) -> Interpreter.fromModel(task.result()));
                case "exception" -> fn("exception", (a, kw) -> {
                    PyException e = task.exception();
                    return e == null ? PyNone.NONE : e;
                });
                case "get_name" -> fn("get_name", (a, kw) -> task.name());
                case "set_name" -> fn("set_name", (a, kw) -> {
                    task.setName(PyOps.str(a[0]));
                    return PyNone.NONE;
                });
                case "cancelling" -> fn("cancelling", (a, kw) -> (long) task.cancelling());
                case "uncancel" -> fn("uncancel", (a, kw) -> (long) task.uncancel());
                default -> null;
            };
        }
    }

    /** A future the program can await (the result of gather()). */
    record FutureObj(Future future) implements PyObject {
        @Override
        public String typeName() {
            return "_GatheringFuture";
        }

        @Override
        public Object getAttr(String name) {
            return switch (name) {
                case "cancel" -> fn("cancel", (a, kw) -> future.cancel(null));
                case "done" -> fn("done", (a, kw) -> future.isDone());
                case "result" -> fn("result", (a, kw) -> Interpreter.fromModel(future.result()));
                default -> null;
            };
        }
    }

    /** {@code asyncio.get_running_loop()}. */
    record LoopObj(Loop loop) implements PyObject {
        @Override
        public String typeName() {
            return "_UnixSelectorEventLoop";
        }

        @Override
        public Object getAttr(String name) {
            return "time".equals(name) ? fn("time", (a, kw) -> loop.time()) : null;
        }
    }

}
