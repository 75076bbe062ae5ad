package dev.eventlanes.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A test coroutine written as a Python function body, line by line: each step runs synchronously
 * and may return something to await; the next step gets the awaited value. Exceptions propagate
 * (use {@link #tryExcept} and {@link #asyncWith} for Python's try/except and async with). Like a
 * Python coroutine, one thrown into before it started raises at once without running anything.
 */
final class Co extends JavaCoroutine {
    private final String name;
    private final List<Function<Object, Object>> steps = new ArrayList<>();
    private Supplier<Object> returns = () -> PyNoneHolder.NONE;

    Co(String name) {
        this.name = name;
    }

    /** A plain statement. */
    Co run(Runnable r) {
        steps.add(v -> {
            r.run();
            return null;
        });
        return this;
    }

    /** A statement using the value of the previous await. */
    Co use(Consumer<Object> c) {
        steps.add(v -> {
            c.accept(v);
            return null;
        });
        return this;
    }

    /** {@code await <expr>}. */
    Co await(Supplier<Object> awaitable) {
        steps.add(v -> awaitable.get());
        return this;
    }

    /** {@code raise <exc>}. */
    Co raise(Supplier<PyException> exc) {
        steps.add(v -> {
            throw exc.get();
        });
        return this;
    }

    /** {@code return <value>} at the end. */
    Co returns(Supplier<Object> value) {
        this.returns = value;
        return this;
    }

    @Override
    protected Object resume(Object value, PyException exc) {
        if (exc != null) {
            throw exc;
        }
        Object v = value;
        while (state < steps.size()) {
            Object a = steps.get(state++).apply(v);
            v = null;
            if (a != null) {
                return await(a);
            }
        }
        return finish(returns.get());
    }

    @Override
    public String name() {
        return name;
    }

    /**
     * {@code try: body except <type> as e: handler(e)}. The handler returns a coroutine to run
     * (which may re-raise) or null; an exception of another type propagates.
     */
    static Coroutine tryExcept(Coroutine body, ExcType type, Function<PyException, Coroutine> handler) {
        return new JavaCoroutine() {
            @Override
            protected Object resume(Object value, PyException exc) {
                switch (state) {
                    case 0 -> {
                        if (exc != null) {
                            throw exc;
                        }
                        state = 1;
                        return await(body);
                    }
                    case 1 -> {
                        if (exc == null) {
                            return finish(value);
                        }
                        if (!exc.isInstance(type)) {
                            throw exc;
                        }
                        Coroutine h = handler.apply(exc);
                        if (h == null) {
                            return finish(PyNoneHolder.NONE);
                        }
                        state = 2;
                        return await(h);
                    }
                    default -> {
                        if (exc != null) {
                            throw exc;
                        }
                        return finish(PyNoneHolder.NONE);
                    }
                }
            }
        };
    }

    /** {@code try: body except <t1>: h1 except <t2>: h2} (first match wins). */
    static Coroutine tryExcept(Coroutine body, ExcType t1, Function<PyException, Coroutine> h1,
                               ExcType t2, Function<PyException, Coroutine> h2) {
        return tryExcept(body, ExcType.BASE_EXCEPTION, e -> {
            if (e.isInstance(t1)) {
                return h1.apply(e);
            }
            if (e.isInstance(t2)) {
                return h2.apply(e);
            }
            throw e;
        });
    }

    /**
     * {@code async with <cm> as v: body(v)}: awaits {@code aenter}, runs the body, then awaits
     * {@code aexit(exc)}; the body's exception is re-raised unless aexit returned True.
     */
    static Coroutine asyncWith(Supplier<Coroutine> aenter, Function<Object, Coroutine> body,
                               Function<PyException, Coroutine> aexit) {
        return new JavaCoroutine() {
            private PyException bodyExc;

            @Override
            protected Object resume(Object value, PyException exc) {
                switch (state) {
                    case 0 -> {
                        if (exc != null) {
                            throw exc;
                        }
                        state = 1;
                        return await(aenter.get());
                    }
                    case 1 -> {
                        if (exc != null) {
                            throw exc;
                        }
                        state = 2;
                        return await(body.apply(value));
                    }
                    case 2 -> {
                        bodyExc = exc;
                        state = 3;
                        return await(aexit.apply(exc));
                    }
                    default -> {
                        if (exc != null) {
                            throw exc;
                        }
                        if (bodyExc != null && !Boolean.TRUE.equals(value)) {
                            throw bodyExc;
                        }
                        return finish(PyNoneHolder.NONE);
                    }
                }
            }
        };
    }
}
