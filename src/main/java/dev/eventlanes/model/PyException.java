package dev.eventlanes.model;

import java.util.List;

/**
 * A Python exception travelling through the model and the interpreter: raised by a task body,
 * thrown into a coroutine by the scheduler (cancellation), or stored as a task's outcome.
 *
 * <p>It is a Java exception so that interpreter code can unwind with it, but it carries no
 * Java stack trace (filling one in is costly and never shown: users see Python tracebacks).
 */
public class PyException extends RuntimeException {
    private final ExcType type;
    private final List<Object> args;
    /** {@code __context__}: the exception being handled when this one was raised. */
    private PyException context;
    /** {@code __cause__}, set by {@code raise ... from ...}. */
    private PyException cause;
    private boolean suppressContext;
    /** Sub-exceptions of an exception group; empty otherwise. */
    private final List<PyException> exceptions;
    /** Source lines this exception passed through, innermost last, for tracebacks. */
    private final java.util.ArrayList<TraceFrame> traceback = new java.util.ArrayList<>(4);
    /** Free slot for the interpreter (its own exception object, if it keeps one). */
    private Object payload;

    /** One line of a traceback: where the exception passed. */
    public record TraceFrame(String function, int line) {
    }

    public PyException(ExcType type, List<Object> args) {
        this(type, args, List.of());
    }

    public PyException(ExcType type, List<Object> args, List<PyException> exceptions) {
        super(null, null, false, false);
        this.type = type;
        this.args = List.copyOf(args);
        this.exceptions = List.copyOf(exceptions);
    }

    /** An exception with one string argument, as {@code raise ValueError("msg")}. */
    public static PyException of(ExcType type, String message) {
        return new PyException(type, message == null ? List.of() : List.of(message));
    }

    public ExcType type() {
        return type;
    }

    public List<Object> args() {
        return args;
    }

    public List<PyException> exceptions() {
        return exceptions;
    }

    public boolean isInstance(ExcType t) {
        return type.isSubclassOf(t);
    }

    /** True for a cancellation of either kind ({@code asyncio.CancelledError}, {@code trio.Cancelled}). */
    public boolean isCancellation() {
        return type.isSubclassOf(ExcType.CANCELLED_ERROR) || type.isSubclassOf(ExcType.TRIO_CANCELLED);
    }

    public PyException context() {
        return context;
    }

    public void setContext(PyException context) {
        if (context != this) {
            this.context = context;
        }
    }

    public PyException cause() {
        return cause;
    }

    public void setCause(PyException cause) {
        this.cause = cause;
        this.suppressContext = true;
    }

    public boolean suppressContext() {
        return suppressContext;
    }

    public void setSuppressContext(boolean suppress) {
        this.suppressContext = suppress;
    }

    public java.util.List<TraceFrame> traceback() {
        return traceback;
    }

    public void addFrame(String function, int line) {
        traceback.add(new TraceFrame(function, line));
    }

    public Object payload() {
        return payload;
    }

    public void setPayload(Object payload) {
        this.payload = payload;
    }

    /**
     * {@code str(exc)} without the interpreter's help: the single argument if there is one,
     * else a tuple-like rendering that the interpreter overrides for non-string arguments.
     */
    public String messageText() {
        if (args.isEmpty()) {
            return "";
        }
        if (args.size() == 1) {
            return String.valueOf(args.get(0));
        }
        return args.toString();
    }

    @Override
    public String getMessage() {
        String m = messageText();
        return m.isEmpty() ? type.qualifiedName() : type.qualifiedName() + ": " + m;
    }
}
