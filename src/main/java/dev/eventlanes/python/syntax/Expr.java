package dev.eventlanes.python.syntax;

import java.math.BigInteger;
import java.util.List;

/**
 * Python expressions of the Event Lanes subset, as immutable records. Lists are immutable
 * copies; a component documented as "or null" is optional, every other component is non-null.
 * Positions follow CPython: a binary operation, call, attribute or subscript starts where its
 * leftmost operand starts.
 *
 * <p>Constructs outside the subset (set displays, walrus, yield, ...) never appear in the tree:
 * the parser reports them as {@link Diagnostic.Kind#UNSUPPORTED} instead.
 *
 * <p>Depth: the parser refuses programs whose expression nesting would make the tree deeper than
 * about 2,000 nodes, so a consumer may walk an expression recursively.
 */
public sealed interface Expr extends Node {

    /** A variable reference, e.g. {@code anyio}. */
    record Name(String id, int line, int col) implements Expr {}

    /** An integer literal, arbitrary precision ({@code 0x1F}, {@code 1_000}). */
    record IntLiteral(BigInteger value, int line, int col) implements Expr {}

    /** A float literal ({@code 1.5}, {@code 1e-3}, {@code .5}, {@code 5.}). */
    record FloatLiteral(double value, int line, int col) implements Expr {}

    /** A string literal with escapes decoded and adjacent literals already concatenated. */
    record StringLiteral(String value, int line, int col) implements Expr {}

    /** {@code True} or {@code False}. */
    record BoolLiteral(boolean value, int line, int col) implements Expr {}

    /** {@code None}. */
    record NoneLiteral(int line, int col) implements Expr {}

    /** {@code ...} (the Ellipsis singleton). */
    record EllipsisLiteral(int line, int col) implements Expr {}

    /**
     * An f-string (possibly concatenated with plain literals): evaluate each part in order and
     * join. A {@code {x=}} debugging field arrives already expanded into a {@link FStringPart.Text}
     * {@code "x="} followed by a field whose conversion is {@code REPR} (unless a conversion or
     * format spec was given), exactly as CPython expands it.
     */
    record FString(List<FStringPart> parts, int line, int col) implements Expr {
        public FString {
            parts = List.copyOf(parts);
        }
    }

    /** A tuple display {@code (a, b)} or bare {@code a, b}; {@code ()} has no elements. */
    record TupleExpr(List<Expr> elements, int line, int col) implements Expr {
        public TupleExpr {
            elements = List.copyOf(elements);
        }
    }

    /** A list display {@code [a, *b]}. */
    record ListExpr(List<Expr> elements, int line, int col) implements Expr {
        public ListExpr {
            elements = List.copyOf(elements);
        }
    }

    /** A dict display; an entry whose key is null is a {@code **mapping} unpacking. */
    record DictExpr(List<DictEntry> entries, int line, int col) implements Expr {
        public DictExpr {
            entries = List.copyOf(entries);
        }
    }

    /** {@code value.name}. */
    record Attribute(Expr value, String name, int line, int col) implements Expr {}

    /**
     * {@code value[index]}. The index is a {@link Slice} for {@code a[1:2]}, a {@link TupleExpr}
     * (whose elements may be slices) for {@code a[i, j]}, else any expression.
     */
    record Subscript(Expr value, Expr index, int line, int col) implements Expr {}

    /** {@code lower:upper:step} inside a subscript; each bound is optional (null). */
    record Slice(Expr lower, Expr upper, Expr step, int line, int col) implements Expr {}

    /**
     * A call. {@code args} holds positional arguments in order, a {@link Starred} for each
     * {@code *iterable}; {@code keywords} holds {@code name=value} and, with a null name,
     * {@code **mapping}. A bare generator argument {@code sum(x for x in xs)} is a single
     * {@link GeneratorExp} in {@code args}.
     */
    record Call(Expr func, List<Expr> args, List<Keyword> keywords, int line, int col) implements Expr {
        public Call {
            args = List.copyOf(args);
            keywords = List.copyOf(keywords);
        }
    }

    /** {@code *value} in a call, a display or an assignment target. */
    record Starred(Expr value, int line, int col) implements Expr {}

    /** {@code -x}, {@code +x}, {@code not x}, {@code ~x}. */
    record UnaryOp(UnaryOperator op, Expr operand, int line, int col) implements Expr {}

    /** Arithmetic and bitwise operators; {@code **} is right-associative. */
    record BinOp(Expr left, BinaryOperator op, Expr right, int line, int col) implements Expr {}

    /** {@code a and b and c} / {@code a or b}: at least two values, short-circuit left to right. */
    record BoolOp(BoolOperator op, List<Expr> values, int line, int col) implements Expr {
        public BoolOp {
            values = List.copyOf(values);
        }
    }

    /**
     * A comparison chain {@code left ops[0] comparators[0] ops[1] comparators[1] ...}; both lists
     * have the same length (at least one), and {@code a < b < c} means {@code a < b and b < c}
     * with {@code b} evaluated once.
     */
    record Compare(Expr left, List<CompareOperator> ops, List<Expr> comparators, int line, int col)
            implements Expr {
        public Compare {
            ops = List.copyOf(ops);
            comparators = List.copyOf(comparators);
        }
    }

    /** {@code body if test else orElse}. */
    record Conditional(Expr test, Expr body, Expr orElse, int line, int col) implements Expr {}

    /** {@code lambda params: body}; parameters carry no annotations. */
    record Lambda(Parameters params, Expr body, int line, int col) implements Expr {}

    /** {@code await value}; only ever inside an {@code async def} body. */
    record Await(Expr value, int line, int col) implements Expr {}

    /** {@code [element for ... if ...]}. */
    record ListComp(Expr element, List<Comprehension> generators, int line, int col) implements Expr {
        public ListComp {
            generators = List.copyOf(generators);
        }
    }

    /** {@code {key: value for ...}}. */
    record DictComp(Expr key, Expr value, List<Comprehension> generators, int line, int col)
            implements Expr {
        public DictComp {
            generators = List.copyOf(generators);
        }
    }

    /** {@code (element for ...)}, also the bare sole argument of a call. */
    record GeneratorExp(Expr element, List<Comprehension> generators, int line, int col) implements Expr {
        public GeneratorExp {
            generators = List.copyOf(generators);
        }
    }

    // ----- parts that are not expressions themselves -----

    /** One {@code for target in iter if cond ...} clause of a comprehension. */
    record Comprehension(Expr target, Expr iter, List<Expr> ifs, int line, int col) implements Node {
        public Comprehension {
            ifs = List.copyOf(ifs);
        }
    }

    /** {@code name=value} in a call; a null name means {@code **value}. */
    record Keyword(String name, Expr value, int line, int col) implements Node {}

    /** {@code key: value} in a dict display; a null key means {@code **value}. */
    record DictEntry(Expr key, Expr value, int line, int col) implements Node {}

    /**
     * A parameter list of a {@code def} or {@code lambda}. {@code positional} are the ordinary
     * parameters, the first {@code positionalOnlyCount} of them written before {@code /};
     * {@code varArgs} is {@code *args} (or null), {@code keywordOnly} follow {@code *} or
     * {@code *args}, {@code kwArgs} is {@code **kwargs} (or null). Defaults of positional
     * parameters are always trailing; a keyword-only parameter without default is required.
     */
    record Parameters(List<Param> positional, int positionalOnlyCount, Param varArgs,
                      List<Param> keywordOnly, Param kwArgs, int line, int col) implements Node {
        public Parameters {
            positional = List.copyOf(positional);
            keywordOnly = List.copyOf(keywordOnly);
        }
    }

    /**
     * One parameter. {@code annotation} (or null) is parsed only so that annotated programs are
     * accepted; it must not be evaluated. {@code defaultValue} is null when there is none.
     */
    record Param(String name, Expr annotation, Expr defaultValue, int line, int col) implements Node {}

    /** A piece of an f-string: literal text or a replacement field. */
    sealed interface FStringPart extends Node {
        /** Literal text with escapes and {@code {{ }}} already decoded. */
        record Text(String value, int line, int col) implements FStringPart {}

        /**
         * {@code {value!conversion:formatSpec}}: the spec is itself a list of parts (it may nest
         * fields, {@code {x:{width}}}); an empty list means no spec.
         */
        record FormattedValue(Expr value, Conversion conversion, List<FStringPart> formatSpec,
                              int line, int col) implements FStringPart {
            public FormattedValue {
                formatSpec = List.copyOf(formatSpec);
            }
        }
    }

    /** The {@code !s}, {@code !r}, {@code !a} conversion of an f-string field. */
    enum Conversion { NONE, STR, REPR, ASCII }

    enum UnaryOperator {
        NEG("-"), POS("+"), NOT("not"), INVERT("~");

        public final String symbol;

        UnaryOperator(String symbol) {
            this.symbol = symbol;
        }
    }

    /** Binary operators; {@code symbol} is the Python spelling (also used in error messages). */
    enum BinaryOperator {
        ADD("+"), SUB("-"), MUL("*"), DIV("/"), FLOOR_DIV("//"), MOD("%"), POW("**"), MATMUL("@"),
        LSHIFT("<<"), RSHIFT(">>"), BIT_OR("|"), BIT_XOR("^"), BIT_AND("&");

        public final String symbol;

        BinaryOperator(String symbol) {
            this.symbol = symbol;
        }
    }

    enum BoolOperator {
        AND("and"), OR("or");

        public final String symbol;

        BoolOperator(String symbol) {
            this.symbol = symbol;
        }
    }

    enum CompareOperator {
        EQ("=="), NOT_EQ("!="), LT("<"), LT_E("<="), GT(">"), GT_E(">="), IS("is"), IS_NOT("is not"),
        IN("in"), NOT_IN("not in");

        public final String symbol;

        CompareOperator(String symbol) {
            this.symbol = symbol;
        }
    }
}
