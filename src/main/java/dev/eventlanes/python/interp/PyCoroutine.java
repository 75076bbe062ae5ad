package dev.eventlanes.python.interp;

import dev.eventlanes.model.Coroutine;
import dev.eventlanes.model.PyException;
import dev.eventlanes.python.runtime.PyObject;

/**
 * The object an {@code async def} call returns. Awaited from another coroutine, its frame joins
 * the awaiting chain; made into a task, the loop drives it through {@link Coroutine}.
 */
final class PyCoroutine implements Coroutine, PyObject {
    final Interpreter interp;
    final Frame frame;
    /** The innermost frame of the chain while this coroutine is a task's root. */
    Frame current;
    boolean started;
    boolean finished;
    Object result;
    /** What the task suspends on (a future, or a bare yield). */
    Object suspendedOn;

    PyCoroutine(Interpreter interp, Frame frame) {
        this.interp = interp;
        this.frame = frame;
        this.current = frame;
        frame.owner = this;
    }

    @Override
    public Object send(Object value) {
        return interp.resume(this, value, null);
    }

    @Override
    public Object throwIn(PyException exc) {
        return interp.resume(this, null, exc);
    }

    @Override
    public Object result() {
        return result;
    }

    @Override
    public String name() {
        return frame.code.name;
    }

    @Override
    public boolean hasLines() {
        return true;
    }

    @Override
    public int currentLine() {
        Frame f = current;
        return f == null ? 0 : f.line();
    }

    @Override
    public String typeName() {
        return "coroutine";
    }

    @Override
    public String repr() {
        return "<coroutine object " + frame.code.qualName + " at 0x" + Long.toHexString(0x7f3b2d000000L + frame.code.firstLine * 0x40L) + ">";
    }
}
