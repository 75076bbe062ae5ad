package dev.eventlanes.python.interp;

import dev.eventlanes.model.Coroutine;
import dev.eventlanes.model.PyException;
import dev.eventlanes.python.runtime.PyNone;
import dev.eventlanes.python.runtime.PyObject;
import dev.eventlanes.python.runtime.PyOps;
import java.math.BigInteger;

/**
 * The object an {@code async def} call returns. Awaited from another coroutine, its frame joins
 * the awaiting chain; made into a task, the loop drives it through {@link Coroutine}.
 */
final class PyCoroutine implements Coroutine, PyObject {
    /** The longest repr {@link #codeArg()} gives. */
    private static final int MAX_ARG_REPR = 12;

    final Interpreter interp;
    final Frame frame;
    /** The innermost frame of the chain while this coroutine is a task's root. */
    Frame current;
    boolean started;
    boolean finished;
    Object result;
    /** What the task suspends on (a future, or a bare yield). */
    Object suspendedOn;
    /** The first positional argument of the call that made it, or null (for {@link #codeArg()}). */
    private final Object firstArg;

    PyCoroutine(Interpreter interp, Frame frame, Object firstArg) {
        this.interp = interp;
        this.frame = frame;
        this.current = frame;
        this.firstArg = firstArg;
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
    public String qualName() {
        return frame.code.qualName;
    }

    @Override
    public String codeArg() {
        Object a = firstArg;
        // Only values a literal can spell, and only short ones: enough to tell worker('A') from
        // worker('B'), never a repr that costs anything or changes (a list).
        boolean literal = a instanceof String || a instanceof Long || a instanceof Double || a instanceof Boolean
                || a == PyNone.NONE || a instanceof BigInteger b && b.bitLength() < 40;
        if (!literal) {
            return null;
        }
        String r = PyOps.repr(a);
        return r.length() <= MAX_ARG_REPR ? r : null;
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
