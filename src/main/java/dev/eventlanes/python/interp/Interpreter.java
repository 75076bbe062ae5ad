package dev.eventlanes.python.interp;

import dev.eventlanes.model.Coroutine;
import dev.eventlanes.model.ExcType;
import dev.eventlanes.model.Loop;
import dev.eventlanes.model.PyException;
import dev.eventlanes.model.PyNoneHolder;
import dev.eventlanes.python.runtime.Builtins;
import dev.eventlanes.python.runtime.PyCallable;
import dev.eventlanes.python.runtime.PyDict;
import dev.eventlanes.python.runtime.PyIterator;
import dev.eventlanes.python.runtime.PyList;
import dev.eventlanes.python.runtime.PyNone;
import dev.eventlanes.python.runtime.PyOps;
import dev.eventlanes.python.runtime.PySlice;
import dev.eventlanes.python.runtime.PyTuple;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The stack machine that runs compiled Python on the model's loop.
 *
 * <p>How it runs. {@link #run} executes instructions of a chain of frames. A call to a Python
 * function pushes a frame onto the chain instead of recursing in Java; so does awaiting a
 * coroutine. Awaiting a library coroutine (an event's {@code wait()}, {@code sleep()})
 * delegates to it: when it suspends on a future or yields, {@code run} returns that to the
 * task, leaving every frame as it was, and the next {@link #resume} continues exactly there.
 *
 * <p>Limits make hostile programs harmless: the loop's operation counter stops a task that
 * never awaits, frame depth stops runaway recursion with Python's {@code RecursionError}, and the
 * runtime's size limits stop huge lists.
 */
public final class Interpreter {
    static final int RECURSION_LIMIT = 1000;
    private static final Object SUSPENDED = new Object();
    private static final Object[] NO_ARGS = new Object[0];
    private static final Object YIELDED = new Object();

    final Loop loop;
    final Map<String, Object> builtins;
    final Library library;
    final String fileName;
    final String[] sourceLines;
    /** The innermost frame running now (for nested runs started from Java). */
    private Frame running;

    Interpreter(Loop loop, String fileName, String source, Library library) {
        this.loop = loop;
        this.fileName = fileName;
        this.sourceLines = source.split("\r\n|\r|\n", -1);
        this.library = library;
        this.builtins = new HashMap<>(Builtins.all());
        builtins.put("print", new dev.eventlanes.python.runtime.BuiltinFunction("print", this::print));
        // Attribute builtins need the library's objects too, so they live here, not in the runtime.
        builtins.put("hasattr", new dev.eventlanes.python.runtime.BuiltinFunction("hasattr", (a, kw) -> {
            if (a.length != 2 || !(a[1] instanceof String name)) {
                throw PyException.of(ExcType.TYPE_ERROR, "hasattr expected 2 arguments: an object and an attribute name");
            }
            try {
                getAttr(a[0], name);
                return Boolean.TRUE;
            } catch (PyException e) {
                if (e.isInstance(ExcType.ATTRIBUTE_ERROR)) {
                    return Boolean.FALSE;
                }
                throw e;
            }
        }));
        builtins.put("getattr", new dev.eventlanes.python.runtime.BuiltinFunction("getattr", (a, kw) -> {
            if (a.length < 2 || a.length > 3 || !(a[1] instanceof String name)) {
                throw PyException.of(ExcType.TYPE_ERROR, "getattr expected 2 or 3 arguments: an object, an attribute name and a default");
            }
            try {
                return getAttr(a[0], name);
            } catch (PyException e) {
                if (a.length == 3 && e.isInstance(ExcType.ATTRIBUTE_ERROR)) {
                    return a[2];
                }
                throw e;
            }
        }));
    }

    Loop loop() {
        return loop;
    }

    private Object print(Object[] args, Map<String, Object> kwargs) {
        String sep = " ";
        String end = "\n";
        for (Map.Entry<String, Object> e : kwargs.entrySet()) {
            switch (e.getKey()) {
                case "sep" -> sep = e.getValue() == PyNone.NONE ? " " : strArg("sep", e.getValue());
                case "end" -> end = e.getValue() == PyNone.NONE ? "\n" : strArg("end", e.getValue());
                case "flush" -> {
                }
                case "file" -> throw PyException.of(ExcType.TYPE_ERROR, "print(file=...) is not supported: output always goes to the console");
                default -> throw PyException.of(ExcType.TYPE_ERROR, "'" + e.getKey() + "' is an invalid keyword argument for print()");
            }
        }
        loop.emitPrint(PyOps.printText(args, sep, end));
        return PyNone.NONE;
    }

    private static String strArg(String name, Object v) {
        if (v instanceof String s) {
            return s;
        }
        throw PyException.of(ExcType.TYPE_ERROR, name + " must be None or a string, not " + PyOps.typeName(v));
    }

    /** The hint of the innermost running frame, consumed (see {@link Op#HINT}). */
    String takeHint() {
        Frame f = running;
        // A comprehension's frame names its events after the assignment that called it.
        while (f != null && f.hint == null && f.code.name.startsWith("<")) {
            f = f.caller;
        }
        if (f == null || f.hint == null) {
            return null;
        }
        String h = f.hint;
        if (h.endsWith("[]")) {
            return h.substring(0, h.length() - 2) + "[" + f.hintIndex++ + "]";
        }
        f.hint = null;
        return h;
    }

    /** The source line the innermost running frame is at. */
    int currentLine() {
        return running == null ? 0 : running.line();
    }

    // ---------------------------------------------------------------- entry points

    /** Runs the module body to completion (it may run whole event loops on the way). */
    void runModule(Code module, Map<String, Object> globals) {
        Frame f = new Frame(module, globals, new Cell[0]);
        f.runRoot = true;
        run(f, null, null);
    }

    /** Calls a function: async ones give a coroutine, plain ones run now. */
    Object callFunction(PyFunction fn, Object[] args, Map<String, Object> kwargs) {
        Frame f = newFrame(fn, args, kwargs);
        if (fn.code.isAsync) {
            f.runRoot = true;
            return new PyCoroutine(this, f, args.length > 0 ? args[0] : null);
        }
        if (fn.code.isGenerator) {
            f.runRoot = true;
            return new Generator(this, f);
        }
        f.runRoot = true;
        f.caller = running;
        f.depth = running == null ? 1 : running.depth + 1;
        checkDepth(f);
        return run(f, null, null);
    }

    private void checkDepth(Frame f) {
        if (f.depth > RECURSION_LIMIT) {
            throw PyException.of(ExcType.RECURSION_ERROR, "maximum recursion depth exceeded");
        }
    }

    /** A task step: continue the coroutine's chain where it suspended. */
    Object resume(PyCoroutine co, Object value, PyException exc) {
        if (co.finished) {
            throw PyException.of(ExcType.RUNTIME_ERROR, "cannot reuse already awaited coroutine");
        }
        if (!co.started) {
            co.started = true;
            if (exc != null) {
                co.finished = true;
                throw exc;
            }
        }
        Frame f = co.current;
        Object r;
        try {
            r = run(f, value, exc);
        } catch (PyException e) {
            co.finished = true;
            co.current = null;
            throw e;
        }
        if (r == SUSPENDED) {
            return co.suspendedOn;
        }
        co.finished = true;
        co.result = r;
        co.current = null;
        return Coroutine.RETURNED;
    }

    Object resumeGenerator(Generator g) {
        if (g.running) {
            throw PyException.of(ExcType.VALUE_ERROR, "generator already executing");
        }
        g.running = true;
        Frame f = g.frame;
        f.caller = running;
        f.depth = running == null ? 1 : running.depth + 1;
        try {
            Object r = run(f, g.yielded == null ? null : PyNone.NONE, null);
            if (r == YIELDED) {
                return g.yielded;
            }
            g.finished = true;
            return null;
        } catch (PyException e) {
            g.finished = true;
            throw e;
        } finally {
            g.running = false;
        }
    }

    // ---------------------------------------------------------------- frames

    Frame newFrame(PyFunction fn, Object[] args, Map<String, Object> kwargs) {
        Code c = fn.code;
        int nCells = c.cellVars.length + c.freeVars.length;
        Cell[] cells = new Cell[nCells];
        for (int i = 0; i < c.cellVars.length; i++) {
            cells[i] = new Cell(null);
        }
        for (int i = 0; i < c.freeVars.length; i++) {
            cells[c.cellVars.length + i] = fn.closure[i];
        }
        Frame f = new Frame(c, fn.globals, cells);
        bindArguments(fn, f.locals, args, kwargs);
        for (int i = 0; i < c.cellOfLocal.length; i++) {
            int ci = c.cellOfLocal[i];
            if (ci >= 0) {
                cells[ci].value = f.locals[i];
            }
        }
        return f;
    }

    private void bindArguments(PyFunction fn, Object[] locals, Object[] args, Map<String, Object> kwargs) {
        Code c = fn.code;
        String qn = c.qualName + "()";
        int np = c.argCount;
        int given = args.length;
        if (given > np && !c.hasVarArgs) {
            int minArgs = np - fn.defaults.length;
            String takes = fn.defaults.length > 0 ? "from " + minArgs + " to " + np : String.valueOf(np);
            throw PyException.of(ExcType.TYPE_ERROR, qn + " takes " + takes + " positional argument"
                    + (np == 1 && fn.defaults.length == 0 ? "" : "s") + " but " + given + (given == 1 ? " was" : " were") + " given");
        }
        int n = Math.min(given, np);
        System.arraycopy(args, 0, locals, 0, n);
        int slot = np;
        if (c.hasVarArgs) {
            Object[] rest = given > np ? java.util.Arrays.copyOfRange(args, np, given) : new Object[0];
            locals[slot++] = new PyTuple(rest);
        }
        int kwStart = slot;
        slot += c.kwOnlyCount;
        PyDict extra = null;
        if (c.hasVarKw) {
            extra = new PyDict();
            locals[slot] = extra;
        }
        if (!kwargs.isEmpty()) {
            for (Map.Entry<String, Object> e : kwargs.entrySet()) {
                String k = e.getKey();
                int idx = -1;
                for (int i = 0; i < np; i++) {
                    if (c.varNames[i].equals(k)) {
                        idx = i;
                        break;
                    }
                }
                if (idx < 0) {
                    for (int i = 0; i < c.kwOnlyCount; i++) {
                        if (c.varNames[kwStart + i].equals(k)) {
                            idx = kwStart + i;
                            break;
                        }
                    }
                }
                if (idx >= 0) {
                    if (locals[idx] != null) {
                        throw PyException.of(ExcType.TYPE_ERROR, qn + " got multiple values for argument '" + k + "'");
                    }
                    locals[idx] = e.getValue();
                } else if (extra != null) {
                    extra.put(k, e.getValue());
                } else {
                    throw PyException.of(ExcType.TYPE_ERROR, qn + " got an unexpected keyword argument '" + k + "'");
                }
            }
        }
        int firstDefault = np - fn.defaults.length;
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < np; i++) {
            if (locals[i] == null) {
                if (i >= firstDefault) {
                    locals[i] = fn.defaults[i - firstDefault];
                } else {
                    missing.add(c.varNames[i]);
                }
            }
        }
        if (!missing.isEmpty()) {
            throw PyException.of(ExcType.TYPE_ERROR, qn + " missing " + missing.size() + " required positional argument"
                    + (missing.size() == 1 ? "" : "s") + ": " + names(missing));
        }
        for (int i = 0; i < c.kwOnlyCount; i++) {
            int idx = kwStart + i;
            if (locals[idx] == null) {
                Object d = fn.kwDefaults.get(c.varNames[idx]);
                if (d == null) {
                    missing.add(c.varNames[idx]);
                } else {
                    locals[idx] = d;
                }
            }
        }
        if (!missing.isEmpty()) {
            throw PyException.of(ExcType.TYPE_ERROR, qn + " missing " + missing.size() + " required keyword-only argument"
                    + (missing.size() == 1 ? "" : "s") + ": " + names(missing));
        }
    }

    private static String names(List<String> names) {
        List<String> q = new ArrayList<>();
        for (String s : names) {
            q.add("'" + s + "'");
        }
        if (q.size() == 1) {
            return q.get(0);
        }
        if (q.size() == 2) {
            return q.get(0) + " and " + q.get(1);
        }
        return String.join(", ", q.subList(0, q.size() - 1)) + ", and " + q.get(q.size() - 1);
    }

    // ---------------------------------------------------------------- the machine

    /**
     * Runs from frame {@code f} (resuming a delegate or raising {@code exc} first if given) until
     * the run's root frame returns (its value), a task must suspend ({@link #SUSPENDED}), or a
     * generator yields ({@link #YIELDED}). An exception escaping the root frame is thrown.
     */
    private Object run(Frame f, Object sendValue, PyException exc) {
        Frame saved = running;
        try {
            return execute(f, sendValue, exc);
        } finally {
            running = saved;
        }
    }

    private Object execute(Frame f, Object sendValue, PyException pending) {
        running = f;
        // Resume a delegate first.
        if (f.delegate != null) {
            Coroutine d = f.delegate;
            Object r;
            try {
                r = pending != null ? d.throwIn(pending) : d.send(sendValue);
                pending = null;
                if (r != Coroutine.RETURNED) {
                    return suspend(f, r);
                }
                f.delegate = null;
                f.push(fromModel(d.result()));
            } catch (PyException e) {
                f.delegate = null;
                pending = e;
            }
        } else if (f.owner instanceof Generator && f.pc > 0 && pending == null) {
            f.push(PyNone.NONE);
        }
        int[] code = f.code.code;
        Object[] consts = f.code.consts;
        while (true) {
            if (pending != null) {
                // Outside the try: an exception no handler takes leaves this run.
                PyException e = pending;
                pending = null;
                f = unwind(f, e);
                code = f.code.code;
                consts = f.code.consts;
                running = f;
            }
            try {
                int pc = f.pc;
                int op = code[pc];
                int arg = code[pc + 1];
                f.pc = pc + 2;
                switch (op) {
                    case Op.NOP -> {
                    }
                    case Op.CONST -> f.push(consts[arg]);
                    case Op.POP -> f.pop();
                    case Op.DUP -> f.push(f.top());
                    case Op.ROT2 -> {
                        Object[] s = f.stack;
                        int t = f.sp - 1;
                        Object a = s[t];
                        s[t] = s[t - 1];
                        s[t - 1] = a;
                    }
                    case Op.ROT3 -> {
                        Object[] s = f.stack;
                        int t = f.sp - 1;
                        Object c = s[t];
                        s[t] = s[t - 1];
                        s[t - 1] = s[t - 2];
                        s[t - 2] = c;
                    }
                    case Op.DUP2 -> {
                        Object b = f.stack[f.sp - 1];
                        Object a = f.stack[f.sp - 2];
                        f.push(a);
                        f.push(b);
                    }
                    case Op.LOAD_FAST -> {
                        Object v = f.locals[arg];
                        if (v == null) {
                            throw PyException.of(ExcType.UNBOUND_LOCAL_ERROR, "cannot access local variable '"
                                    + f.code.varNames[arg] + "' where it is not associated with a value");
                        }
                        f.push(v);
                    }
                    case Op.STORE_FAST -> f.locals[arg] = f.pop();
                    case Op.DEL_FAST -> {
                        if (f.locals[arg] == null) {
                            throw PyException.of(ExcType.UNBOUND_LOCAL_ERROR, "cannot access local variable '"
                                    + f.code.varNames[arg] + "' where it is not associated with a value");
                        }
                        f.locals[arg] = null;
                    }
                    case Op.LOAD_DEREF -> {
                        Object v = f.cells[arg].value;
                        if (v == null) {
                            String nm = cellName(f.code, arg);
                            throw PyException.of(ExcType.NAME_ERROR, "cannot access free variable '" + nm
                                    + "' where it is not associated with a value in enclosing scope");
                        }
                        f.push(v);
                    }
                    case Op.STORE_DEREF -> f.cells[arg].value = f.pop();
                    case Op.LOAD_CELL -> f.push(f.cells[arg]);
                    case Op.LOAD_GLOBAL -> {
                        String name = f.code.names[arg];
                        Object v = f.globals.get(name);
                        if (v == null) {
                            v = builtins.get(name);
                            if (v == null) {
                                throw PyException.of(ExcType.NAME_ERROR, "name '" + name + "' is not defined");
                            }
                        }
                        f.push(v);
                    }
                    case Op.STORE_GLOBAL -> f.globals.put(f.code.names[arg], f.pop());
                    case Op.DEL_GLOBAL -> {
                        String name = f.code.names[arg];
                        if (f.globals.remove(name) == null) {
                            throw PyException.of(ExcType.NAME_ERROR, "name '" + name + "' is not defined");
                        }
                    }
                    case Op.LOAD_ATTR -> {
                        Object obj = f.pop();
                        // An inline cache per instruction: `ev.set` in a loop looks up the same
                        // attribute of the same object every time, and for objects whose
                        // attributes never change the answer can be reused.
                        Code c = f.code;
                        int slot = pc >> 1;
                        if (obj instanceof Library.StableAttrs && c.attrCacheRecv[slot] == obj) {
                            f.push(c.attrCacheVal[slot]);
                        } else {
                            Object v = getAttr(obj, c.names[arg]);
                            if (obj instanceof Library.StableAttrs) {
                                c.attrCacheRecv[slot] = obj;
                                c.attrCacheVal[slot] = v;
                            }
                            f.push(v);
                        }
                    }
                    case Op.STORE_ATTR -> {
                        Object obj = f.pop();
                        Object v = f.pop();
                        library.setAttr(obj, f.code.names[arg], v);
                    }
                    case Op.SUBSCR -> {
                        Object key = f.pop();
                        Object obj = f.pop();
                        f.push(subscript(obj, key));
                    }
                    case Op.STORE_SUBSCR -> {
                        Object key = f.pop();
                        Object obj = f.pop();
                        Object v = f.pop();
                        PyOps.setItem(obj, key, v);
                    }
                    case Op.DEL_SUBSCR -> {
                        Object key = f.pop();
                        Object obj = f.pop();
                        PyOps.delItem(obj, key);
                    }
                    case Op.BUILD_SLICE -> {
                        Object step = f.pop();
                        Object hi = f.pop();
                        Object lo = f.pop();
                        f.push(new PySlice(lo, hi, step));
                    }
                    case Op.BINARY -> {
                        Object b = f.pop();
                        Object a = f.pop();
                        f.push(binary(arg, a, b));
                    }
                    case Op.INPLACE -> {
                        Object b = f.pop();
                        Object a = f.pop();
                        // Only lists change in place (+=, *=); everything else is the binary operator.
                        f.push(a instanceof PyList ? PyOps.inplaceOp(BIN_SYMBOLS[arg], a, b) : binary(arg, a, b));
                    }
                    case Op.UNARY -> {
                        Object a = f.pop();
                        f.push(switch (arg) {
                            case 0 -> PyOps.neg(a);
                            case 1 -> PyOps.pos(a);
                            default -> PyOps.invert(a);
                        });
                    }
                    case Op.NOT -> f.push(!PyOps.truthy(f.pop()));
                    case Op.TO_BOOL -> f.push(PyOps.truthy(f.pop()));
                    case Op.COMPARE -> {
                        Object b = f.pop();
                        Object a = f.pop();
                        f.push(compare(arg, a, b));
                    }
                    case Op.JUMP -> {
                        if (arg < f.pc) {
                            loop.countOps(1);
                        }
                        f.pc = arg;
                    }
                    case Op.JUMP_IF_FALSE -> {
                        if (!truthy(f.pop())) {
                            f.pc = arg;
                        }
                    }
                    case Op.JUMP_IF_TRUE -> {
                        if (truthy(f.pop())) {
                            f.pc = arg;
                        }
                    }
                    case Op.JUMP_IF_FALSE_OR_POP -> {
                        if (!truthy(f.top())) {
                            f.pc = arg;
                        } else {
                            f.pop();
                        }
                    }
                    case Op.JUMP_IF_TRUE_OR_POP -> {
                        if (truthy(f.top())) {
                            f.pc = arg;
                        } else {
                            f.pop();
                        }
                    }
                    case Op.GET_ITER -> f.push(PyOps.iter(f.pop()));
                    case Op.FOR_ITER -> {
                        PyIterator it = (PyIterator) f.top();
                        Object v = it.next();
                        if (v == null) {
                            f.pop();
                            f.pc = arg;
                        } else {
                            f.push(v);
                        }
                    }
                    case Op.BUILD_LIST -> {
                        ArrayList<Object> items = new ArrayList<>(Math.max(arg, 4));
                        for (int i = f.sp - arg; i < f.sp; i++) {
                            items.add(f.stack[i]);
                        }
                        popN(f, arg);
                        f.push(new PyList(items));
                    }
                    case Op.BUILD_TUPLE -> {
                        Object[] items = new Object[arg];
                        System.arraycopy(f.stack, f.sp - arg, items, 0, arg);
                        popN(f, arg);
                        f.push(arg == 0 ? PyTuple.EMPTY : new PyTuple(items));
                    }
                    case Op.BUILD_DICT -> {
                        PyDict d = new PyDict();
                        int base = f.sp - 2 * arg;
                        for (int i = 0; i < arg; i++) {
                            d.put(f.stack[base + 2 * i], f.stack[base + 2 * i + 1]);
                        }
                        popN(f, 2 * arg);
                        f.push(d);
                    }
                    case Op.LIST_APPEND -> {
                        Object v = f.pop();
                        PyList l = (PyList) f.stack[f.sp - arg];
                        l.append(v);
                    }
                    case Op.DICT_SET -> {
                        Object v = f.pop();
                        Object k = f.pop();
                        ((PyDict) f.stack[f.sp - arg]).put(k, v);
                    }
                    case Op.DICT_UPDATE -> {
                        Object m = f.pop();
                        PyDict d = (PyDict) f.top();
                        if (!(m instanceof PyDict src)) {
                            throw PyException.of(ExcType.TYPE_ERROR, "'" + PyOps.typeName(m) + "' object is not a mapping");
                        }
                        for (PyDict.Entry e : src.entries()) {
                            d.put(e.key(), e.value());
                        }
                    }
                    case Op.LIST_EXTEND -> {
                        Object it = f.pop();
                        PyList l = (PyList) f.top();
                        PyIterator iter = PyOps.iter(it);
                        for (Object x = iter.next(); x != null; x = iter.next()) {
                            l.append(x);
                        }
                    }
                    case Op.LIST_TO_TUPLE -> f.push(PyTuple.fromList(((PyList) f.pop()).items()));
                    case Op.UNPACK -> unpack(f, arg);
                    case Op.CALL -> {
                        loop.countOps(1);
                        Object[] args = arg == 0 ? NO_ARGS : new Object[arg];
                        System.arraycopy(f.stack, f.sp - arg, args, 0, arg);
                        popN(f, arg);
                        Object fn = f.pop();
                        Frame nf = call(f, fn, args, Collections.emptyMap());
                        if (nf != null) {
                            f = nf;
                            code = f.code.code;
                            consts = f.code.consts;
                            running = f;
                        }
                    }
                    case Op.CALL_KW -> {
                        loop.countOps(1);
                        KwCall kc = (KwCall) consts[arg];
                        int nk = kc.names().length;
                        Map<String, Object> kw = new LinkedHashMap<>();
                        for (int i = 0; i < nk; i++) {
                            kw.put(kc.names()[i], f.stack[f.sp - nk + i]);
                        }
                        popN(f, nk);
                        int np = kc.positional();
                        Object[] args = new Object[np];
                        System.arraycopy(f.stack, f.sp - np, args, 0, np);
                        popN(f, np);
                        Object fn = f.pop();
                        Frame nf = call(f, fn, args, kw);
                        if (nf != null) {
                            f = nf;
                            code = f.code.code;
                            consts = f.code.consts;
                            running = f;
                        }
                    }
                    case Op.CALL_EX -> {
                        loop.countOps(1);
                        PyDict kwd = (PyDict) f.pop();
                        PyList al = (PyList) f.pop();
                        Object fn = f.pop();
                        Map<String, Object> kw = new LinkedHashMap<>();
                        for (PyDict.Entry e : kwd.entries()) {
                            if (!(e.key() instanceof String s)) {
                                throw PyException.of(ExcType.TYPE_ERROR, "keywords must be strings");
                            }
                            kw.put(s, e.value());
                        }
                        Frame nf = call(f, fn, al.items().toArray(), kw);
                        if (nf != null) {
                            f = nf;
                            code = f.code.code;
                            consts = f.code.consts;
                            running = f;
                        }
                    }
                    case Op.MAKE_FUNCTION -> {
                        Code c = (Code) consts[arg];
                        PyTuple cellsT = (PyTuple) f.pop();
                        PyDict kwd = (PyDict) f.pop();
                        PyTuple defs = (PyTuple) f.pop();
                        Cell[] closure = new Cell[cellsT.size()];
                        for (int i = 0; i < closure.length; i++) {
                            closure[i] = (Cell) cellsT.get(i);
                        }
                        Map<String, Object> kwDefaults = new HashMap<>();
                        for (PyDict.Entry e : kwd.entries()) {
                            kwDefaults.put((String) e.key(), e.value());
                        }
                        f.push(new PyFunction(this, c, f.globals, defs.items(), kwDefaults, closure));
                    }
                    case Op.RETURN -> {
                        Object v = f.pop();
                        if (f.runRoot) {
                            if (f.owner instanceof Generator) {
                                return v;
                            }
                            return v;
                        }
                        // An awaited coroutine or a called function returns into its caller.
                        if (f.owner instanceof PyCoroutine co) {
                            co.finished = true;
                        }
                        Frame caller = f.caller;
                        f.caller = null;
                        f = caller;
                        f.push(v);
                        code = f.code.code;
                        consts = f.code.consts;
                        running = f;
                    }
                    case Op.AWAIT -> {
                        Object aw = f.pop();
                        Object r = await(f, aw);
                        if (r instanceof Frame nf) {
                            f = nf;
                            code = f.code.code;
                            consts = f.code.consts;
                            running = f;
                        } else if (r != null) {
                            return suspend(f, r);
                        }
                    }
                    case Op.YIELD -> {
                        Generator g = (Generator) f.owner;
                        g.yielded = f.pop();
                        return YIELDED;
                    }
                    case Op.RAISE -> pending = raise(f, arg);
                    case Op.SETUP_TRY -> f.pushBlock(arg);
                    case Op.POP_BLOCK -> f.blocks--;
                    case Op.EXC_MATCH -> {
                        Object type = f.pop();
                        PyException e = (PyException) f.top();
                        f.push(excMatches(e, type));
                    }
                    case Op.POP_EXCEPT -> {
                        f.pop();
                        Object prev = f.pop();
                        f.handled = prev == PyNone.NONE ? null : (PyException) prev;
                    }
                    case Op.RERAISE -> {
                        PyException e = (PyException) f.pop();
                        Object prev = f.pop();
                        f.handled = prev == PyNone.NONE ? null : (PyException) prev;
                        e.setPayload(RERAISED);
                        pending = e;
                    }
                    case Op.EXC_STAR_INIT -> f.push(new StarState((PyException) f.top()));
                    case Op.EXC_STAR_MATCH -> {
                        Object type = f.pop();
                        StarState st = (StarState) f.top();
                        PyException match = st.take(type, this);
                        if (match == null) {
                            f.pc = arg;
                        } else {
                            // Inside the clause the exception being handled is the matched part.
                            f.handled = match;
                            f.push(match);
                        }
                    }
                    case Op.EXC_STAR_RECORD -> {
                        PyException raised = (PyException) f.pop();
                        f.pop();
                        ((StarState) f.top()).raised.add(raised);
                    }
                    case Op.EXC_STAR_END -> {
                        StarState st = (StarState) f.pop();
                        f.pop();
                        Object prev = f.pop();
                        f.handled = prev == PyNone.NONE ? null : (PyException) prev;
                        PyException left = st.leftToRaise();
                        if (left != null) {
                            if (left == st.orig) {
                                left.setPayload(RERAISED);
                            }
                            pending = left;
                        }
                    }
                    case Op.FORMAT -> {
                        String spec = (arg & 0x10000) != 0 ? (String) f.pop() : "";
                        Object v = f.pop();
                        int conv = arg & 0xFFFF;
                        if (conv != 0) {
                            v = PyOps.fstringConvert(v, (char) conv);
                        }
                        f.push(format(v, spec));
                    }
                    case Op.BUILD_STRING -> {
                        StringBuilder sb = new StringBuilder();
                        for (int i = f.sp - arg; i < f.sp; i++) {
                            sb.append((String) f.stack[i]);
                        }
                        popN(f, arg);
                        dev.eventlanes.python.runtime.Limits.checkSize(sb.length(), "str");
                        f.push(sb.toString());
                    }
                    case Op.WITH_ENTER -> {
                        Object ctx = f.top();
                        f.push(library.enter(ctx));
                    }
                    case Op.ASYNC_WITH_ENTER -> {
                        Object ctx = f.top();
                        f.push(library.aenter(ctx));
                    }
                    case Op.WITH_EXIT -> {
                        Object ctx = f.pop();
                        if (arg == 1) {
                            f.push(library.aexit(ctx, null));
                        } else {
                            library.exit(ctx, null);
                        }
                    }
                    case Op.WITH_EXIT_EXC -> {
                        PyException e = (PyException) f.top();
                        Object ctx = f.stack[f.sp - 3];
                        if (arg == 1) {
                            f.push(library.aexit(ctx, e));
                        } else {
                            f.push(library.exit(ctx, e));
                        }
                    }
                    case Op.WITH_EXC_DONE -> {
                        boolean swallow = truthy(f.pop());
                        PyException e = (PyException) f.pop();
                        Object prev = f.pop();
                        f.pop();
                        f.handled = prev == PyNone.NONE ? null : (PyException) prev;
                        if (!swallow) {
                            e.setPayload(RERAISED);
                            pending = e;
                        }
                    }
                    case Op.IMPORT -> f.push(library.importModule(f.code.names[arg]));
                    case Op.HINT -> {
                        f.hint = arg < 0 ? null : (String) consts[arg];
                        f.hintIndex = 0;
                    }
                    default -> throw new IllegalStateException("bad opcode " + op);
                }
            } catch (PyException e) {
                pending = e;
            } catch (StackOverflowError e) {
                pending = PyException.of(ExcType.RECURSION_ERROR, "maximum recursion depth exceeded");
            } catch (ArithmeticException | ClassCastException | IndexOutOfBoundsException | NullPointerException
                     | IllegalStateException | IllegalArgumentException e) {
                pending = PyException.of(ExcType.RUNTIME_ERROR, "internal error in Event Lanes: " + e);
            }
        }
    }

    private static String cellName(Code c, int i) {
        return i < c.cellVars.length ? c.cellVars[i] : c.freeVars[i - c.cellVars.length];
    }

    private static void popN(Frame f, int n) {
        for (int i = 0; i < n; i++) {
            f.stack[--f.sp] = null;
        }
    }

    private Object suspend(Frame f, Object on) {
        Frame root = f;
        while (!root.runRoot) {
            root = root.caller;
        }
        if (root.owner instanceof PyCoroutine co) {
            co.current = f;
            co.suspendedOn = on;
            return SUSPENDED;
        }
        throw PyException.of(ExcType.RUNTIME_ERROR, "'await' can only suspend inside a task");
    }

    /**
     * {@code await aw}: returns the frame to continue in (an awaited Python coroutine), null if
     * the result is already pushed, or what the task suspends on.
     */
    private Object await(Frame f, Object aw) {
        if (aw instanceof PyCoroutine co) {
            if (co.started) {
                throw PyException.of(ExcType.RUNTIME_ERROR, "cannot reuse already awaited coroutine");
            }
            co.started = true;
            Frame nf = co.frame;
            nf.runRoot = false;
            nf.caller = f;
            nf.depth = f.depth + 1;
            checkDepth(nf);
            return nf;
        }
        Coroutine d = library.awaitable(aw);
        if (d == null) {
            throw PyException.of(ExcType.TYPE_ERROR, "object " + PyOps.typeName(aw) + " can't be used in 'await' expression");
        }
        Object r = d.send(null);
        if (r == Coroutine.RETURNED) {
            f.push(fromModel(d.result()));
            return null;
        }
        f.delegate = d;
        return r;
    }

    /** Model results use their own None; the program sees Python's. */
    static Object fromModel(Object v) {
        if (v == null || v == PyNoneHolder.NONE) {
            return PyNone.NONE;
        }
        return v;
    }

    /** Calls {@code fn}; returns a new frame to run for Python functions, or null after pushing the result. */
    private Frame call(Frame f, Object fn, Object[] args, Map<String, Object> kwargs) {
        if (fn instanceof PyFunction pf && !pf.code.isAsync && !pf.code.isGenerator) {
            Frame nf = newFrame(pf, args, kwargs);
            nf.caller = f;
            nf.depth = f.depth + 1;
            checkDepth(nf);
            return nf;
        }
        f.push(callValue(fn, args, kwargs));
        return null;
    }

    Object callValue(Object fn, Object[] args, Map<String, Object> kwargs) {
        if (fn instanceof PyFunction pf) {
            return callFunction(pf, args, kwargs);
        }
        if (fn instanceof ExcType t) {
            if (!kwargs.isEmpty()) {
                throw PyException.of(ExcType.TYPE_ERROR, t.name() + "() takes no keyword arguments");
            }
            return PyOps.newException(t, args);
        }
        return library.call(fn, args, kwargs);
    }

    private PyException raise(Frame f, int arg) {
        if (arg == 0) {
            if (f.handled == null) {
                return PyException.of(ExcType.RUNTIME_ERROR, "No active exception to reraise");
            }
            PyException e = f.handled;
            e.setPayload(RERAISED);
            return e;
        }
        Object cause = arg == 2 ? f.pop() : null;
        Object v = f.pop();
        PyException e;
        if (v instanceof ExcType t) {
            e = new PyException(t, List.of());
        } else if (v instanceof PyException pe) {
            e = pe;
        } else {
            return PyException.of(ExcType.TYPE_ERROR, "exceptions must derive from BaseException");
        }
        if (arg == 2) {
            if (cause == PyNone.NONE) {
                e.setCause(null);
            } else if (cause instanceof ExcType ct) {
                e.setCause(new PyException(ct, List.of()));
            } else if (cause instanceof PyException pc) {
                e.setCause(pc);
            } else {
                return PyException.of(ExcType.TYPE_ERROR, "exception causes must derive from BaseException");
            }
        }
        return e;
    }

    static final Object RERAISED = new Object();

    /** Finds the handler for {@code e}, leaving frames that have none; throws past the run's root. */
    private Frame unwind(Frame f, PyException e) {
        if (e.payload() == RERAISED) {
            e.setPayload(null);
        } else {
            e.addFrame(f.code.name, f.line());
        }
        if (f.handled != null && f.handled != e && e.context() == null) {
            e.setContext(f.handled);
        }
        return unwindNoTrace(f, e);
    }

    private Frame unwindNoTrace(Frame f, PyException e) {
        while (true) {
            if (f.blocks > 0) {
                f.blocks--;
                int target = f.blockTarget[f.blocks];
                int depth = f.blockSp[f.blocks];
                PyException prev = f.blockHandled[f.blocks];
                while (f.sp > depth) {
                    f.stack[--f.sp] = null;
                }
                f.push(prev == null ? PyNone.NONE : prev);
                f.push(e);
                f.handled = e;
                f.pc = target;
                running = f;
                return f;
            }
            if (f.runRoot) {
                if (f.owner instanceof PyCoroutine co) {
                    co.finished = true;
                }
                throw e;
            }
            if (f.owner instanceof PyCoroutine co) {
                co.finished = true;
            }
            Frame caller = f.caller;
            f.caller = null;
            f = caller;
            e.addFrame(f.code.name, f.line());
        }
    }

    // ---------------------------------------------------------------- helpers

    private static final String[] BIN_SYMBOLS = {"+", "-", "*", "/", "//", "%", "**", "@", "<<", ">>", "|", "^", "&"};

    private static Object binary(int op, Object a, Object b) {
        if (a instanceof Long x && b instanceof Long y) {
            long xv = x;
            long yv = y;
            switch (op) {
                case 0 -> {
                    long r = xv + yv;
                    if (((xv ^ r) & (yv ^ r)) >= 0) {
                        return r;
                    }
                }
                case 1 -> {
                    long r = xv - yv;
                    if (((xv ^ yv) & (xv ^ r)) >= 0) {
                        return r;
                    }
                }
                default -> {
                }
            }
        }
        return switch (op) {
            case 0 -> PyOps.add(a, b);
            case 1 -> PyOps.sub(a, b);
            case 2 -> PyOps.mul(a, b);
            case 3 -> PyOps.truediv(a, b);
            case 4 -> PyOps.floordiv(a, b);
            case 5 -> PyOps.mod(a, b);
            case 6 -> PyOps.pow(a, b);
            case 8 -> PyOps.lshift(a, b);
            case 9 -> PyOps.rshift(a, b);
            case 10 -> PyOps.bitOr(a, b);
            case 11 -> PyOps.bitXor(a, b);
            case 12 -> PyOps.bitAnd(a, b);
            default -> throw PyException.of(ExcType.TYPE_ERROR, "unsupported operand type(s) for @: '"
                    + PyOps.typeName(a) + "' and '" + PyOps.typeName(b) + "'");
        };
    }

    private static Object compare(int op, Object a, Object b) {
        return switch (op) {
            case 0 -> PyOps.eq(a, b);
            case 1 -> PyOps.ne(a, b);
            case 2 -> PyOps.lt(a, b);
            case 3 -> PyOps.le(a, b);
            case 4 -> PyOps.gt(a, b);
            case 5 -> PyOps.ge(a, b);
            case 6 -> is(a, b);
            case 7 -> !is(a, b);
            case 8 -> PyOps.contains(b, a);
            default -> !PyOps.contains(b, a);
        };
    }

    private static boolean is(Object a, Object b) {
        if (a == b) {
            return true;
        }
        if (a instanceof Long x && b instanceof Long y) {
            // CPython caches small ints, so `is` holds for them.
            return x.longValue() == y.longValue() && x >= -5 && x <= 256;
        }
        return a instanceof Boolean && a.equals(b);
    }

    private static boolean truthy(Object o) {
        if (o instanceof Boolean b) {
            return b;
        }
        return PyOps.truthy(o);
    }

    private Object subscript(Object obj, Object key) {
        if (key instanceof PySlice s) {
            return PyOps.slice(obj, s.start(), s.stop(), s.step());
        }
        return PyOps.getItem(obj, key);
    }

    private Object getAttr(Object obj, String name) {
        Object v = library.getAttr(obj, name);
        if (v != null) {
            return v;
        }
        return PyOps.getAttr(obj, name);
    }

    private static String format(Object v, String spec) {
        if (spec.isEmpty() && v instanceof String s) {
            return s;
        }
        return PyOps.format(v, spec);
    }

    boolean excMatches(PyException e, Object type) {
        if (type instanceof ExcType t) {
            return e.isInstance(t);
        }
        if (type instanceof PyTuple tu) {
            for (Object o : tu.items()) {
                if (excMatches(e, o)) {
                    return true;
                }
            }
            return false;
        }
        throw PyException.of(ExcType.TYPE_ERROR, "catching classes that do not inherit from BaseException is not allowed");
    }

    private void unpack(Frame f, int n) {
        Object seq = f.pop();
        Object[] items;
        if (seq instanceof PyTuple t) {
            items = t.items();
        } else if (seq instanceof PyList l) {
            items = l.items().toArray();
        } else {
            List<Object> got = new ArrayList<>();
            PyIterator it = PyOps.iter(seq);
            for (Object x = it.next(); x != null; x = it.next()) {
                got.add(x);
                if (got.size() > n) {
                    break;
                }
            }
            items = got.toArray();
        }
        if (items.length != n) {
            if (items.length > n) {
                throw PyException.of(ExcType.VALUE_ERROR, "too many values to unpack (expected " + n + ")");
            }
            throw PyException.of(ExcType.VALUE_ERROR, "not enough values to unpack (expected " + n + ", got " + items.length + ")");
        }
        for (int i = n - 1; i >= 0; i--) {
            f.push(items[i]);
        }
    }
}
