package dev.eventlanes.python.interp;

import dev.eventlanes.python.syntax.Expr;
import dev.eventlanes.python.syntax.Module;
import dev.eventlanes.python.syntax.Node;
import dev.eventlanes.python.syntax.Stmt;
import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a syntax tree into {@link Code} for the stack machine: one method per kind of statement
 * and expression. {@code finally} bodies and context-manager exits are copied onto every path
 * that leaves their block ({@code return}, {@code break}, {@code continue}), as CPython does, so
 * the machine needs no special unwinding instructions.
 */
final class Compiler {
    private final Map<Node, Scope> scopes;
    private final String fileName;

    private Compiler(Map<Node, Scope> scopes, String fileName) {
        this.scopes = scopes;
        this.fileName = fileName;
    }

    static Code compileModule(Module module, String fileName) {
        Map<Node, Scope> scopes = Scope.analyse(module);
        Compiler c = new Compiler(scopes, fileName);
        Unit u = c.new Unit(new Code("<module>", "<module>", false, true), scopes.get(module));
        u.code.firstLine = 1;
        u.stmts(module.body());
        u.emit(Op.CONST, u.constIndex(NONE_MARK));
        u.emit(Op.RETURN, 0);
        return u.finish();
    }

    /** Stands for Python's None in constant tables until the interpreter maps it. */
    static final Object NONE_MARK = dev.eventlanes.python.runtime.PyNone.NONE;

    /** Something a return/break/continue must undo on its way out. */
    private record FBlock(Kind kind, boolean hasIterator, List<Integer> breaks, int continueTarget,
                          List<Stmt> finalBody, boolean isAsync, String handlerName) {
        enum Kind { LOOP, TRY, FINALLY, HANDLER, WITH, FINALLY_END, STAR }
    }

    /** Compilation state of one code object. */
    private final class Unit {
        final Code code;
        final Scope scope;
        int[] ins = new int[64];
        int n;
        int[] lines = new int[32];
        int line = 1;
        final List<Object> consts = new ArrayList<>();
        final Map<Object, Integer> constIdx = new HashMap<>();
        final List<String> names = new ArrayList<>();
        final Map<String, Integer> nameIdx = new HashMap<>();
        final Deque<FBlock> fblocks = new ArrayDeque<>();
        final String[] localNames;
        final String[] cellNames;

        Unit(Code code, Scope scope) {
            this.code = code;
            this.scope = scope;
            this.localNames = scope.kind == Scope.Kind.FUNCTION ? scope.locals.toArray(new String[0]) : new String[0];
            List<String> cells = new ArrayList<>(scope.cells);
            cells.addAll(scope.frees);
            this.cellNames = cells.toArray(new String[0]);
        }

        Code finish() {
            code.code = Arrays.copyOf(ins, n);
            code.lines = Arrays.copyOf(lines, n / 2);
            code.attrCacheRecv = new Object[n / 2];
            code.attrCacheVal = new Object[n / 2];
            code.consts = consts.toArray();
            code.names = names.toArray(new String[0]);
            code.varNames = localNames;
            code.cellVars = scope.cells.toArray(new String[0]);
            code.freeVars = scope.frees.toArray(new String[0]);
            code.cellOfLocal = new int[localNames.length];
            for (int i = 0; i < localNames.length; i++) {
                code.cellOfLocal[i] = indexOf(code.cellVars, localNames[i]);
            }
            code.isGenerator = scope.hasYield;
            return code;
        }

        int emit(int op, int arg) {
            if (n + 2 > ins.length) {
                ins = Arrays.copyOf(ins, ins.length * 2);
                lines = Arrays.copyOf(lines, lines.length * 2);
            }
            ins[n] = op;
            ins[n + 1] = arg;
            lines[n / 2] = line;
            n += 2;
            return n - 2;
        }

        int here() {
            return n;
        }

        void patch(int at, int target) {
            ins[at + 1] = target;
        }

        int constIndex(Object v) {
            // Keys distinguish 1 from 1.0 and True: Java equality of the boxed values does.
            Object key = v == null ? NULL_KEY : (v instanceof String || v instanceof Long || v instanceof Double
                    || v instanceof Boolean || v instanceof BigInteger) ? v.getClass().getName() + ":" + v : new IdKey(v);
            Integer i = constIdx.get(key);
            if (i == null) {
                i = consts.size();
                consts.add(v);
                constIdx.put(key, i);
            }
            return i;
        }

        int nameIndex(String s) {
            Integer i = nameIdx.get(s);
            if (i == null) {
                i = names.size();
                names.add(s);
                nameIdx.put(s, i);
            }
            return i;
        }

        void at(Node node) {
            if (node.line() > 0) {
                line = node.line();
            }
        }

        // ------------------------------------------------------------ names

        /*
         * Where a name lives: a closure cell (a local captured by an inner function, or a free
         * variable: cellNames holds exactly those), a local slot, or the module's globals.
         */

        void load(String name) {
            int ci = indexOf(cellNames, name);
            int li = localSlot(name);
            emit(ci >= 0 ? Op.LOAD_DEREF : li >= 0 ? Op.LOAD_FAST : Op.LOAD_GLOBAL,
                    ci >= 0 ? ci : li >= 0 ? li : nameIndex(name));
        }

        void store(String name) {
            int ci = indexOf(cellNames, name);
            int li = localSlot(name);
            emit(ci >= 0 ? Op.STORE_DEREF : li >= 0 ? Op.STORE_FAST : Op.STORE_GLOBAL,
                    ci >= 0 ? ci : li >= 0 ? li : nameIndex(name));
        }

        void delete(String name) {
            if (indexOf(cellNames, name) >= 0) {
                // A cell has no "unbound" state of its own here: it is emptied.
                emit(Op.CONST, constIndex(null));
                store(name);
            } else if (localSlot(name) >= 0) {
                emit(Op.DEL_FAST, localSlot(name));
            } else {
                emit(Op.DEL_GLOBAL, nameIndex(name));
            }
        }

        int localSlot(String name) {
            return scope.kind == Scope.Kind.FUNCTION && scope.isLocal(name) ? indexOf(localNames, name) : -1;
        }

        // ------------------------------------------------------------ statements

        void stmts(List<Stmt> body) {
            for (Stmt s : body) {
                stmt(s);
            }
        }

        void stmt(Stmt s) {
            at(s);
            if (s instanceof Stmt.ExprStmt e) {
                expr(e.value());
                emit(Op.POP, 0);
            } else if (s instanceof Stmt.Assign a) {
                assign(a);
            } else if (s instanceof Stmt.AugAssign a) {
                augAssign(a);
            } else if (s instanceof Stmt.AnnAssign a) {
                if (a.value() != null) {
                    expr(a.value());
                    assignTo(a.target());
                }
            } else if (s instanceof Stmt.If i) {
                ifStmt(i);
            } else if (s instanceof Stmt.While w) {
                whileStmt(w);
            } else if (s instanceof Stmt.For f) {
                forStmt(f);
            } else if (s instanceof Stmt.Break b) {
                breakStmt();
            } else if (s instanceof Stmt.Continue c) {
                continueStmt();
            } else if (s instanceof Stmt.Pass p) {
            } else if (s instanceof Stmt.Return r) {
                returnStmt(r);
            } else if (s instanceof Stmt.Global g) {
            } else if (s instanceof Stmt.Nonlocal nl) {
            } else if (s instanceof Stmt.Delete d) {
                for (Expr t : d.targets()) {
                    deleteTarget(t);
                }
            } else if (s instanceof Stmt.Try t) {
                tryStmt(t);
            } else if (s instanceof Stmt.Raise r) {
                raiseStmt(r);
            } else if (s instanceof Stmt.With w) {
                withStmt(w, 0);
            } else if (s instanceof Stmt.Assert a) {
                assertStmt(a);
            } else if (s instanceof Stmt.FunctionDef f) {
                makeFunction(f, f.name(), f.params(), f.isAsync());
                store(f.name());
            } else if (s instanceof Stmt.Import im) {
                for (Stmt.Alias a : im.names()) {
                    emit(Op.IMPORT, nameIndex(a.name()));
                    if (a.asName() != null) {
                        store(a.asName());
                    } else {
                        String top = a.name().split("\\.")[0];
                        if (!top.equals(a.name())) {
                            emit(Op.POP, 0);
                            emit(Op.IMPORT, nameIndex(top));
                        }
                        store(top);
                    }
                }
            } else if (s instanceof Stmt.ImportFrom im) {
                emit(Op.IMPORT, nameIndex(im.module()));
                for (Stmt.Alias a : im.names()) {
                    emit(Op.DUP, 0);
                    emit(Op.LOAD_ATTR, nameIndex(a.name()));
                    store(a.asName() != null ? a.asName() : a.name());
                }
                emit(Op.POP, 0);
            }
        }

        void assign(Stmt.Assign a) {
            List<Expr> targets = a.targets();
            // Objects created by this assignment are named after its target: an event made by
            // `response_sent = anyio.Event()` is called response_sent on its toggle; the events
            // of `pings = [anyio.Event(), ...]` are pings[0], pings[1]...
            String hint = null;
            if (targets.size() == 1 && targets.get(0) instanceof Expr.Name nm) {
                if (a.value() instanceof Expr.Call) {
                    hint = nm.id();
                } else if (a.value() instanceof Expr.ListExpr || a.value() instanceof Expr.TupleExpr
                        || a.value() instanceof Expr.ListComp) {
                    hint = nm.id() + "[]";
                }
            }
            if (hint != null) {
                emit(Op.HINT, constIndex(hint));
            }
            expr(a.value());
            if (hint != null) {
                emit(Op.HINT, -1);
            }
            for (int i = 0; i < targets.size(); i++) {
                if (i < targets.size() - 1) {
                    emit(Op.DUP, 0);
                }
                assignTo(targets.get(i));
            }
        }

        void assignTo(Expr t) {
            at(t);
            if (t instanceof Expr.Name nm) {
                store(nm.id());
            } else if (t instanceof Expr.Attribute at) {
                expr(at.value());
                emit(Op.STORE_ATTR, nameIndex(at.name()));
            } else if (t instanceof Expr.Subscript sb) {
                expr(sb.value());
                expr(sb.index());
                emit(Op.STORE_SUBSCR, 0);
            } else if (t instanceof Expr.TupleExpr tu) {
                unpackTo(tu.elements());
            } else if (t instanceof Expr.ListExpr li) {
                unpackTo(li.elements());
            } else {
                throw new CompileError(t.line(), "cannot assign to " + describe(t));
            }
        }

        void unpackTo(List<Expr> elements) {
            for (Expr e : elements) {
                if (e instanceof Expr.Starred) {
                    throw new CompileError(e.line(), "starred assignment targets are not supported");
                }
            }
            emit(Op.UNPACK, elements.size());
            for (Expr e : elements) {
                assignTo(e);
            }
        }

        void augAssign(Stmt.AugAssign a) {
            int op = a.op().ordinal();
            if (a.target() instanceof Expr.Name nm) {
                load(nm.id());
                expr(a.value());
                at(a);
                emit(Op.INPLACE, op);
                store(nm.id());
            } else if (a.target() instanceof Expr.Subscript sb) {
                expr(sb.value());
                expr(sb.index());
                emit(Op.DUP2, 0);
                emit(Op.SUBSCR, 0);
                expr(a.value());
                at(a);
                emit(Op.INPLACE, op);
                emit(Op.ROT3, 0);
                emit(Op.STORE_SUBSCR, 0);
            } else if (a.target() instanceof Expr.Attribute at) {
                expr(at.value());
                emit(Op.DUP, 0);
                emit(Op.LOAD_ATTR, nameIndex(at.name()));
                expr(a.value());
                at(a);
                emit(Op.INPLACE, op);
                emit(Op.ROT2, 0);
                emit(Op.STORE_ATTR, nameIndex(at.name()));
            } else {
                throw new CompileError(a.line(), "'" + describe(a.target()) + "' is an illegal expression for augmented assignment");
            }
        }

        void deleteTarget(Expr t) {
            if (t instanceof Expr.Name nm) {
                delete(nm.id());
            } else if (t instanceof Expr.Subscript sb) {
                expr(sb.value());
                expr(sb.index());
                emit(Op.DEL_SUBSCR, 0);
            } else if (t instanceof Expr.TupleExpr tu) {
                tu.elements().forEach(this::deleteTarget);
            } else if (t instanceof Expr.ListExpr li) {
                li.elements().forEach(this::deleteTarget);
            } else {
                throw new CompileError(t.line(), "deleting " + describe(t) + " is not supported");
            }
        }

        void ifStmt(Stmt.If i) {
            expr(i.test());
            int jf = emit(Op.JUMP_IF_FALSE, 0);
            stmts(i.body());
            if (i.orElse().isEmpty()) {
                patch(jf, here());
            } else {
                int j = emit(Op.JUMP, 0);
                patch(jf, here());
                stmts(i.orElse());
                patch(j, here());
            }
        }

        void whileStmt(Stmt.While w) {
            int top = here();
            expr(w.test());
            int jf = emit(Op.JUMP_IF_FALSE, 0);
            FBlock fb = new FBlock(FBlock.Kind.LOOP, false, new ArrayList<>(), top, null, false, null);
            fblocks.push(fb);
            stmts(w.body());
            fblocks.pop();
            at(w);
            emit(Op.JUMP, top);
            patch(jf, here());
            stmts(w.orElse());
            for (int b : fb.breaks()) {
                patch(b, here());
            }
        }

        void forStmt(Stmt.For f) {
            expr(f.iter());
            at(f);
            emit(Op.GET_ITER, 0);
            int top = here();
            int fi = emit(Op.FOR_ITER, 0);
            assignTo(f.target());
            FBlock fb = new FBlock(FBlock.Kind.LOOP, true, new ArrayList<>(), top, null, false, null);
            fblocks.push(fb);
            stmts(f.body());
            fblocks.pop();
            at(f);
            emit(Op.JUMP, top);
            patch(fi, here());
            stmts(f.orElse());
            for (int b : fb.breaks()) {
                patch(b, here());
            }
        }

        void breakStmt() {
            FBlock loop = unwindTo(true, null);
            if (loop.hasIterator()) {
                emit(Op.POP, 0);
            }
            loop.breaks().add(emit(Op.JUMP, 0));
        }

        void continueStmt() {
            FBlock loop = unwindTo(true, null);
            emit(Op.JUMP, loop.continueTarget());
        }

        /**
         * Emits the undo code of every block between here and the innermost loop (or the
         * function, for a return). The fblock stack is restored afterwards: the code after a
         * jump still belongs to those blocks.
         */
        FBlock unwindTo(boolean toLoop, Boolean valueOnStack) {
            List<FBlock> saved = new ArrayList<>(fblocks);
            try {
                while (!fblocks.isEmpty()) {
                    FBlock b = fblocks.peek();
                    if (toLoop && b.kind() == FBlock.Kind.LOOP) {
                        return b;
                    }
                    if (b.kind() == FBlock.Kind.STAR) {
                        throw new CompileError(line, "'break', 'continue' and 'return' cannot appear in an except* block");
                    }
                    fblocks.pop();
                    boolean v = valueOnStack != null && valueOnStack;
                    switch (b.kind()) {
                        case LOOP -> {
                            if (b.hasIterator()) {
                                if (v) {
                                    emit(Op.ROT2, 0);
                                }
                                emit(Op.POP, 0);
                            }
                        }
                        case TRY -> emit(Op.POP_BLOCK, 0);
                        case FINALLY -> {
                            emit(Op.POP_BLOCK, 0);
                            stmts(b.finalBody());
                        }
                        case HANDLER, FINALLY_END -> {
                            if (v) {
                                emit(Op.ROT3, 0);
                            }
                            emit(Op.POP_EXCEPT, 0);
                            if (b.handlerName() != null) {
                                emit(Op.CONST, constIndex(NONE_MARK));
                                store(b.handlerName());
                            }
                        }
                        case WITH -> {
                            emit(Op.POP_BLOCK, 0);
                            if (v) {
                                emit(Op.ROT2, 0);
                            }
                            withExitNormal(b.isAsync());
                        }
                    }
                }
                return null;
            } finally {
                fblocks.clear();
                for (int i = saved.size() - 1; i >= 0; i--) {
                    fblocks.push(saved.get(i));
                }
            }
        }

        void returnStmt(Stmt.Return r) {
            if (r.value() != null) {
                expr(r.value());
            } else {
                emit(Op.CONST, constIndex(NONE_MARK));
            }
            at(r);
            unwindTo(false, true);
            emit(Op.RETURN, 0);
        }

        void tryStmt(Stmt.Try t) {
            if (!t.finalBody().isEmpty()) {
                int setup = emit(Op.SETUP_TRY, 0);
                fblocks.push(new FBlock(FBlock.Kind.FINALLY, false, null, 0, t.finalBody(), false, null));
                if (t.handlers().isEmpty()) {
                    stmts(t.body());
                    stmts(t.orElse());
                } else {
                    tryExcept(t);
                }
                fblocks.pop();
                emit(Op.POP_BLOCK, 0);
                stmts(t.finalBody());
                int j = emit(Op.JUMP, 0);
                patch(setup, here());
                fblocks.push(new FBlock(FBlock.Kind.FINALLY_END, false, null, 0, null, false, null));
                stmts(t.finalBody());
                fblocks.pop();
                emit(Op.RERAISE, 0);
                patch(j, here());
            } else {
                tryExcept(t);
            }
        }

        void tryExcept(Stmt.Try t) {
            if (!t.handlers().isEmpty() && t.handlers().get(0).star()) {
                tryExceptStar(t);
                return;
            }
            int setup = tryBodyAndElse(t);
            List<Integer> toEnd = new ArrayList<>();
            toEnd.add(emit(Op.JUMP, 0));
            patch(setup, here());
            for (Stmt.ExceptHandler h : t.handlers()) {
                at(h);
                int next = -1;
                if (h.type() != null) {
                    expr(h.type());
                    emit(Op.EXC_MATCH, 0);
                    next = emit(Op.JUMP_IF_FALSE, 0);
                }
                if (h.name() != null) {
                    emit(Op.DUP, 0);
                    store(h.name());
                }
                fblocks.push(new FBlock(FBlock.Kind.HANDLER, false, null, 0, null, false, h.name()));
                stmts(h.body());
                fblocks.pop();
                emit(Op.POP_EXCEPT, 0);
                if (h.name() != null) {
                    emit(Op.CONST, constIndex(NONE_MARK));
                    store(h.name());
                }
                toEnd.add(emit(Op.JUMP, 0));
                if (next >= 0) {
                    patch(next, here());
                }
            }
            emit(Op.RERAISE, 0);
            for (int j : toEnd) {
                patch(j, here());
            }
        }

        /** The try block and its else: returns the SETUP_TRY to patch with where the handlers start. */
        int tryBodyAndElse(Stmt.Try t) {
            int setup = emit(Op.SETUP_TRY, 0);
            fblocks.push(new FBlock(FBlock.Kind.TRY, false, null, 0, null, false, null));
            stmts(t.body());
            fblocks.pop();
            emit(Op.POP_BLOCK, 0);
            stmts(t.orElse());
            return setup;
        }

        /**
         * {@code try ... except* T:}: each clause takes the parts of the exception group that match
         * its type; what no clause takes, and what the clauses raise, is raised again at the end.
         */
        void tryExceptStar(Stmt.Try t) {
            int setup = tryBodyAndElse(t);
            int toEnd = emit(Op.JUMP, 0);
            patch(setup, here());
            emit(Op.EXC_STAR_INIT, 0);
            for (Stmt.ExceptHandler h : t.handlers()) {
                at(h);
                expr(h.type());
                int noMatch = emit(Op.EXC_STAR_MATCH, 0);
                if (h.name() != null) {
                    store(h.name());
                } else {
                    emit(Op.POP, 0);
                }
                int bodySetup = emit(Op.SETUP_TRY, 0);
                fblocks.push(new FBlock(FBlock.Kind.STAR, false, null, 0, null, false, null));
                stmts(h.body());
                fblocks.pop();
                emit(Op.POP_BLOCK, 0);
                int next = emit(Op.JUMP, 0);
                patch(bodySetup, here());
                emit(Op.EXC_STAR_RECORD, 0);
                patch(next, here());
                patch(noMatch, here());
            }
            emit(Op.EXC_STAR_END, 0);
            patch(toEnd, here());
        }

        void raiseStmt(Stmt.Raise r) {
            if (r.exc() == null) {
                emit(Op.RAISE, 0);
                return;
            }
            expr(r.exc());
            if (r.cause() != null) {
                expr(r.cause());
                at(r);
                emit(Op.RAISE, 2);
            } else {
                at(r);
                emit(Op.RAISE, 1);
            }
        }

        void withStmt(Stmt.With w, int item) {
            if (item == w.items().size()) {
                stmts(w.body());
                return;
            }
            Stmt.WithItem it = w.items().get(item);
            expr(it.contextExpr());
            at(it);
            if (w.isAsync()) {
                emit(Op.ASYNC_WITH_ENTER, 0);
                emit(Op.AWAIT, 0);
            } else {
                emit(Op.WITH_ENTER, 0);
            }
            if (it.target() != null) {
                assignTo(it.target());
            } else {
                emit(Op.POP, 0);
            }
            int setup = emit(Op.SETUP_TRY, 0);
            fblocks.push(new FBlock(FBlock.Kind.WITH, false, null, 0, null, w.isAsync(), null));
            withStmt(w, item + 1);
            fblocks.pop();
            at(w);
            emit(Op.POP_BLOCK, 0);
            withExitNormal(w.isAsync());
            int j = emit(Op.JUMP, 0);
            patch(setup, here());
            if (w.isAsync()) {
                emit(Op.WITH_EXIT_EXC, 1);
                emit(Op.AWAIT, 0);
            } else {
                emit(Op.WITH_EXIT_EXC, 0);
            }
            emit(Op.WITH_EXC_DONE, 0);
            patch(j, here());
        }

        void withExitNormal(boolean isAsync) {
            if (isAsync) {
                emit(Op.WITH_EXIT, 1);
                emit(Op.AWAIT, 0);
                emit(Op.POP, 0);
            } else {
                emit(Op.WITH_EXIT, 0);
            }
        }

        void assertStmt(Stmt.Assert a) {
            expr(a.test());
            int ok = emit(Op.JUMP_IF_TRUE, 0);
            emit(Op.LOAD_GLOBAL, nameIndex("AssertionError"));
            if (a.message() != null) {
                expr(a.message());
                emit(Op.CALL, 1);
            } else {
                emit(Op.CALL, 0);
            }
            at(a);
            emit(Op.RAISE, 1);
            patch(ok, here());
        }

        /** Emits the function object for a def, a lambda or a comprehension. */
        void makeFunction(Node node, String name, Expr.Parameters params, boolean isAsync) {
            Scope fs = scopes.get(node);
            String qual = code.isModule ? name : code.qualName + ".<locals>." + name;
            Code fc = new Code(name, qual, isAsync, false);
            fc.firstLine = node.line();
            fc.params = params;
            Unit u = new Unit(fc, fs);
            u.line = node.line();
            if (params == null) {
                fc.argCount = 1;
            } else {
                fc.argCount = params.positional().size();
                fc.kwOnlyCount = params.keywordOnly().size();
                fc.hasVarArgs = params.varArgs() != null;
                fc.hasVarKw = params.kwArgs() != null;
            }
            if (node instanceof Stmt.FunctionDef f) {
                u.stmts(f.body());
                u.emit(Op.CONST, u.constIndex(NONE_MARK));
                u.emit(Op.RETURN, 0);
            } else if (node instanceof Expr.Lambda l) {
                u.expr(l.body());
                u.emit(Op.RETURN, 0);
            } else {
                u.comprehensionBody(node);
            }
            Code compiled = u.finish();
            // defaults, keyword-only defaults, closure cells
            int nd = 0;
            if (params != null) {
                for (Expr.Param p : params.positional()) {
                    if (p.defaultValue() != null) {
                        expr(p.defaultValue());
                        nd++;
                    }
                }
            }
            emit(Op.BUILD_TUPLE, nd);
            int nk = 0;
            if (params != null) {
                for (Expr.Param p : params.keywordOnly()) {
                    if (p.defaultValue() != null) {
                        emit(Op.CONST, constIndex(p.name()));
                        expr(p.defaultValue());
                        nk++;
                    }
                }
            }
            emit(Op.BUILD_DICT, nk);
            for (String free : compiled.freeVars) {
                int ci = indexOf(cellNames, free);
                if (ci < 0) {
                    throw new CompileError(node.line(), "internal error: no cell for " + free);
                }
                emit(Op.LOAD_CELL, ci);
            }
            emit(Op.BUILD_TUPLE, compiled.freeVars.length);
            at(node);
            emit(Op.MAKE_FUNCTION, constIndex(compiled));
        }

        void comprehensionBody(Node node) {
            List<Expr.Comprehension> gens;
            if (node instanceof Expr.ListComp lc) {
                gens = lc.generators();
                emit(Op.BUILD_LIST, 0);
            } else if (node instanceof Expr.DictComp dc) {
                gens = dc.generators();
                emit(Op.BUILD_DICT, 0);
            } else if (node instanceof Expr.GeneratorExp ge) {
                gens = ge.generators();
            } else {
                throw new IllegalStateException();
            }
            compGen(node, gens, 0);
            if (node instanceof Expr.GeneratorExp) {
                emit(Op.CONST, constIndex(NONE_MARK));
            }
            emit(Op.RETURN, 0);
        }

        private void compGen(Node node, List<Expr.Comprehension> gens, int i) {
            Expr.Comprehension g = gens.get(i);
            at(g);
            if (i == 0) {
                emit(Op.LOAD_FAST, indexOf(localNames, ".0"));
            } else {
                expr(g.iter());
                emit(Op.GET_ITER, 0);
            }
            int top = here();
            int fi = emit(Op.FOR_ITER, 0);
            assignTo(g.target());
            List<Integer> skips = new ArrayList<>();
            for (Expr cond : g.ifs()) {
                expr(cond);
                skips.add(emit(Op.JUMP_IF_FALSE, 0));
            }
            if (i + 1 < gens.size()) {
                compGen(node, gens, i + 1);
            } else {
                int depth = gens.size() + 1;
                if (node instanceof Expr.ListComp lc) {
                    expr(lc.element());
                    emit(Op.LIST_APPEND, depth);
                } else if (node instanceof Expr.DictComp dc) {
                    expr(dc.key());
                    expr(dc.value());
                    emit(Op.DICT_SET, depth);
                } else if (node instanceof Expr.GeneratorExp ge) {
                    expr(ge.element());
                    emit(Op.YIELD, 0);
                    emit(Op.POP, 0);
                } else {
                    throw new IllegalStateException();
                }
            }
            for (int s : skips) {
                patch(s, here());
            }
            emit(Op.JUMP, top);
            patch(fi, here());
        }

        // ------------------------------------------------------------ expressions

        void expr(Expr e) {
            at(e);
            if (e instanceof Expr.Name nm) {
                load(nm.id());
            } else if (e instanceof Expr.IntLiteral i) {
                emit(Op.CONST, constIndex(normInt(i.value())));
            } else if (e instanceof Expr.FloatLiteral f) {
                emit(Op.CONST, constIndex(f.value()));
            } else if (e instanceof Expr.StringLiteral s) {
                emit(Op.CONST, constIndex(s.value()));
            } else if (e instanceof Expr.BoolLiteral b) {
                emit(Op.CONST, constIndex(b.value()));
            } else if (e instanceof Expr.NoneLiteral nl) {
                emit(Op.CONST, constIndex(NONE_MARK));
            } else if (e instanceof Expr.EllipsisLiteral el) {
                throw new CompileError(e.line(), "Ellipsis (...) is not supported");
            } else if (e instanceof Expr.FString f) {
                fstring(f.parts());
            } else if (e instanceof Expr.TupleExpr t) {
                sequence(t.elements(), true);
            } else if (e instanceof Expr.ListExpr l) {
                sequence(l.elements(), false);
            } else if (e instanceof Expr.DictExpr d) {
                boolean hasUnpack = d.entries().stream().anyMatch(en -> en.key() == null);
                if (!hasUnpack) {
                    for (Expr.DictEntry en : d.entries()) {
                        expr(en.key());
                        expr(en.value());
                    }
                    emit(Op.BUILD_DICT, d.entries().size());
                } else {
                    emit(Op.BUILD_DICT, 0);
                    for (Expr.DictEntry en : d.entries()) {
                        if (en.key() == null) {
                            expr(en.value());
                            emit(Op.DICT_UPDATE, 0);
                        } else {
                            expr(en.key());
                            expr(en.value());
                            emit(Op.DICT_SET, 1);
                        }
                    }
                }
            } else if (e instanceof Expr.Attribute a) {
                expr(a.value());
                at(a);
                emit(Op.LOAD_ATTR, nameIndex(a.name()));
            } else if (e instanceof Expr.Subscript sb) {
                expr(sb.value());
                expr(sb.index());
                at(sb);
                emit(Op.SUBSCR, 0);
            } else if (e instanceof Expr.Slice sl) {
                optional(sl.lower());
                optional(sl.upper());
                optional(sl.step());
                emit(Op.BUILD_SLICE, 0);
            } else if (e instanceof Expr.Call c) {
                call(c);
            } else if (e instanceof Expr.Starred st) {
                throw new CompileError(e.line(), "can't use starred expression here");
            } else if (e instanceof Expr.UnaryOp u) {
                expr(u.operand());
                at(u);
                if (u.op() == Expr.UnaryOperator.NOT) {
                    emit(Op.NOT, 0);
                } else {
                    emit(Op.UNARY, u.op().ordinal());
                }
            } else if (e instanceof Expr.BinOp b) {
                expr(b.left());
                expr(b.right());
                at(b);
                emit(Op.BINARY, b.op().ordinal());
            } else if (e instanceof Expr.BoolOp b) {
                List<Integer> jumps = new ArrayList<>();
                for (int i = 0; i < b.values().size(); i++) {
                    expr(b.values().get(i));
                    if (i < b.values().size() - 1) {
                        jumps.add(emit(b.op() == Expr.BoolOperator.AND ? Op.JUMP_IF_FALSE_OR_POP : Op.JUMP_IF_TRUE_OR_POP, 0));
                    }
                }
                for (int j : jumps) {
                    patch(j, here());
                }
            } else if (e instanceof Expr.Compare c) {
                compare(c);
            } else if (e instanceof Expr.Conditional c) {
                expr(c.test());
                int jf = emit(Op.JUMP_IF_FALSE, 0);
                expr(c.body());
                int j = emit(Op.JUMP, 0);
                patch(jf, here());
                expr(c.orElse());
                patch(j, here());
            } else if (e instanceof Expr.Lambda l) {
                makeFunction(l, "<lambda>", l.params(), false);
            } else if (e instanceof Expr.Await a) {
                expr(a.value());
                at(a);
                emit(Op.AWAIT, 0);
            } else if (e instanceof Expr.ListComp lc) {
                comprehension(lc, lc.generators(), "<listcomp>");
            } else if (e instanceof Expr.DictComp dc) {
                comprehension(dc, dc.generators(), "<dictcomp>");
            } else if (e instanceof Expr.GeneratorExp ge) {
                comprehension(ge, ge.generators(), "<genexpr>");
            }
        }

        void optional(Expr e) {
            if (e == null) {
                emit(Op.CONST, constIndex(null));
            } else {
                expr(e);
            }
        }

        void comprehension(Expr node, List<Expr.Comprehension> gens, String name) {
            makeFunction(node, name, null, false);
            expr(gens.get(0).iter());
            emit(Op.GET_ITER, 0);
            at(node);
            emit(Op.CALL, 1);
        }

        void sequence(List<Expr> elements, boolean tuple) {
            boolean starred = elements.stream().anyMatch(x -> x instanceof Expr.Starred);
            if (!starred) {
                for (Expr x : elements) {
                    expr(x);
                }
                emit(tuple ? Op.BUILD_TUPLE : Op.BUILD_LIST, elements.size());
                return;
            }
            emit(Op.BUILD_LIST, 0);
            for (Expr x : elements) {
                if (x instanceof Expr.Starred st) {
                    expr(st.value());
                    emit(Op.LIST_EXTEND, 0);
                } else {
                    expr(x);
                    emit(Op.LIST_APPEND, 1);
                }
            }
            if (tuple) {
                emit(Op.LIST_TO_TUPLE, 0);
            }
        }

        void call(Expr.Call c) {
            expr(c.func());
            boolean simple = c.args().stream().noneMatch(x -> x instanceof Expr.Starred)
                    && c.keywords().stream().allMatch(k -> k.name() != null);
            if (simple) {
                for (Expr a : c.args()) {
                    expr(a);
                }
                if (c.keywords().isEmpty()) {
                    at(c);
                    emit(Op.CALL, c.args().size());
                } else {
                    String[] names = new String[c.keywords().size()];
                    for (int i = 0; i < names.length; i++) {
                        names[i] = c.keywords().get(i).name();
                        expr(c.keywords().get(i).value());
                    }
                    at(c);
                    emit(Op.CALL_KW, constIndex(new KwCall(c.args().size(), names)));
                }
                return;
            }
            emit(Op.BUILD_LIST, 0);
            for (Expr a : c.args()) {
                if (a instanceof Expr.Starred st) {
                    expr(st.value());
                    emit(Op.LIST_EXTEND, 0);
                } else {
                    expr(a);
                    emit(Op.LIST_APPEND, 1);
                }
            }
            emit(Op.BUILD_DICT, 0);
            for (Expr.Keyword k : c.keywords()) {
                if (k.name() == null) {
                    expr(k.value());
                    emit(Op.DICT_UPDATE, 0);
                } else {
                    emit(Op.CONST, constIndex(k.name()));
                    expr(k.value());
                    emit(Op.DICT_SET, 1);
                }
            }
            at(c);
            emit(Op.CALL_EX, 0);
        }

        void compare(Expr.Compare c) {
            expr(c.left());
            int count = c.ops().size();
            if (count == 1) {
                expr(c.comparators().get(0));
                at(c);
                emit(Op.COMPARE, c.ops().get(0).ordinal());
                return;
            }
            List<Integer> cleanups = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                expr(c.comparators().get(i));
                at(c);
                if (i < count - 1) {
                    emit(Op.DUP, 0);
                    emit(Op.ROT3, 0);
                    emit(Op.COMPARE, c.ops().get(i).ordinal());
                    cleanups.add(emit(Op.JUMP_IF_FALSE_OR_POP, 0));
                } else {
                    emit(Op.COMPARE, c.ops().get(i).ordinal());
                }
            }
            int j = emit(Op.JUMP, 0);
            int cleanup = here();
            for (int cj : cleanups) {
                patch(cj, cleanup);
            }
            emit(Op.ROT2, 0);
            emit(Op.POP, 0);
            patch(j, here());
        }

        void fstring(List<Expr.FStringPart> parts) {
            int count = 0;
            for (Expr.FStringPart p : parts) {
                if (p instanceof Expr.FStringPart.Text t) {
                    emit(Op.CONST, constIndex(t.value()));
                } else if (p instanceof Expr.FStringPart.FormattedValue fv) {
                    expr(fv.value());
                    int conv = switch (fv.conversion()) {
                        case NONE -> 0;
                        case STR -> 's';
                        case REPR -> 'r';
                        case ASCII -> 'a';
                    };
                    boolean hasSpec = !fv.formatSpec().isEmpty();
                    if (hasSpec) {
                        fstring(fv.formatSpec());
                    }
                    at(fv);
                    emit(Op.FORMAT, conv | (hasSpec ? 0x10000 : 0));
                }
                count++;
            }
            if (count != 1) {
                emit(Op.BUILD_STRING, count);
            } else if (parts.get(0) instanceof Expr.FStringPart.Text) {
                // a lone literal is already a str
                return;
            }
        }
    }

    private static Object normInt(BigInteger b) {
        return b.bitLength() < 64 ? (Object) b.longValue() : b;
    }

    private static final Object NULL_KEY = new Object();

    /** Identity key for constants that are not value-like (code objects, call shapes). */
    private record IdKey(Object o) {
        @Override
        public boolean equals(Object other) {
            return other instanceof IdKey k && k.o == o;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(o);
        }
    }

    static int indexOf(String[] arr, String s) {
        for (int i = 0; i < arr.length; i++) {
            if (arr[i].equals(s)) {
                return i;
            }
        }
        return -1;
    }

    static String describe(Expr e) {
        if (e instanceof Expr.Call) {
            return "function call";
        }
        if (e instanceof Expr.IntLiteral || e instanceof Expr.StringLiteral || e instanceof Expr.FloatLiteral) {
            return "literal";
        }
        if (e instanceof Expr.BinOp) {
            return "expression";
        }
        return e.getClass().getSimpleName().toLowerCase();
    }

    /** A construct the parser accepts but the compiler cannot translate; reported with its line. */
    static final class CompileError extends RuntimeException {
        final int line;

        CompileError(int line, String message) {
            super(message, null, false, false);
            this.line = line;
        }
    }
}
