package dev.eventlanes.model;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * asyncio's module-level helpers, ported rule for rule from CPython 3.11's
 * {@code asyncio/tasks.py} and {@code asyncio/timeouts.py}: {@code ensure_future},
 * {@code gather}, {@code wait_for} (3.11's, with its waiter future and
 * {@code _cancel_and_wait}, not 3.12's timeout-based one) and {@code timeout}/{@code timeout_at}.
 *
 * <p>Every helper takes the loop explicitly (asyncio finds the running loop itself). Awaitables
 * are {@link Future}s (tasks included) or {@link Coroutine}s; a coroutine passed where asyncio
 * calls {@code ensure_future} becomes a task at once, named {@code Task-N} as asyncio names it.
 */
public final class AsyncioLib {
    private AsyncioLib() {
    }

    /** {@code ensure_future(aw)}: a future as is; a coroutine wrapped in a new task. */
    public static Future ensureFuture(Loop loop, Object coroOrFuture) {
        // Coroutine first: an event's wait() is a coroutine that is also the future it blocks on.
        if (coroOrFuture instanceof Coroutine c) {
            return loop.spawnWrapping(c);
        }
        if (coroOrFuture instanceof Future f) {
            return f;
        }
        throw PyException.of(ExcType.TYPE_ERROR, "An asyncio.Future, a coroutine or an awaitable is required");
    }

    // ------------------------------------------------------------------ gather

    /**
     * {@code asyncio.gather(*aws, return_exceptions=...)}. Coroutines become tasks in argument
     * order (a repeated argument is wrapped once); the outer future's result is a
     * {@code List<Object>} in argument order, with a child's {@link PyException} in its slot when
     * {@code returnExceptions}. With no arguments the result is an already finished future.
     * Awaiting the outer future blocks with {@link WaitReason#GATHER}.
     */
    public static Future gather(Loop loop, List<?> coroutinesOrFutures, boolean returnExceptions) {
        if (coroutinesOrFutures.isEmpty()) {
            Future outer = new Future(loop, WaitReason.GATHER);
            outer.setResult(new ArrayList<Object>());
            return outer;
        }
        Gather g = new Gather(returnExceptions);
        Map<Object, Future> argToFut = new IdentityHashMap<>();
        for (Object arg : coroutinesOrFutures) {
            Future fut = argToFut.get(arg);
            if (fut == null) {
                fut = ensureFuture(loop, arg);
                g.nfuts++;
                argToFut.put(arg, fut);
                fut.addDoneCallback(g::doneCallback);
            }
            g.children.add(fut);
        }
        g.outer = new GatheringFuture(loop, g.children);
        return g.outer;
    }

    /** gather's closure: {@code nfinished}, {@code children}, {@code outer} and {@code _done_callback}. */
    private static final class Gather {
        final boolean returnExceptions;
        final List<Future> children = new ArrayList<>();
        int nfuts;
        int nfinished;
        GatheringFuture outer;

        Gather(boolean returnExceptions) {
            this.returnExceptions = returnExceptions;
        }

        void doneCallback(Future fut) {
            nfinished++;
            if (outer == null || outer.isDone()) {
                if (!fut.isCancelled()) {
                    fut.exception(); // mark the exception retrieved
                }
                return;
            }
            if (!returnExceptions) {
                if (fut.isCancelled()) {
                    outer.setException(fut.makeCancelledError());
                    return;
                }
                PyException exc = fut.exception();
                if (exc != null) {
                    outer.setException(exc);
                    return;
                }
            }
            if (nfinished == nfuts) {
                List<Object> results = new ArrayList<>(children.size());
                Future last = null;
                for (Future f : children) {
                    last = f;
                    Object res;
                    if (f.isCancelled()) {
                        res = new PyException(ExcType.CANCELLED_ERROR,
                                List.of(f.cancelMessage() == null ? "" : f.cancelMessage()));
                    } else {
                        PyException e = f.exception();
                        res = e != null ? e : f.result();
                    }
                    results.add(res);
                }
                if (outer.cancelRequested) {
                    // As CPython: the error comes from the loop variable, i.e. the last child.
                    outer.setException(last.makeCancelledError());
                } else {
                    outer.setResult(results);
                }
            }
        }
    }

    // ------------------------------------------------------------------ wait_for

    /**
     * {@code asyncio.wait_for(aw, timeout)} as in 3.11: {@code timeout == null} awaits
     * {@code aw} directly (a coroutine runs inline, no task); {@code timeout <= 0} wraps it,
     * cancels it unless already done and waits for it; otherwise it waits on a waiter future
     * released by {@code call_later(timeout)} or by {@code aw} finishing, and on timeout cancels
     * {@code aw}, waits for it to finish and raises {@code TimeoutError} (from the
     * CancelledError) unless {@code aw} swallowed the cancellation.
     */
    public static Coroutine waitFor(Loop loop, Object aw, Double timeout) {
        return waitFor(loop, aw, timeout, CancelCause.waitFor(timeout == null ? "None" : CancelCause.number(timeout)));
    }

    /**
     * As {@link #waitFor(Loop, Object, Double)}; {@code cause} is what the trace says cancelled
     * {@code aw} when the timeout passes: {@link CancelCause#waitFor} with the timeout as the
     * program wrote it.
     */
    public static Coroutine waitFor(Loop loop, Object aw, Double timeout, String cause) {
        return new WaitFor(loop, aw, timeout, cause);
    }

    private static void releaseWaiter(Future waiter) {
        if (!waiter.isDone()) {
            waiter.setResult(PyNoneHolder.NONE);
        }
    }

    private static WaitReason reasonFor(Future fut) {
        return fut instanceof Task t ? WaitReason.task(t) : fut.reason();
    }

    private static final class WaitFor extends JavaCoroutine {
        private static final int AWAIT_DIRECT = 1;
        private static final int ZERO_CANCELLED = 2;
        private static final int WAITING = 3;
        private static final int CANCELLED_WAITING_CHILD = 4;
        private static final int TIMED_OUT_WAITING_CHILD = 5;

        private final Loop loop;
        private final Object aw;
        private final Double timeout;
        private final String cause;
        private Future fut;
        private TimerHandle timeoutHandle;
        private FutureCallback cb;
        private PyException cancelled;

        WaitFor(Loop loop, Object aw, Double timeout, String cause) {
            this.loop = loop;
            this.aw = aw;
            this.timeout = timeout;
            this.cause = cause;
        }

        @Override
        public String name() {
            return "wait_for";
        }

        @Override
        protected Object resume(Object value, PyException exc) {
            switch (state) {
                case 0 -> {
                    if (timeout == null) {
                        state = AWAIT_DIRECT;
                        return await(aw);
                    }
                    if (timeout <= 0) {
                        fut = ensureFuture(loop, aw);
                        if (fut.isDone()) {
                            return finish(fut.result());
                        }
                        state = ZERO_CANCELLED;
                        return await(new CancelAndWait(loop, fut, cause, null));
                    }
                    Future waiter = new Future(loop);
                    timeoutHandle = loop.callLater(timeout, () -> releaseWaiter(waiter));
                    cb = f -> releaseWaiter(waiter);
                    fut = ensureFuture(loop, aw);
                    waiter.setReason(reasonFor(fut));
                    fut.addDoneCallback(cb);
                    state = WAITING;
                    return await(waiter);
                }
                case AWAIT_DIRECT -> {
                    if (exc != null) {
                        throw exc;
                    }
                    return finish(value);
                }
                case ZERO_CANCELLED -> {
                    if (exc != null) {
                        throw exc;
                    }
                    return finish(resultOrTimeout());
                }
                case WAITING -> {
                    try {
                        if (exc != null) {
                            if (!exc.isInstance(ExcType.CANCELLED_ERROR)) {
                                throw exc;
                            }
                            if (fut.isDone()) {
                                return finish(fut.result());
                            }
                            fut.removeDoneCallback(cb);
                            cancelled = exc;
                            state = CANCELLED_WAITING_CHILD;
                            // This task was cancelled while waiting: it passes that on.
                            return await(new CancelAndWait(loop, fut, CancelCause.AWAITER_CANCELLED, loop.currentTask()));
                        }
                        if (fut.isDone()) {
                            return finish(fut.result());
                        }
                        fut.removeDoneCallback(cb);
                        state = TIMED_OUT_WAITING_CHILD;
                        return await(new CancelAndWait(loop, fut, cause, null));
                    } finally {
                        if (state != CANCELLED_WAITING_CHILD && state != TIMED_OUT_WAITING_CHILD) {
                            timeoutHandle.cancel();
                        }
                    }
                }
                case CANCELLED_WAITING_CHILD -> {
                    timeoutHandle.cancel();
                    if (exc != null) {
                        exc.setContext(cancelled);
                        throw exc;
                    }
                    throw cancelled; // bare `raise`: the CancelledError wait_for was woken with
                }
                case TIMED_OUT_WAITING_CHILD -> {
                    timeoutHandle.cancel();
                    if (exc != null) {
                        throw exc;
                    }
                    return finish(resultOrTimeout());
                }
                default -> throw new IllegalStateException("wait_for resumed after it finished");
            }
        }

        /** {@code try: return fut.result() except CancelledError as exc: raise TimeoutError() from exc}. */
        private Object resultOrTimeout() {
            try {
                return fut.result();
            } catch (PyException e) {
                if (!e.isInstance(ExcType.CANCELLED_ERROR)) {
                    throw e;
                }
                PyException t = new PyException(ExcType.TIMEOUT_ERROR, List.of());
                t.setContext(e);
                t.setCause(e);
                throw t;
            }
        }
    }

    /**
     * {@code _cancel_and_wait(fut)}: cancel it and wait on a waiter, not on fut itself. The cause
     * and the task that asked are for the trace (see {@link CancelCause}).
     */
    private static final class CancelAndWait extends JavaCoroutine {
        private final Loop loop;
        private final Future fut;
        private final String cause;
        private final Task by;
        private FutureCallback cb;

        CancelAndWait(Loop loop, Future fut, String cause, Task by) {
            this.loop = loop;
            this.fut = fut;
            this.cause = cause;
            this.by = by;
        }

        @Override
        public String name() {
            return "_cancel_and_wait";
        }

        @Override
        protected Object resume(Object value, PyException exc) {
            switch (state) {
                case 0 -> {
                    Future waiter = new Future(loop, reasonFor(fut));
                    cb = f -> releaseWaiter(waiter);
                    fut.addDoneCallback(cb);
                    try {
                        fut.cancel(null, cause, by);
                    } catch (PyException e) {
                        fut.removeDoneCallback(cb);
                        throw e;
                    }
                    state = 1;
                    return await(waiter);
                }
                case 1 -> {
                    fut.removeDoneCallback(cb);
                    if (exc != null) {
                        throw exc;
                    }
                    return finish(PyNoneHolder.NONE);
                }
                default -> throw new IllegalStateException("_cancel_and_wait resumed after it finished");
            }
        }
    }

    // ------------------------------------------------------------------ timeouts

    /** {@code asyncio.timeout(delay)}: deadline {@code loop.time() + delay}, or none for null. */
    public static AsyncioTimeout timeout(Loop loop, Double delay) {
        return new AsyncioTimeout(loop, delay == null ? null : loop.time() + delay,
                CancelCause.asyncioTimeout(delay == null ? "None" : CancelCause.number(delay)));
    }

    /** {@code asyncio.timeout_at(when)}: an absolute deadline on the loop's clock, or none. */
    public static AsyncioTimeout timeoutAt(Loop loop, Double when) {
        return new AsyncioTimeout(loop, when, CancelCause.asyncioTimeoutAt(when == null ? "None" : CancelCause.number(when)));
    }
}
