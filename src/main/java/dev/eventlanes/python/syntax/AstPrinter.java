package dev.eventlanes.python.syntax;

import dev.eventlanes.python.syntax.Expr.*;
import dev.eventlanes.python.syntax.Stmt.*;

import java.util.List;

/**
 * Renders a tree as a compact S-expression, e.g. {@code (+ 1 (* 2 3))}, so tests can state the
 * shape of a parse in one line and a developer can read what the parser built. Statements print
 * as {@code (= (targets) value)}, {@code (if test (body) (else))}, ...; null components as
 * {@code _}. Positions are not printed.
 */
public final class AstPrinter {

    private AstPrinter() {
    }

    public static String print(Module module) {
        return join(module.body());
    }

    public static String print(Node node) {
        StringBuilder out = new StringBuilder();
        new AstPrinter().node(node, out);
        return out.toString();
    }

    private static String join(List<? extends Node> nodes) {
        StringBuilder out = new StringBuilder();
        AstPrinter printer = new AstPrinter();
        for (Node n : nodes) {
            if (out.length() > 0) {
                out.append(' ');
            }
            printer.node(n, out);
        }
        return out.toString();
    }

    private void node(Node n, StringBuilder out) {
        if (n == null) {
            out.append('_');
        } else if (n instanceof Expr e) {
            expr(e, out);
        } else if (n instanceof Stmt s) {
            stmt(s, out);
        } else if (n instanceof Parameters p) {
            params(p, out);
        } else if (n instanceof Comprehension c) {
            list(out, "for", c.target(), c.iter());
            if (!c.ifs().isEmpty()) {
                out.setLength(out.length() - 1);
                for (Expr cond : c.ifs()) {
                    out.append(' ');
                    list(out, "if", cond);
                }
                out.append(')');
            }
        } else if (n instanceof Keyword k) {
            if (k.name() == null) {
                list(out, "**", k.value());
            } else {
                out.append("(kw ").append(k.name()).append(' ');
                node(k.value(), out);
                out.append(')');
            }
        } else if (n instanceof DictEntry d) {
            if (d.key() == null) {
                list(out, "**", d.value());
            } else {
                list(out, "", d.key(), d.value());
            }
        } else if (n instanceof ExceptHandler h) {
            out.append("(except ");
            node(h.type(), out);
            out.append(' ').append(h.name() == null ? "_" : h.name()).append(' ');
            block(h.body(), out);
            out.append(')');
        } else if (n instanceof WithItem w) {
            list(out, "item", w.contextExpr(), w.target());
        } else if (n instanceof Alias a) {
            out.append(a.name());
            if (a.asName() != null) {
                out.append(" as ").append(a.asName());
            }
        } else if (n instanceof FStringPart.Text t) {
            out.append(quote(t.value()));
        } else if (n instanceof FStringPart.FormattedValue f) {
            out.append("(fmt ");
            node(f.value(), out);
            if (f.conversion() != Conversion.NONE) {
                out.append(" !").append(f.conversion().name().toLowerCase().charAt(0));
            }
            if (!f.formatSpec().isEmpty()) {
                out.append(" (spec");
                for (FStringPart part : f.formatSpec()) {
                    out.append(' ');
                    node(part, out);
                }
                out.append(')');
            }
            out.append(')');
        } else {
            out.append(n);
        }
    }

    private void expr(Expr e, StringBuilder out) {
        if (e instanceof Name n) {
            out.append(n.id());
        } else if (e instanceof IntLiteral i) {
            out.append(i.value());
        } else if (e instanceof FloatLiteral f) {
            out.append(f.value());
        } else if (e instanceof StringLiteral s) {
            out.append(quote(s.value()));
        } else if (e instanceof BoolLiteral b) {
            out.append(b.value() ? "True" : "False");
        } else if (e instanceof NoneLiteral) {
            out.append("None");
        } else if (e instanceof EllipsisLiteral) {
            out.append("...");
        } else if (e instanceof FString f) {
            list(out, "f", f.parts().toArray(new Node[0]));
        } else if (e instanceof TupleExpr t) {
            list(out, "tuple", t.elements().toArray(new Node[0]));
        } else if (e instanceof ListExpr l) {
            list(out, "list", l.elements().toArray(new Node[0]));
        } else if (e instanceof DictExpr d) {
            list(out, "dict", d.entries().toArray(new Node[0]));
        } else if (e instanceof Attribute a) {
            out.append("(. ");
            node(a.value(), out);
            out.append(' ').append(a.name()).append(')');
        } else if (e instanceof Subscript s) {
            list(out, "[]", s.value(), s.index());
        } else if (e instanceof Slice s) {
            list(out, "slice", s.lower(), s.upper(), s.step());
        } else if (e instanceof Call c) {
            out.append("(call ");
            node(c.func(), out);
            for (Expr arg : c.args()) {
                out.append(' ');
                node(arg, out);
            }
            for (Keyword k : c.keywords()) {
                out.append(' ');
                node(k, out);
            }
            out.append(')');
        } else if (e instanceof Starred s) {
            list(out, "*", s.value());
        } else if (e instanceof UnaryOp u) {
            list(out, u.op().symbol, u.operand());
        } else if (e instanceof BinOp b) {
            list(out, b.op().symbol, b.left(), b.right());
        } else if (e instanceof BoolOp b) {
            list(out, b.op().symbol, b.values().toArray(new Node[0]));
        } else if (e instanceof Compare c) {
            if (c.ops().size() == 1) {
                list(out, c.ops().get(0).symbol, c.left(), c.comparators().get(0));
            } else {
                out.append("(compare ");
                node(c.left(), out);
                for (int i = 0; i < c.ops().size(); i++) {
                    out.append(' ').append(c.ops().get(i).symbol).append(' ');
                    node(c.comparators().get(i), out);
                }
                out.append(')');
            }
        } else if (e instanceof Conditional c) {
            list(out, "if", c.test(), c.body(), c.orElse());
        } else if (e instanceof Lambda l) {
            list(out, "lambda", l.params(), l.body());
        } else if (e instanceof Await a) {
            list(out, "await", a.value());
        } else if (e instanceof ListComp c) {
            comprehension(out, "listcomp", List.of(c.element()), c.generators());
        } else if (e instanceof DictComp c) {
            comprehension(out, "dictcomp", List.of(c.key(), c.value()), c.generators());
        } else if (e instanceof GeneratorExp g) {
            comprehension(out, "genexp", List.of(g.element()), g.generators());
        }
    }

    private void comprehension(StringBuilder out, String head, List<Expr> elements, List<Comprehension> gens) {
        out.append('(').append(head);
        for (Node n : elements) {
            out.append(' ');
            node(n, out);
        }
        for (Node n : gens) {
            out.append(' ');
            node(n, out);
        }
        out.append(')');
    }

    private void params(Parameters p, StringBuilder out) {
        out.append('(');
        StringBuilder inner = new StringBuilder();
        for (int i = 0; i < p.positional().size(); i++) {
            if (i == p.positionalOnlyCount() && i > 0) {
                inner.append(" /");
            }
            param(p.positional().get(i), "", inner);
        }
        if (p.varArgs() != null) {
            param(p.varArgs(), "*", inner);
        } else if (!p.keywordOnly().isEmpty()) {
            inner.append(" *");
        }
        for (Param k : p.keywordOnly()) {
            param(k, "", inner);
        }
        if (p.kwArgs() != null) {
            param(p.kwArgs(), "**", inner);
        }
        out.append(inner.toString().trim()).append(')');
    }

    private void param(Param p, String prefix, StringBuilder out) {
        out.append(' ').append(prefix).append(p.name());
        if (p.defaultValue() != null) {
            out.append('=');
            node(p.defaultValue(), out);
        }
    }

    private void stmt(Stmt s, StringBuilder out) {
        if (s instanceof ExprStmt e) {
            node(e.value(), out);
        } else if (s instanceof Assign a) {
            out.append("(= ");
            for (Expr t : a.targets()) {
                node(t, out);
                out.append(' ');
            }
            node(a.value(), out);
            out.append(')');
        } else if (s instanceof AugAssign a) {
            list(out, a.op().symbol + "=", a.target(), a.value());
        } else if (s instanceof AnnAssign a) {
            list(out, "ann=", a.target(), a.annotation(), a.value());
        } else if (s instanceof If i) {
            out.append("(if ");
            node(i.test(), out);
            out.append(' ');
            block(i.body(), out);
            if (!i.orElse().isEmpty()) {
                out.append(' ');
                block(i.orElse(), out);
            }
            out.append(')');
        } else if (s instanceof While w) {
            out.append("(while ");
            node(w.test(), out);
            out.append(' ');
            block(w.body(), out);
            elseBlock(w.orElse(), out);
            out.append(')');
        } else if (s instanceof For f) {
            out.append("(for ");
            node(f.target(), out);
            out.append(' ');
            node(f.iter(), out);
            out.append(' ');
            block(f.body(), out);
            elseBlock(f.orElse(), out);
            out.append(')');
        } else if (s instanceof Break) {
            out.append("break");
        } else if (s instanceof Continue) {
            out.append("continue");
        } else if (s instanceof Pass) {
            out.append("pass");
        } else if (s instanceof Return r) {
            list(out, "return", r.value());
        } else if (s instanceof Global g) {
            out.append("(global ").append(String.join(" ", g.names())).append(')');
        } else if (s instanceof Nonlocal n) {
            out.append("(nonlocal ").append(String.join(" ", n.names())).append(')');
        } else if (s instanceof Delete d) {
            list(out, "del", d.targets().toArray(new Node[0]));
        } else if (s instanceof Try t) {
            out.append("(try ");
            block(t.body(), out);
            for (ExceptHandler h : t.handlers()) {
                out.append(' ');
                node(h, out);
            }
            if (!t.orElse().isEmpty()) {
                out.append(" (else ");
                block(t.orElse(), out);
                out.append(')');
            }
            if (!t.finalBody().isEmpty()) {
                out.append(" (finally ");
                block(t.finalBody(), out);
                out.append(')');
            }
            out.append(')');
        } else if (s instanceof Raise r) {
            list(out, "raise", r.exc(), r.cause());
        } else if (s instanceof With w) {
            out.append(w.isAsync() ? "(async-with" : "(with");
            for (WithItem item : w.items()) {
                out.append(' ');
                node(item, out);
            }
            out.append(' ');
            block(w.body(), out);
            out.append(')');
        } else if (s instanceof Assert a) {
            list(out, "assert", a.test(), a.message());
        } else if (s instanceof FunctionDef f) {
            out.append(f.isAsync() ? "(async-def " : "(def ").append(f.name()).append(' ');
            node(f.params(), out);
            out.append(' ');
            block(f.body(), out);
            out.append(')');
        } else if (s instanceof Import i) {
            list(out, "import", i.names().toArray(new Node[0]));
        } else if (s instanceof ImportFrom i) {
            out.append("(from ").append(i.module());
            for (Alias a : i.names()) {
                out.append(' ');
                node(a, out);
            }
            out.append(')');
        }
    }

    private void elseBlock(List<Stmt> orElse, StringBuilder out) {
        if (!orElse.isEmpty()) {
            out.append(" (else ");
            block(orElse, out);
            out.append(')');
        }
    }

    private void block(List<Stmt> body, StringBuilder out) {
        out.append('(');
        for (int i = 0; i < body.size(); i++) {
            if (i > 0) {
                out.append(' ');
            }
            node(body.get(i), out);
        }
        out.append(')');
    }

    private void list(StringBuilder out, String head, Node... items) {
        out.append('(').append(head);
        for (Node item : items) {
            if (out.charAt(out.length() - 1) != '(') {
                out.append(' ');
            }
            node(item, out);
        }
        out.append(')');
    }

    private static String quote(String s) {
        return "'" + s.replace("\\", "\\\\").replace("\n", "\\n").replace("'", "\\'") + "'";
    }
}
