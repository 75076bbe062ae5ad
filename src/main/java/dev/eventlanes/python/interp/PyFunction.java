package dev.eventlanes.python.interp;

import dev.eventlanes.python.runtime.PyCallable;
import dev.eventlanes.python.runtime.PyObject;
import java.util.Map;

/**
 * A function defined in the program ({@code def}, {@code async def}, {@code lambda}, or a
 * comprehension's hidden function). Calling an async function returns a {@link PyCoroutine}
 * without running anything; calling a plain one runs it to completion.
 */
final class PyFunction implements PyCallable, PyObject {
    final Interpreter interp;
    final Code code;
    final Map<String, Object> globals;
    final Object[] defaults;
    final Map<String, Object> kwDefaults;
    final Cell[] closure;

    PyFunction(Interpreter interp, Code code, Map<String, Object> globals, Object[] defaults,
               Map<String, Object> kwDefaults, Cell[] closure) {
        this.interp = interp;
        this.code = code;
        this.globals = globals;
        this.defaults = defaults;
        this.kwDefaults = kwDefaults;
        this.closure = closure;
    }

    @Override
    public Object call(Object[] args, Map<String, Object> kwargs) {
        return interp.callFunction(this, args, kwargs);
    }

    @Override
    public String name() {
        return code.name;
    }

    @Override
    public String typeName() {
        return "function";
    }

    @Override
    public String repr() {
        return "<function " + code.qualName + " at 0x" + Long.toHexString(0x7f3b2c000000L + code.firstLine * 0x40L) + ">";
    }

    @Override
    public Object getAttr(String attr) {
        return switch (attr) {
            case "__name__" -> code.name;
            case "__qualname__" -> code.qualName;
            default -> null;
        };
    }
}
