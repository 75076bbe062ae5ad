package dev.eventlanes.python.syntax;

import java.util.List;

/**
 * Python statements of the Event Lanes subset, as immutable records. Bodies are non-empty in a
 * diagnostic-free parse; {@code orElse} and {@code finalBody} lists are empty when the clause is
 * absent. A component documented as "or null" is optional, every other component is non-null.
 *
 * <p>{@code elif} is represented as CPython does: an {@link If} whose {@code orElse} holds exactly
 * one nested {@code If}.
 */
public sealed interface Stmt extends Node {

    /** An expression evaluated for its effect, e.g. a call or {@code await x}. */
    record ExprStmt(Expr value, int line, int col) implements Stmt {}

    /**
     * {@code t1 = t2 = value}: {@code targets} in source order (at least one); each target is a
     * Name, Attribute, Subscript, or a TupleExpr/ListExpr of targets (possibly with one Starred).
     * The value is evaluated once, then assigned to the targets left to right.
     */
    record Assign(List<Expr> targets, Expr value, int line, int col) implements Stmt {
        public Assign {
            targets = List.copyOf(targets);
        }
    }

    /** {@code target op= value}; the target is a Name, Attribute or Subscript. */
    record AugAssign(Expr target, Expr.BinaryOperator op, Expr value, int line, int col) implements Stmt {}

    /**
     * {@code target: annotation [= value]}. The annotation must not be evaluated; without a
     * value the statement does nothing at run time.
     */
    record AnnAssign(Expr target, Expr annotation, Expr value, int line, int col) implements Stmt {}

    record If(Expr test, List<Stmt> body, List<Stmt> orElse, int line, int col) implements Stmt {
        public If {
            body = List.copyOf(body);
            orElse = List.copyOf(orElse);
        }
    }

    /** {@code while test: body else: orElse}; orElse runs when the loop ends without break. */
    record While(Expr test, List<Stmt> body, List<Stmt> orElse, int line, int col) implements Stmt {
        public While {
            body = List.copyOf(body);
            orElse = List.copyOf(orElse);
        }
    }

    /** {@code for target in iter: body else: orElse}; target as for {@link Assign}. */
    record For(Expr target, Expr iter, List<Stmt> body, List<Stmt> orElse, int line, int col)
            implements Stmt {
        public For {
            body = List.copyOf(body);
            orElse = List.copyOf(orElse);
        }
    }

    record Break(int line, int col) implements Stmt {}

    record Continue(int line, int col) implements Stmt {}

    record Pass(int line, int col) implements Stmt {}

    /** {@code return [value]}; value is null for a bare return. */
    record Return(Expr value, int line, int col) implements Stmt {}

    record Global(List<String> names, int line, int col) implements Stmt {
        public Global {
            names = List.copyOf(names);
        }
    }

    record Nonlocal(List<String> names, int line, int col) implements Stmt {
        public Nonlocal {
            names = List.copyOf(names);
        }
    }

    /** {@code del t1, t2}: Names, Attributes, Subscripts, or tuples/lists of them. */
    record Delete(List<Expr> targets, int line, int col) implements Stmt {
        public Delete {
            targets = List.copyOf(targets);
        }
    }

    /**
     * {@code try/except/else/finally}. At least one handler or a finally body is present;
     * orElse is only allowed with handlers.
     */
    record Try(List<Stmt> body, List<ExceptHandler> handlers, List<Stmt> orElse, List<Stmt> finalBody,
               int line, int col) implements Stmt {
        public Try {
            body = List.copyOf(body);
            handlers = List.copyOf(handlers);
            orElse = List.copyOf(orElse);
            finalBody = List.copyOf(finalBody);
        }
    }

    /**
     * {@code except [type [as name]]: body}. type is null for a bare {@code except:} (then always
     * last); it may be a TupleExpr {@code (A, B)}. name is null without {@code as}.
     */
    /** An {@code except} clause; {@code star} for {@code except*}, which handles parts of an exception group. */
    record ExceptHandler(Expr type, String name, List<Stmt> body, boolean star, int line, int col) implements Node {
        public ExceptHandler {
            body = List.copyOf(body);
        }

        public ExceptHandler(Expr type, String name, List<Stmt> body, int line, int col) {
            this(type, name, body, false, line, col);
        }
    }

    /** {@code raise [exc [from cause]]}; both null for a bare re-raise. */
    record Raise(Expr exc, Expr cause, int line, int col) implements Stmt {}

    /** {@code [async] with item, item: body}; items are entered left to right. */
    record With(List<WithItem> items, List<Stmt> body, boolean isAsync, int line, int col) implements Stmt {
        public With {
            items = List.copyOf(items);
            body = List.copyOf(body);
        }
    }

    /** {@code contextExpr [as target]}; target (or null) as for {@link Assign}. */
    record WithItem(Expr contextExpr, Expr target, int line, int col) implements Node {}

    /** {@code assert test[, message]}; message is null when absent. */
    record Assert(Expr test, Expr message, int line, int col) implements Stmt {}

    /**
     * {@code [async] def name(params) [-> returns]: body}. The return annotation (or null) is
     * parsed only to be accepted and must not be evaluated.
     */
    record FunctionDef(String name, Expr.Parameters params, List<Stmt> body, boolean isAsync, Expr returns,
                       int line, int col) implements Stmt {
        public FunctionDef {
            body = List.copyOf(body);
        }
    }

    /** {@code import a, b.c as d}: one {@link Alias} per module. */
    record Import(List<Alias> names, int line, int col) implements Stmt {
        public Import {
            names = List.copyOf(names);
        }
    }

    /** {@code from module import a, b as c}; module is dotted ({@code "anyio.abc"}). */
    record ImportFrom(String module, List<Alias> names, int line, int col) implements Stmt {
        public ImportFrom {
            names = List.copyOf(names);
        }
    }

    /**
     * {@code name [as asName]}; for {@code import a.b} the name is {@code "a.b"} and, without
     * {@code as}, Python binds {@code a}. asName is null when absent.
     */
    record Alias(String name, String asName, int line, int col) implements Node {}
}
