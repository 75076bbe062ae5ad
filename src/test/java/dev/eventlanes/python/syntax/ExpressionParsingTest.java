package dev.eventlanes.python.syntax;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.eventlanes.python.syntax.Parsing.expr;
import static org.assertj.core.api.Assertions.assertThat;

class ExpressionParsingTest {

    @ParameterizedTest(name = "{0}  =>  {1}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
            "1 + 2 * 3 => (+ 1 (* 2 3))",
            "(1 + 2) * 3 => (* (+ 1 2) 3)",
            "1 - 2 - 3 => (- (- 1 2) 3)",
            "2 ** 3 ** 2 => (** 2 (** 3 2))",
            "-2 ** 2 => (- (** 2 2))",
            "2 ** -1 => (** 2 (- 1))",
            "a // b % c => (% (// a b) c)",
            "a | b ^ c & d << 1 + 2 => (| a (^ b (& c (<< d (+ 1 2)))))",
            "~a + -b => (+ (~ a) (- b))",
            "not a == b => (not (== a b))",
            "a and b or c and d => (or (and a b) (and c d))",
            "a or b or c => (or a b c)",
            "not a and not b => (and (not a) (not b))",
            "a < b < c => (compare a < b < c)",
            "a in b => (in a b)",
            "a not in b => (not in a b)",
            "a is b => (is a b)",
            "a is not b => (is not a b)",
            "x if c else y if d else z => (if c x (if d y z))",
            "lambda x, y=1: x + y => (lambda (x y=1) (+ x y))",
            "lambda: 0 => (lambda () 0)",
            "a.b.c => (. (. a b) c)",
            "f(1)(2) => (call (call f 1) 2)",
            "a[1:2] => ([] a (slice 1 2 _))",
            "a[::-1] => ([] a (slice _ _ (- 1)))",
            "a[i, j] => ([] a (tuple i j))",
            "a[1:, :2] => ([] a (tuple (slice 1 _ _) (slice _ 2 _)))",
            "f(a, *b, k=1, **d) => (call f a (* b) (kw k 1) (** d))",
            "sum(x for x in xs) => (call sum (genexp x (for x xs)))",
            "[x * 2 for x in xs if x if y for z in x] => (listcomp (* x 2) (for x xs (if x) (if y)) (for z x))",
            "{k: v for k, v in d.items()} => (dictcomp k v (for (tuple k v) (call (. d items))))",
            "(x for x in y) => (genexp x (for x y))",
            "[1, *a, 2] => (list 1 (* a) 2)",
            "(1,) => (tuple 1)",
            "() => (tuple)",
            "{} => (dict)",
            "{'a': 1, **b} => (dict ('a' 1) (** b))",
            "True, False, None, ... => (tuple True False None ...)",
            "0x1F + 0o17 + 0b101 + 1_000 => (+ (+ (+ 31 15) 5) 1000)",
            "1.5 + 1e-3 + .5 + 5. => (+ (+ (+ 1.5 0.001) 0.5) 5.0)",
            "'a' \"b\" '''c''' => 'abc'",
            "r'\\n' => '\\\\n'",
            "'\\t\\x41\\u4e2d' => '\tA中'",
    })
    void expressionsHaveTheShapeCPythonGivesThem(String source, String expected) {
        assertThat(expr(source)).isEqualTo(expected);
    }

    @Test
    void awaitBindsTighterThanBinaryOperatorsInsideAsyncFunctions() {
        assertThat(Parsing.tree("async def f():\n    return await a + await b.c()\n"))
                .isEqualTo("(async-def f () ((return (+ (await a) (await (call (. b c)))))))");
    }

    @Test
    void stringEscapesAndUnicodeIdentifiersAreDecoded() {
        assertThat(expr("名字 = '中文\\n'")).isEqualTo("(= 名字 '中文\\n')");
    }

    @Test
    void nodesCarryOneBasedLinesAndZeroBasedColumns() {
        Module module = Parsing.parse("x = 1\nif x:\n    y = x + 2\n").module();
        Stmt.If ifStmt = (Stmt.If) module.body().get(1);
        Stmt.Assign assign = (Stmt.Assign) ifStmt.body().get(0);
        Expr.BinOp sum = (Expr.BinOp) assign.value();
        assertThat(ifStmt.line()).isEqualTo(2);
        assertThat(ifStmt.col()).isEqualTo(0);
        assertThat(assign.line()).isEqualTo(3);
        assertThat(assign.col()).isEqualTo(4);
        assertThat(sum.right().col()).isEqualTo(12);
    }

    @Test
    void integerLiteralsKeepArbitraryPrecision() {
        Stmt.ExprStmt stmt = (Stmt.ExprStmt) Parsing.parse("123456789012345678901234567890\n").module().body().get(0);
        assertThat(((Expr.IntLiteral) stmt.value()).value()).hasToString("123456789012345678901234567890");
    }

    @Test
    void implicitLineJoiningAndBackslashContinuationIgnoreNewlines() {
        assertThat(Parsing.tree("x = (1 +\n     2)\ny = 1 + \\\n    2\n"))
                .isEqualTo("(= x (+ 1 2)) (= y (+ 1 2))");
    }
}
