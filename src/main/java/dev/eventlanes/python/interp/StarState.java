package dev.eventlanes.python.interp;

import dev.eventlanes.model.ExcType;
import dev.eventlanes.model.PyException;
import dev.eventlanes.python.runtime.PyList;
import dev.eventlanes.python.runtime.PyOps;
import dev.eventlanes.python.runtime.PyTuple;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * The bookkeeping of one {@code try ... except*}, as CPython 3.11 does it: the exception group
 * (a lone exception is wrapped in one), the part no clause has taken yet, and what the clauses
 * raised. At the end, what is left is raised again: untaken parts keep their original group's
 * shape, and exceptions raised by clauses join them in a new group.
 */
final class StarState {
    final PyException orig;
    final boolean wrapped;
    PyException rest;
    final List<PyException> raised = new ArrayList<>();

    StarState(PyException exc) {
        this.orig = exc;
        this.wrapped = !isGroup(exc);
        // CPython wraps a lone exception in a group made with a tuple: ExceptionGroup('', (exc,)).
        this.rest = wrapped ? PyOps.newException(exc.isInstance(ExcType.EXCEPTION) ? ExcType.EXCEPTION_GROUP
                : ExcType.BASE_EXCEPTION_GROUP, new Object[] {"", PyTuple.of(exc)}) : exc;
        this.wrapper = wrapped ? rest : null;
    }

    /** The group a lone exception was wrapped in, or null. */
    private final PyException wrapper;

    static boolean isGroup(PyException e) {
        return e.isInstance(ExcType.BASE_EXCEPTION_GROUP) && !e.exceptions().isEmpty();
    }

    private static PyException group(ExcType type, Object message, List<PyException> excs) {
        return PyOps.newException(type, new Object[] {message, new PyList(new ArrayList<>(excs))});
    }

    /** Takes the parts of the rest whose type matches; null if none does. */
    PyException take(Object type, Interpreter interp) {
        checkType(type);
        if (rest == null) {
            return null;
        }
        PyException[] split = split(rest, e -> interp.excMatches(e, type));
        rest = split[1];
        return split[0];
    }

    private static void checkType(Object type) {
        List<Object> types = type instanceof PyTuple t ? List.of(t.items()) : List.of(type);
        for (Object o : types) {
            if (o instanceof ExcType et && et.isSubclassOf(ExcType.BASE_EXCEPTION_GROUP)) {
                throw PyException.of(ExcType.TYPE_ERROR,
                        "catching ExceptionGroup with except* is not allowed. Use except instead.");
            }
        }
    }

    /** {match, rest} of a group by a leaf test, keeping the nesting and each group's message. */
    private static PyException[] split(PyException e, java.util.function.Predicate<PyException> test) {
        if (!isGroup(e)) {
            return test.test(e) ? new PyException[] {e, null} : new PyException[] {null, e};
        }
        List<PyException> m = new ArrayList<>();
        List<PyException> r = new ArrayList<>();
        for (PyException sub : e.exceptions()) {
            PyException[] s = split(sub, test);
            if (s[0] != null) {
                m.add(s[0]);
            }
            if (s[1] != null) {
                r.add(s[1]);
            }
        }
        if (r.isEmpty()) {
            return new PyException[] {e, null};
        }
        if (m.isEmpty()) {
            return new PyException[] {null, e};
        }
        return new PyException[] {derive(e, m), derive(e, r)};
    }

    private static PyException derive(PyException g, List<PyException> excs) {
        PyException d = group(g.type(), g.args().get(0), excs);
        if (g.cause() != null) {
            d.setCause(g.cause());
        }
        d.setContext(g.context());
        d.setSuppressContext(g.suppressContext());
        return d;
    }

    /** CPython's {@code _PyExc_PrepReraiseStar}: what the try raises after its clauses, or null. */
    PyException leftToRaise() {
        List<PyException> excs = new ArrayList<>(raised);
        if (rest != null) {
            excs.add(rest);
        }
        if (excs.isEmpty()) {
            return null;
        }
        if (wrapped) {
            // A lone exception: at most one clause ran, so there is one thing to raise; if no
            // clause took it, it goes on as itself, not wrapped.
            PyException e = excs.get(0);
            return e == wrapper ? orig : e;
        }
        Set<PyException> origLeaves = leaves(orig);
        List<PyException> raisedNew = new ArrayList<>();
        Set<PyException> keep = Collections.newSetFromMap(new IdentityHashMap<>());
        for (PyException e : excs) {
            Set<PyException> l = leaves(e);
            if (origLeaves.containsAll(l)) {
                keep.addAll(l);
            } else {
                raisedNew.add(e);
            }
        }
        PyException kept = keep.isEmpty() ? null : split(orig, keep::contains)[0];
        if (raisedNew.isEmpty()) {
            return kept;
        }
        if (kept != null) {
            raisedNew.add(kept);
        }
        boolean allExceptions = raisedNew.stream().allMatch(x -> x.isInstance(ExcType.EXCEPTION));
        return group(allExceptions ? ExcType.EXCEPTION_GROUP : ExcType.BASE_EXCEPTION_GROUP, "", raisedNew);
    }

    private static Set<PyException> leaves(PyException e) {
        Set<PyException> out = Collections.newSetFromMap(new IdentityHashMap<>());
        collect(e, out);
        return out;
    }

    private static void collect(PyException e, Set<PyException> out) {
        if (isGroup(e)) {
            for (PyException s : e.exceptions()) {
                collect(s, out);
            }
        } else {
            out.add(e);
        }
    }
}
