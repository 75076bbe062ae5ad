package dev.eventlanes.python.interp;

import dev.eventlanes.python.syntax.Expr;
import dev.eventlanes.python.syntax.Node;
import dev.eventlanes.python.syntax.Stmt;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where each name of a function lives, decided before compiling (Python's symbol table): a
 * local slot, a cell (a local captured by an inner function), a free variable (captured from an
 * enclosing function), or a global. Module-level names are all globals.
 */
final class Scope {
    enum Kind { MODULE, FUNCTION }

    final Kind kind;
    final Scope parent;
    final Node node;
    final LinkedHashSet<String> params = new LinkedHashSet<>();
    final LinkedHashSet<String> assigned = new LinkedHashSet<>();
    final Set<String> declaredGlobal = new LinkedHashSet<>();
    final Set<String> declaredNonlocal = new LinkedHashSet<>();
    final LinkedHashSet<String> used = new LinkedHashSet<>();
    final List<Scope> children = new ArrayList<>();
    /** Resolved: locals (slot order), cells and frees. */
    final List<String> locals = new ArrayList<>();
    final LinkedHashSet<String> cells = new LinkedHashSet<>();
    final LinkedHashSet<String> frees = new LinkedHashSet<>();
    boolean hasYield;

    Scope(Kind kind, Scope parent, Node node) {
        this.kind = kind;
        this.parent = parent;
        this.node = node;
        if (parent != null) {
            parent.children.add(this);
        }
    }

    boolean isLocal(String name) {
        return kind == Kind.FUNCTION && (params.contains(name) || assigned.contains(name))
                && !declaredGlobal.contains(name) && !declaredNonlocal.contains(name);
    }

    /** Builds the scope tree of a module and resolves every name. */
    static Map<Node, Scope> analyse(dev.eventlanes.python.syntax.Module module) {
        // Keyed by identity: syntax nodes are records, whose hashCode walks the whole subtree
        // (a function's scope hashed its entire body), and a node's scope belongs to that node.
        Map<Node, Scope> byNode = new IdentityHashMap<>();
        Scope root = new Scope(Kind.MODULE, null, module);
        byNode.put(module, root);
        Collector c = new Collector(byNode);
        c.stmts(module.body(), root);
        resolve(root);
        return byNode;
    }

    private static void resolve(Scope s) {
        if (s.kind == Kind.FUNCTION) {
            for (String p : s.params) {
                s.locals.add(p);
            }
            for (String a : s.assigned) {
                if (s.isLocal(a) && !s.locals.contains(a)) {
                    s.locals.add(a);
                }
            }
            for (String n : s.declaredNonlocal) {
                s.frees.add(n);
                bindFree(s.parent, n);
            }
            for (String u : s.used) {
                if (!s.isLocal(u) && !s.declaredGlobal.contains(u) && !s.declaredNonlocal.contains(u)) {
                    if (definedInEnclosingFunction(s.parent, u)) {
                        s.frees.add(u);
                        bindFree(s.parent, u);
                    }
                }
            }
        }
        for (Scope ch : s.children) {
            resolve(ch);
        }
    }

    private static boolean definedInEnclosingFunction(Scope p, String name) {
        for (Scope s = p; s != null && s.kind == Kind.FUNCTION; s = s.parent) {
            if (s.declaredGlobal.contains(name)) {
                return false;
            }
            if (s.isLocal(name) || s.declaredNonlocal.contains(name)) {
                return true;
            }
        }
        return false;
    }

    /** Makes {@code name} a cell where it is defined and a free variable in between. */
    private static void bindFree(Scope p, String name) {
        for (Scope s = p; s != null && s.kind == Kind.FUNCTION; s = s.parent) {
            if (s.isLocal(name)) {
                s.cells.add(name);
                return;
            }
            s.frees.add(name);
            if (s.declaredNonlocal.contains(name)) {
                bindFree(s.parent, name);
                return;
            }
        }
    }

    /** Walks the tree recording bindings and uses per scope. */
    private static final class Collector {
        private final Map<Node, Scope> byNode;

        Collector(Map<Node, Scope> byNode) {
            this.byNode = byNode;
        }

        void stmts(List<Stmt> body, Scope s) {
            for (Stmt st : body) {
                stmt(st, s);
            }
        }

        void stmt(Stmt st, Scope s) {
            if (st instanceof Stmt.ExprStmt e) {
                expr(e.value(), s);
            } else if (st instanceof Stmt.Assign a) {
                for (Expr t : a.targets()) {
                    target(t, s);
                }
                expr(a.value(), s);
            } else if (st instanceof Stmt.AugAssign a) {
                target(a.target(), s);
                if (a.target() instanceof Expr.Name n) {
                    s.used.add(n.id());
                }
                expr(a.value(), s);
            } else if (st instanceof Stmt.AnnAssign a) {
                target(a.target(), s);
                if (a.value() != null) {
                    expr(a.value(), s);
                }
            } else if (st instanceof Stmt.If i) {
                expr(i.test(), s);
                stmts(i.body(), s);
                stmts(i.orElse(), s);
            } else if (st instanceof Stmt.While w) {
                expr(w.test(), s);
                stmts(w.body(), s);
                stmts(w.orElse(), s);
            } else if (st instanceof Stmt.For f) {
                target(f.target(), s);
                expr(f.iter(), s);
                stmts(f.body(), s);
                stmts(f.orElse(), s);
            } else if (st instanceof Stmt.Return r) {
                if (r.value() != null) {
                    expr(r.value(), s);
                }
            } else if (st instanceof Stmt.Global g) {
                s.declaredGlobal.addAll(g.names());
            } else if (st instanceof Stmt.Nonlocal n) {
                s.declaredNonlocal.addAll(n.names());
            } else if (st instanceof Stmt.Delete d) {
                for (Expr t : d.targets()) {
                    target(t, s);
                }
            } else if (st instanceof Stmt.Try t) {
                stmts(t.body(), s);
                for (Stmt.ExceptHandler h : t.handlers()) {
                    if (h.type() != null) {
                        expr(h.type(), s);
                    }
                    if (h.name() != null) {
                        s.assigned.add(h.name());
                    }
                    stmts(h.body(), s);
                }
                stmts(t.orElse(), s);
                stmts(t.finalBody(), s);
            } else if (st instanceof Stmt.Raise r) {
                if (r.exc() != null) {
                    expr(r.exc(), s);
                }
                if (r.cause() != null) {
                    expr(r.cause(), s);
                }
            } else if (st instanceof Stmt.With w) {
                for (Stmt.WithItem item : w.items()) {
                    expr(item.contextExpr(), s);
                    if (item.target() != null) {
                        target(item.target(), s);
                    }
                }
                stmts(w.body(), s);
            } else if (st instanceof Stmt.Assert a) {
                expr(a.test(), s);
                if (a.message() != null) {
                    expr(a.message(), s);
                }
            } else if (st instanceof Stmt.FunctionDef f) {
                s.assigned.add(f.name());
                params(f.params(), s);
                Scope fs = new Scope(Kind.FUNCTION, s, f);
                byNode.put(f, fs);
                paramNames(f.params(), fs);
                stmts(f.body(), fs);
            } else if (st instanceof Stmt.Import im) {
                for (Stmt.Alias a : im.names()) {
                    String bound = a.asName() != null ? a.asName() : a.name().split("\\.")[0];
                    s.assigned.add(bound);
                }
            } else if (st instanceof Stmt.ImportFrom im) {
                for (Stmt.Alias a : im.names()) {
                    s.assigned.add(a.asName() != null ? a.asName() : a.name());
                }
            }
        }

        private void params(Expr.Parameters p, Scope outer) {
            // Defaults are evaluated in the enclosing scope.
            for (Expr.Param prm : p.positional()) {
                if (prm.defaultValue() != null) {
                    expr(prm.defaultValue(), outer);
                }
            }
            for (Expr.Param prm : p.keywordOnly()) {
                if (prm.defaultValue() != null) {
                    expr(prm.defaultValue(), outer);
                }
            }
        }

        private void paramNames(Expr.Parameters p, Scope fs) {
            for (Expr.Param prm : p.positional()) {
                fs.params.add(prm.name());
            }
            if (p.varArgs() != null) {
                fs.params.add(p.varArgs().name());
            }
            for (Expr.Param prm : p.keywordOnly()) {
                fs.params.add(prm.name());
            }
            if (p.kwArgs() != null) {
                fs.params.add(p.kwArgs().name());
            }
        }

        void target(Expr t, Scope s) {
            if (t instanceof Expr.Name n) {
                s.assigned.add(n.id());
            } else if (t instanceof Expr.TupleExpr tu) {
                tu.elements().forEach(e -> target(e, s));
            } else if (t instanceof Expr.ListExpr li) {
                li.elements().forEach(e -> target(e, s));
            } else if (t instanceof Expr.Starred st) {
                target(st.value(), s);
            } else {
                expr(t, s);
            }
        }

        void expr(Expr e, Scope s) {
            if (e == null) {
                return;
            }
            if (e instanceof Expr.Name n) {
                s.used.add(n.id());
            } else if (e instanceof Expr.FString f) {
                fparts(f.parts(), s);
            } else if (e instanceof Expr.TupleExpr t) {
                t.elements().forEach(x -> expr(x, s));
            } else if (e instanceof Expr.ListExpr l) {
                l.elements().forEach(x -> expr(x, s));
            } else if (e instanceof Expr.DictExpr d) {
                for (Expr.DictEntry en : d.entries()) {
                    expr(en.key(), s);
                    expr(en.value(), s);
                }
            } else if (e instanceof Expr.Attribute a) {
                expr(a.value(), s);
            } else if (e instanceof Expr.Subscript sb) {
                expr(sb.value(), s);
                expr(sb.index(), s);
            } else if (e instanceof Expr.Slice sl) {
                expr(sl.lower(), s);
                expr(sl.upper(), s);
                expr(sl.step(), s);
            } else if (e instanceof Expr.Call c) {
                expr(c.func(), s);
                c.args().forEach(x -> expr(x, s));
                c.keywords().forEach(k -> expr(k.value(), s));
            } else if (e instanceof Expr.Starred st) {
                expr(st.value(), s);
            } else if (e instanceof Expr.UnaryOp u) {
                expr(u.operand(), s);
            } else if (e instanceof Expr.BinOp b) {
                expr(b.left(), s);
                expr(b.right(), s);
            } else if (e instanceof Expr.BoolOp b) {
                b.values().forEach(x -> expr(x, s));
            } else if (e instanceof Expr.Compare c) {
                expr(c.left(), s);
                c.comparators().forEach(x -> expr(x, s));
            } else if (e instanceof Expr.Conditional c) {
                expr(c.test(), s);
                expr(c.body(), s);
                expr(c.orElse(), s);
            } else if (e instanceof Expr.Lambda l) {
                params(l.params(), s);
                Scope ls = new Scope(Kind.FUNCTION, s, l);
                byNode.put(l, ls);
                paramNames(l.params(), ls);
                expr(l.body(), ls);
            } else if (e instanceof Expr.Await a) {
                expr(a.value(), s);
            } else if (e instanceof Expr.ListComp lc) {
                comp(lc, lc.generators(), s, List.of(lc.element()));
            } else if (e instanceof Expr.DictComp dc) {
                comp(dc, dc.generators(), s, List.of(dc.key(), dc.value()));
            } else if (e instanceof Expr.GeneratorExp ge) {
                Scope gs = comp(ge, ge.generators(), s, List.of(ge.element()));
                gs.hasYield = true;
            }
        }

        private Scope comp(Expr node, List<Expr.Comprehension> gens, Scope s, List<Expr> elements) {
            // The first iterable is evaluated outside, as the hidden argument ".0".
            expr(gens.get(0).iter(), s);
            Scope cs = new Scope(Kind.FUNCTION, s, node);
            byNode.put(node, cs);
            cs.params.add(".0");
            for (int i = 0; i < gens.size(); i++) {
                Expr.Comprehension g = gens.get(i);
                target(g.target(), cs);
                if (i > 0) {
                    expr(g.iter(), cs);
                }
                g.ifs().forEach(x -> expr(x, cs));
            }
            elements.forEach(x -> expr(x, cs));
            return cs;
        }

        private void fparts(List<Expr.FStringPart> parts, Scope s) {
            for (Expr.FStringPart p : parts) {
                if (p instanceof Expr.FStringPart.FormattedValue fv) {
                    expr(fv.value(), s);
                    fparts(fv.formatSpec(), s);
                }
            }
        }
    }
}
