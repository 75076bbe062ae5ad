package dev.eventlanes.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * A task group (anyio 4's {@code create_task_group()}, trio's nursery): children spawned with
 * {@link #startSoon}, a cancel scope around the block and the children, and an exit that waits
 * for every child. Children are cancelled only by {@code cancel_scope.cancel()} or when one of
 * them (or the block) raises; the errors come out as one exception group (trio 0.22: a single
 * error comes out as itself).
 */
public final class TaskGroup {
    private final Loop loop;
    private final CancelScope cancelScope;
    private boolean active;
    private final List<PyException> exceptions = new ArrayList<>();
    private final LinkedHashSet<Task> tasks = new LinkedHashSet<>();
    private Future onCompleted;

    public TaskGroup(Loop loop) {
        this.loop = loop;
        this.cancelScope = new CancelScope(loop, Double.POSITIVE_INFINITY, false);
    }

    public CancelScope cancelScope() {
        return cancelScope;
    }

    /** {@code __aenter__}. It does not suspend. */
    public Coroutine aenter() {
        return new JavaCoroutine() {
            @Override
            protected Object resume(Object value, PyException exc) {
                cancelScope.enter();
                active = true;
                return finish(TaskGroup.this);
            }
        };
    }

    /** {@code start_soon(fn, *args)}: the child's first step runs when the spawner yields. */
    public Task startSoon(Coroutine coro, String name) {
        if (!active) {
            throw PyException.of(ExcType.RUNTIME_ERROR, "This task group is not active; no new tasks can be started.");
        }
        Task task = loop.spawn(coro, name);
        task.cancelScope = cancelScope;
        cancelScope.tasks.add(task);
        tasks.add(task);
        task.addDoneCallback(this::taskDone);
        return task;
    }

    private void taskDone(Future f) {
        Task t = (Task) f;
        CancelScope scope = t.cancelScope;
        if (scope != null) {
            scope.tasks.remove(t);
        }
        tasks.remove(t);
        if (onCompleted != null && tasks.isEmpty() && !onCompleted.isDone()) {
            onCompleted.setResult(PyNoneHolder.NONE);
        }
        PyException exc;
        if (t.isCancelled()) {
            exc = loop.semantics().cancelledError(t.cancelMessage());
        } else {
            exc = t.exception();
        }
        if (exc != null) {
            if (!exc.isCancellation()) {
                exceptions.add(exc);
            }
            if (!cancelScope.effectivelyCancelled()) {
                cancelScope.cancel(CancelCause.TASK_GROUP, t);
            }
        }
    }

    /** {@code __aexit__(exc)}: waits for the children; its result says whether exc is swallowed. */
    public Coroutine aexit(PyException bodyExc) {
        return new Exit(bodyExc);
    }

    private final class Exit extends JavaCoroutine {
        private PyException excVal;
        private CancelScope waitScope;

        Exit(PyException excVal) {
            this.excVal = excVal;
        }

        @Override
        public String name() {
            return "__aexit__";
        }

        @Override
        protected Object resume(Object value, PyException exc) {
            try {
                switch (state) {
                    case 0 -> {
                        if (excVal != null) {
                            cancelScope.cancel(CancelCause.TASK_GROUP, loop.currentTask());
                            if (!excVal.isCancellation()) {
                                exceptions.add(excVal);
                            }
                        }
                        if (!tasks.isEmpty()) {
                            waitScope = new CancelScope(loop, Double.POSITIVE_INFINITY, false).enter();
                            return waitForChildren();
                        }
                        // No children: still one checkpoint, shielded from cancellation.
                        waitScope = new CancelScope(loop, Double.POSITIVE_INFINITY, true).enter();
                        state = 2;
                        return bareYield();
                    }
                    case 1 -> {
                        if (exc != null) {
                            if (!exc.isCancellation()) {
                                throw exc;
                            }
                            waitScope.setShield(true);
                            cancelScope.cancel(CancelCause.TASK_GROUP, loop.currentTask());
                            if (excVal == null || (excVal.isCancellation() && !CancelScope.isOwnCancellation(exc))) {
                                excVal = exc;
                            }
                        }
                        onCompleted = null;
                        if (!tasks.isEmpty()) {
                            return waitForChildren();
                        }
                        waitScope.exit(null);
                        return afterWaiting();
                    }
                    case 2 -> {
                        boolean swallowed = waitScope.exit(exc);
                        if (exc != null && !swallowed) {
                            throw exc;
                        }
                        return afterWaiting();
                    }
                    default -> throw new IllegalStateException("__aexit__ resumed after it finished");
                }
            } catch (PyException e) {
                if (state == 3) {
                    throw e;
                }
                state = 3;
                if (cancelScope.exit(e)) {
                    return finish(Boolean.TRUE);
                }
                throw e;
            }
        }

        private Object waitForChildren() {
            onCompleted = new Future(loop, WaitReason.CHILDREN);
            state = 1;
            return await(onCompleted);
        }

        private Object afterWaiting() {
            active = false;
            if (!exceptions.isEmpty()) {
                throw groupOf(loop.semantics(), "unhandled errors in a TaskGroup", exceptions);
            }
            if (excVal != null) {
                throw excVal;
            }
            state = 3;
            return finish(cancelScope.exit(null));
        }
    }

    /** {@code BaseExceptionGroup(msg, excs)}: an ExceptionGroup when all are Exceptions. */
    static PyException groupOf(Semantics semantics, String message, List<PyException> excs) {
        if (semantics == Semantics.TRIO && excs.size() == 1) {
            return excs.get(0);
        }
        boolean allExceptions = excs.stream().allMatch(e -> e.isInstance(ExcType.EXCEPTION));
        ExcType type = allExceptions ? ExcType.EXCEPTION_GROUP : ExcType.BASE_EXCEPTION_GROUP;
        return new PyException(type, List.of(message, new ArrayList<Object>(excs)), excs);
    }
}
