package dev.eventlanes.model;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * {@code asyncio.TaskGroup} (CPython 3.11 {@code asyncio/taskgroups.py}), rule for rule; the
 * anyio/trio one is {@link TaskGroup}.
 *
 * <p>The first child that fails (with anything but a cancellation) aborts the group (cancels
 * every child still running) and cancels the parent task once, remembering to
 * {@code uncancel()} it in {@code __aexit__}. {@code __aexit__} aborts the group if the body
 * raised, then waits (on a future, {@link WaitReason#CHILDREN}) until every child is done, one
 * wait per wake-up; a cancellation of the parent while it waits aborts the group and is raised
 * afterwards, unless child errors take priority: those come out as
 * {@code BaseExceptionGroup('unhandled errors in a TaskGroup', errors)} (an ExceptionGroup when
 * all are Exceptions), the body's own error last. SystemExit and KeyboardInterrupt are re-raised
 * as themselves.
 *
 * <p>One deviation, deliberate: CPython keeps children in a {@code set}, so {@code _abort()}
 * cancels them in hash (memory-address) order, which no model can know; this port cancels them
 * in creation order.
 */
public final class AsyncioTaskGroup {
    private final Loop loop;
    private boolean entered;
    private boolean exiting;
    private boolean aborting;
    private Task parentTask;
    private boolean parentCancelRequested;
    private final LinkedHashSet<Task> tasks = new LinkedHashSet<>();
    private List<PyException> errors = new ArrayList<>();
    private PyException baseError;
    private Future onCompletedFut;

    public AsyncioTaskGroup(Loop loop) {
        this.loop = loop;
    }

    /** The children not yet done, in creation order. */
    public List<Task> tasks() {
        return List.copyOf(tasks);
    }

    public boolean aborting() {
        return aborting;
    }

    /** {@code __aenter__}: binds the current task as the parent; does not suspend. */
    public Coroutine aenter() {
        return new JavaCoroutine() {
            @Override
            protected Object resume(Object value, PyException exc) {
                if (exc != null) {
                    throw exc;
                }
                if (entered) {
                    throw PyException.of(ExcType.RUNTIME_ERROR, "TaskGroup " + AsyncioTaskGroup.this + " has been already entered");
                }
                entered = true;
                parentTask = loop.currentTask();
                if (parentTask == null) {
                    throw PyException.of(ExcType.RUNTIME_ERROR, "TaskGroup " + AsyncioTaskGroup.this + " cannot determine the parent task");
                }
                return finish(AsyncioTaskGroup.this);
            }

            @Override
            public String name() {
                return "__aenter__";
            }
        };
    }

    /**
     * {@code create_task(coro, name=name)}: a task named {@code Task-N} first (the number is
     * used up even when a name is given, as in CPython), then renamed.
     */
    public Task createTask(Coroutine coro, String name) {
        if (!entered) {
            throw PyException.of(ExcType.RUNTIME_ERROR, "TaskGroup " + this + " has not been entered");
        }
        if (exiting && tasks.isEmpty()) {
            throw PyException.of(ExcType.RUNTIME_ERROR, "TaskGroup " + this + " is finished");
        }
        if (aborting) {
            throw PyException.of(ExcType.RUNTIME_ERROR, "TaskGroup " + this + " is shutting down");
        }
        Task task = loop.spawn(coro, null);
        if (name != null) {
            task.setName(name);
        }
        task.addDoneCallback(this::onTaskDone);
        tasks.add(task);
        return task;
    }

    private static boolean isBaseError(PyException exc) {
        return exc.isInstance(ExcType.SYSTEM_EXIT) || exc.isInstance(ExcType.KEYBOARD_INTERRUPT);
    }

    /** {@code _abort()}: cancels the children still running; {@code by} is the child that failed or the parent. */
    private void abort(Task by) {
        aborting = true;
        for (Task t : List.copyOf(tasks)) {
            if (!t.isDone()) {
                t.cancel(null, CancelCause.TASK_GROUP, by);
            }
        }
    }

    private void onTaskDone(Future f) {
        Task task = (Task) f;
        tasks.remove(task);
        if (onCompletedFut != null && tasks.isEmpty() && !onCompletedFut.isDone()) {
            onCompletedFut.setResult(Boolean.TRUE);
        }
        if (task.isCancelled()) {
            return;
        }
        PyException exc = task.exception();
        if (exc == null) {
            return;
        }
        errors.add(exc);
        if (isBaseError(exc) && baseError == null) {
            baseError = exc;
        }
        if (parentTask.isDone()) {
            // loop.call_exception_handler(...): logged, nothing else happens.
            loop.emitError("Task " + task.name() + " has errored out but its parent task "
                    + parentTask.name() + " is already completed");
            return;
        }
        if (!aborting && !parentCancelRequested) {
            abort(task);
            parentCancelRequested = true;
            parentTask.cancel(null, CancelCause.TASK_GROUP, task);
        }
    }

    /** {@code __aexit__} for a body that ended with {@code exc} (null: normally); result None. */
    public Coroutine aexit(PyException exc) {
        return new Exit(exc);
    }

    private final class Exit extends JavaCoroutine {
        private final PyException exc;
        private PyException propagateCancellationError;

        Exit(PyException exc) {
            this.exc = exc;
        }

        @Override
        public String name() {
            return "__aexit__";
        }

        @Override
        protected Object resume(Object value, PyException thrown) {
            switch (state) {
                case 0 -> {
                    if (thrown != null) {
                        throw thrown;
                    }
                    exiting = true;
                    if (exc != null && isBaseError(exc) && baseError == null) {
                        baseError = exc;
                    }
                    propagateCancellationError = exc != null && exc.type() == ExcType.CANCELLED_ERROR ? exc : null;
                    if (parentCancelRequested) {
                        // If this flag is set we *must* call uncancel().
                        if (parentTask.uncancel() == 0) {
                            propagateCancellationError = null;
                        }
                    }
                    if (exc != null && !aborting) {
                        abort(parentTask);
                    }
                    return waitOrFinish();
                }
                case 1 -> {
                    if (thrown != null) {
                        if (!thrown.isInstance(ExcType.CANCELLED_ERROR)) {
                            throw thrown;
                        }
                        if (!aborting) {
                            // Our parent task is being cancelled while children still run.
                            propagateCancellationError = thrown;
                            abort(parentTask);
                        }
                    }
                    onCompletedFut = null;
                    return waitOrFinish();
                }
                default -> throw new IllegalStateException("__aexit__ resumed after it finished");
            }
        }

        /** {@code while self._tasks: await self._on_completed_fut}, then the verdict. */
        private Object waitOrFinish() {
            if (!tasks.isEmpty()) {
                if (onCompletedFut == null) {
                    onCompletedFut = new Future(loop, WaitReason.CHILDREN);
                }
                state = 1;
                return await(onCompletedFut);
            }
            if (baseError != null) {
                throw baseError;
            }
            // Propagate CancelledError if there is one, except if there are other errors.
            if (propagateCancellationError != null && errors.isEmpty()) {
                throw propagateCancellationError;
            }
            if (exc != null && exc.type() != ExcType.CANCELLED_ERROR) {
                errors.add(exc);
            }
            if (!errors.isEmpty()) {
                PyException me = TaskGroup.groupOf(Semantics.ASYNCIO, "unhandled errors in a TaskGroup", errors);
                me.setCause(null); // raise me from None
                errors = null;
                throw me;
            }
            return finish(PyNoneHolder.NONE);
        }
    }

    /** {@code repr()}: {@code <TaskGroup tasks=2 errors=1 cancelling>}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("<TaskGroup");
        if (!tasks.isEmpty()) {
            sb.append(" tasks=").append(tasks.size());
        }
        if (errors != null && !errors.isEmpty()) {
            sb.append(" errors=").append(errors.size());
        }
        if (aborting) {
            sb.append(" cancelling");
        } else if (entered) {
            sb.append(" entered");
        }
        return sb.append('>').toString();
    }
}
