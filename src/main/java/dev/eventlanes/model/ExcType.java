package dev.eventlanes.model;

import java.util.Objects;

/**
 * A Python exception class, as far as the model and the interpreter need one: a name, the
 * module that defines it (for tracebacks: {@code asyncio.exceptions.CancelledError}) and a
 * single base class.
 *
 * <p>The model raises some of these itself (cancellation, timeouts, {@code AttributeError} for
 * the missing {@code clear()} of anyio and trio events); the interpreter uses the same objects
 * as the Python classes a program can name in {@code except} clauses, so there is one hierarchy.
 * Identity is the equality: two types are the same only if they are the same object.
 */
public final class ExcType {
    private final String name;
    private final String module;
    private final ExcType base;

    /** A second base class: only ExceptionGroup has one (it is a BaseExceptionGroup and an Exception). */
    private final ExcType mixin;

    public ExcType(String name, String module, ExcType base) {
        this(name, module, base, null);
    }

    public ExcType(String name, String module, ExcType base, ExcType mixin) {
        this.name = Objects.requireNonNull(name);
        this.module = module == null ? "builtins" : module;
        this.base = base;
        this.mixin = mixin;
    }

    public String name() {
        return name;
    }

    public String module() {
        return module;
    }

    public ExcType base() {
        return base;
    }

    /** The name a traceback's last line uses: bare for builtins, else module-qualified. */
    public String qualifiedName() {
        return "builtins".equals(module) ? name : module + "." + name;
    }

    /** True if this class is {@code other} or derives from it ({@code issubclass}). */
    public boolean isSubclassOf(ExcType other) {
        for (ExcType t = this; t != null; t = t.base) {
            if (t == other || (t.mixin != null && t.mixin.isSubclassOf(other))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "<class '" + qualifiedName() + "'>";
    }

    // The built-in hierarchy (CPython 3.11), limited to what the subset can raise or name.
    public static final ExcType BASE_EXCEPTION = new ExcType("BaseException", null, null);
    public static final ExcType EXCEPTION = new ExcType("Exception", null, BASE_EXCEPTION);
    public static final ExcType BASE_EXCEPTION_GROUP = new ExcType("BaseExceptionGroup", null, BASE_EXCEPTION);
    public static final ExcType EXCEPTION_GROUP = new ExcType("ExceptionGroup", null, BASE_EXCEPTION_GROUP, EXCEPTION);
    public static final ExcType KEYBOARD_INTERRUPT = new ExcType("KeyboardInterrupt", null, BASE_EXCEPTION);
    public static final ExcType SYSTEM_EXIT = new ExcType("SystemExit", null, BASE_EXCEPTION);
    public static final ExcType GENERATOR_EXIT = new ExcType("GeneratorExit", null, BASE_EXCEPTION);
    public static final ExcType STOP_ITERATION = new ExcType("StopIteration", null, EXCEPTION);
    public static final ExcType ARITHMETIC_ERROR = new ExcType("ArithmeticError", null, EXCEPTION);
    public static final ExcType ZERO_DIVISION_ERROR = new ExcType("ZeroDivisionError", null, ARITHMETIC_ERROR);
    public static final ExcType OVERFLOW_ERROR = new ExcType("OverflowError", null, ARITHMETIC_ERROR);
    public static final ExcType ASSERTION_ERROR = new ExcType("AssertionError", null, EXCEPTION);
    public static final ExcType ATTRIBUTE_ERROR = new ExcType("AttributeError", null, EXCEPTION);
    public static final ExcType LOOKUP_ERROR = new ExcType("LookupError", null, EXCEPTION);
    public static final ExcType INDEX_ERROR = new ExcType("IndexError", null, LOOKUP_ERROR);
    public static final ExcType KEY_ERROR = new ExcType("KeyError", null, LOOKUP_ERROR);
    public static final ExcType MEMORY_ERROR = new ExcType("MemoryError", null, EXCEPTION);
    public static final ExcType NAME_ERROR = new ExcType("NameError", null, EXCEPTION);
    public static final ExcType UNBOUND_LOCAL_ERROR = new ExcType("UnboundLocalError", null, NAME_ERROR);
    public static final ExcType OS_ERROR = new ExcType("OSError", null, EXCEPTION);
    public static final ExcType TIMEOUT_ERROR = new ExcType("TimeoutError", null, OS_ERROR);
    public static final ExcType RUNTIME_ERROR = new ExcType("RuntimeError", null, EXCEPTION);
    public static final ExcType NOT_IMPLEMENTED_ERROR = new ExcType("NotImplementedError", null, RUNTIME_ERROR);
    public static final ExcType RECURSION_ERROR = new ExcType("RecursionError", null, RUNTIME_ERROR);
    public static final ExcType TYPE_ERROR = new ExcType("TypeError", null, EXCEPTION);
    public static final ExcType VALUE_ERROR = new ExcType("ValueError", null, EXCEPTION);
    public static final ExcType IMPORT_ERROR = new ExcType("ImportError", null, EXCEPTION);
    public static final ExcType MODULE_NOT_FOUND_ERROR = new ExcType("ModuleNotFoundError", null, IMPORT_ERROR);

    // Library exceptions. asyncio.CancelledError is a BaseException since Python 3.8, so a bare
    // `except Exception` does not swallow a cancellation; trio.Cancelled likewise.
    public static final ExcType CANCELLED_ERROR = new ExcType("CancelledError", "asyncio.exceptions", BASE_EXCEPTION);
    public static final ExcType INVALID_STATE_ERROR = new ExcType("InvalidStateError", "asyncio.exceptions", EXCEPTION);
    public static final ExcType TRIO_CANCELLED = new ExcType("Cancelled", "trio", BASE_EXCEPTION);
    public static final ExcType TOO_SLOW_ERROR = new ExcType("TooSlowError", "trio", EXCEPTION);
    public static final ExcType WOULD_BLOCK = new ExcType("WouldBlock", "trio", EXCEPTION);
}
