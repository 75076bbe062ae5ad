package dev.eventlanes.model;

import java.util.List;

/**
 * {@code asyncio.Timeout} (CPython 3.11 {@code asyncio/timeouts.py}), the async context manager
 * {@link AsyncioLib#timeout} and {@link AsyncioLib#timeoutAt} return.
 *
 * <p>Rules, as CPython's: entering binds the current task and schedules {@code _on_timeout} at
 * the deadline ({@code call_soon} if it already passed). When it fires, the task is cancelled
 * ({@code task.cancel()}, counted by {@code cancelling()}) and the state becomes EXPIRING. On
 * exit the timer is cancelled; if expiring, the state becomes EXPIRED and, when
 * {@code task.uncancel()} drops to 0 and the block ended with exactly {@code CancelledError},
 * that error becomes {@code TimeoutError}. A cancellation requested by someone else keeps the
 * count above 0, so it propagates as CancelledError even if the deadline passed too.
 * Neither {@code __aenter__} nor {@code __aexit__} suspends.
 */
public final class AsyncioTimeout {
    /** {@code _State}, with the value texts error messages use. */
    public enum State {
        CREATED("created"), ENTERED("active"), EXPIRING("expiring"), EXPIRED("expired"), EXITED("finished");

        private final String value;

        State(String value) {
            this.value = value;
        }

        public String value() {
            return value;
        }
    }

    private final Loop loop;
    private State cmState = State.CREATED;
    private TimerHandle timeoutHandler;
    private Task task;
    private Double when;
    private String cause;

    AsyncioTimeout(Loop loop, Double when, String cause) {
        this.loop = loop;
        this.when = when;
        this.cause = cause;
    }

    /**
     * Says how the program made this timeout, for the trace of the cancellation it causes
     * ({@link CancelCause#asyncioTimeout}, with the delay as the program wrote it).
     */
    public AsyncioTimeout madeBy(String cause) {
        this.cause = cause;
        return this;
    }

    public State state() {
        return cmState;
    }

    /** {@code when()}: the deadline on the loop's clock, or null for none. */
    public Double when() {
        return when;
    }

    /** {@code reschedule(when)}: a new deadline (null: none); only while the block is active. */
    public void reschedule(Double newWhen) {
        if (cmState == State.CREATED) {
            throw new IllegalStateException("reschedule() before the timeout was entered");
        }
        if (cmState != State.ENTERED) {
            throw PyException.of(ExcType.RUNTIME_ERROR, "Cannot change state of " + cmState.value() + " Timeout");
        }
        when = newWhen;
        if (timeoutHandler != null) {
            timeoutHandler.cancel();
        }
        if (newWhen == null) {
            timeoutHandler = null;
        } else if (newWhen <= loop.time()) {
            // loop.call_soon(self._on_timeout): a handle that can still be cancelled.
            TimerHandle h = new TimerHandle(loop.time(), -1, this::onTimeout, loop.currentTask());
            loop.callSoon(() -> {
                if (!h.isCancelled()) {
                    h.callback.run();
                }
            });
            timeoutHandler = h;
        } else {
            timeoutHandler = loop.callAt(newWhen, this::onTimeout);
        }
    }

    /** {@code expired()}: did the deadline pass while the block ran? */
    public boolean expired() {
        return cmState == State.EXPIRING || cmState == State.EXPIRED;
    }

    /** {@code __aenter__}: returns this Timeout; does not suspend. */
    public Coroutine aenter() {
        return new JavaCoroutine() {
            @Override
            protected Object resume(Object value, PyException exc) {
                if (exc != null) {
                    throw exc;
                }
                cmState = State.ENTERED;
                task = loop.currentTask();
                if (task == null) {
                    throw PyException.of(ExcType.RUNTIME_ERROR, "Timeout should be used inside a task");
                }
                reschedule(when);
                return finish(AsyncioTimeout.this);
            }

            @Override
            public String name() {
                return "__aenter__";
            }
        };
    }

    /**
     * {@code __aexit__} for a block that ended with {@code exc} (null: normally). Its result is
     * None (never swallows); it raises TimeoutError in place of a CancelledError this timeout
     * caused. Does not suspend.
     */
    public Coroutine aexit(PyException exc) {
        return new JavaCoroutine() {
            @Override
            protected Object resume(Object value, PyException thrown) {
                if (thrown != null) {
                    throw thrown;
                }
                if (cmState != State.ENTERED && cmState != State.EXPIRING) {
                    throw new IllegalStateException("__aexit__ in state " + cmState);
                }
                if (timeoutHandler != null) {
                    timeoutHandler.cancel();
                    timeoutHandler = null;
                }
                if (cmState == State.EXPIRING) {
                    cmState = State.EXPIRED;
                    if (task.uncancel() == 0 && exc != null && exc.type() == ExcType.CANCELLED_ERROR) {
                        // Since there are no outstanding cancel requests, we're handling this.
                        PyException t = new PyException(ExcType.TIMEOUT_ERROR, List.of());
                        t.setContext(exc);
                        throw t;
                    }
                } else if (cmState == State.ENTERED) {
                    cmState = State.EXITED;
                }
                return finish(PyNoneHolder.NONE);
            }

            @Override
            public String name() {
                return "__aexit__";
            }
        };
    }

    private void onTimeout() {
        if (cmState != State.ENTERED) {
            throw new IllegalStateException("_on_timeout in state " + cmState);
        }
        task.cancel(null, cause, null);
        cmState = State.EXPIRING;
        timeoutHandler = null;
    }

    /** {@code repr()}: {@code <Timeout [active] when=1.5>}. */
    @Override
    public String toString() {
        String info = "";
        if (cmState == State.ENTERED) {
            info = " when=" + (when == null ? "None" : Loop.formatTime(when));
        }
        return "<Timeout [" + cmState.value() + "]" + info + ">";
    }
}
