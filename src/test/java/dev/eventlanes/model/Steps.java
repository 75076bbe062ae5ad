package dev.eventlanes.model;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A test coroutine built from a list of steps: each step does something synchronously and
 * returns an awaitable (a Coroutine or Future) or null to go on to the next step at once.
 */
final class Steps extends JavaCoroutine {
    private final String name;
    private final List<Supplier<Object>> steps = new ArrayList<>();
    private final Function<PyException, Object> onError;

    Steps(String name) {
        this(name, null);
    }

    Steps(String name, Function<PyException, Object> onError) {
        this.name = name;
        this.onError = onError;
    }

    Steps then(Runnable r) {
        steps.add(() -> {
            r.run();
            return null;
        });
        return this;
    }

    Steps await(Supplier<Object> awaitable) {
        steps.add(awaitable);
        return this;
    }

    @Override
    protected Object resume(Object value, PyException exc) {
        if (exc != null) {
            if (onError == null) {
                throw exc;
            }
            onError.apply(exc);
        }
        while (state < steps.size()) {
            Object a = steps.get(state++).get();
            if (a != null) {
                return await(a);
            }
        }
        return finish(PyNoneHolder.NONE);
    }

    @Override
    public String name() {
        return name;
    }
}
