package dev.eventlanes.python.syntax;

import org.junit.jupiter.api.Test;

import static dev.eventlanes.python.syntax.Parsing.tree;
import static org.assertj.core.api.Assertions.assertThat;

class StatementParsingTest {

    @Test
    void assignmentsCoverNamesAttributesSubscriptsUnpackingAndChains() {
        assertThat(tree("a = 1\na.b = 2\na[i] = 3\na, *b = c\n[x, y] = z\na = b = 0\n")).isEqualTo(
                "(= a 1) (= (. a b) 2) (= ([] a i) 3) (= (tuple a (* b)) c) (= (list x y) z) (= a b 0)");
    }

    @Test
    void augmentedAndAnnotatedAssignments() {
        assertThat(tree("x += 1\nx -= 1\nx *= 2\nx /= 2\nx //= 2\nx %= 2\nx **= 2\nx: int = 1\ny: list[int]\n"))
                .isEqualTo("(+= x 1) (-= x 1) (*= x 2) (/= x 2) (//= x 2) (%= x 2) (**= x 2) (ann= x int 1)"
                        + " (ann= y ([] list int) _)");
    }

    @Test
    void ifElifElseNestsElifInOrElse() {
        assertThat(tree("if a:\n    x\nelif b:\n    y\nelse:\n    z\n"))
                .isEqualTo("(if a (x) ((if b (y) (z))))");
    }

    @Test
    void loopsWithElseBreakAndContinue() {
        assertThat(tree("while x:\n    break\nelse:\n    pass\nfor i, j in pairs:\n    continue\nelse:\n    pass\n"))
                .isEqualTo("(while x (break) (else (pass))) (for (tuple i j) pairs (continue) (else (pass)))");
    }

    @Test
    void tryWithEveryKindOfHandler() {
        assertThat(tree("try:\n    a\nexcept E:\n    b\nexcept (A, B) as e:\n    c\nexcept:\n    raise\n"
                + "else:\n    d\nfinally:\n    f\n"))
                .isEqualTo("(try (a) (except E _ (b)) (except (tuple A B) e (c)) (except _ _ ((raise _ _)))"
                        + " (else (d)) (finally (f)))");
    }

    @Test
    void raiseForms() {
        assertThat(tree("raise ValueError('x') from err\nraise E\n"))
                .isEqualTo("(raise (call ValueError 'x') err) (raise E _)");
    }

    @Test
    void withAndAsyncWithTakeSeveralItems() {
        assertThat(tree("async def f():\n    async with a() as x, b:\n        pass\n    with (c as d, e as f):\n        pass\n"))
                .isEqualTo("(async-def f () ((async-with (item (call a) x) (item b _) (pass))"
                        + " (with (item c d) (item e f) (pass))))");
    }

    @Test
    void functionDefinitionsWithEveryKindOfParameter() {
        assertThat(tree("def f(a, b: int = 1, *args, c, d=2, **kw) -> None:\n    return a\n"))
                .isEqualTo("(def f (a b=1 *args c d=2 **kw) ((return a)))");
        assertThat(tree("def g(a, /, b, *, c):\n    pass\n")).isEqualTo("(def g (a / b * c) (pass))");
    }

    @Test
    void globalNonlocalDelAssertPass() {
        assertThat(tree("def f():\n    global g\n    def h():\n        nonlocal x, y\n    del a[0], b.c\n    assert x, 'msg'\n"))
                .isEqualTo("(def f () ((global g) (def h () ((nonlocal x y))) (del ([] a 0) (. b c)) (assert x 'msg')))");
    }

    @Test
    void importsOfTheAllowedModules() {
        assertThat(tree("import anyio\nimport asyncio as aio, time\nfrom trio import sleep, Event as E\n"
                + "from anyio.abc import TaskGroup\n"))
                .isEqualTo("(import anyio) (import asyncio as aio time) (from trio sleep Event as E)"
                        + " (from anyio.abc TaskGroup)");
    }

    @Test
    void simpleStatementsMaySharALineAndOneLineBodiesAreBlocks() {
        assertThat(tree("a = 1; b = 2;\nif a: pass\n")).isEqualTo("(= a 1) (= b 2) (if a (pass))");
    }

    @Test
    void mainGuardIsJustAnIf() {
        assertThat(tree("if __name__ == \"__main__\":\n    main()\n"))
                .isEqualTo("(if (== __name__ '__main__') ((call main)))");
    }

    @Test
    void blankLinesCommentsAndTabsDoNotDisturbIndentation() {
        assertThat(tree("# comment\nif a:\n\n    # inner\n\tx = 1\n\n")).isEqualTo("(if a ((= x 1)))");
    }

    @Test
    void sourceWithoutFinalNewlineAndWithCrLfParses() {
        assertThat(tree("if a:\r\n    b\r\nc")).isEqualTo("(if a (b)) c");
    }

    @Test
    void theSeedProgramParsesWithoutDiagnostics() {
        String program = """
                import anyio

                async def send_response(response_sent):
                    print("Sending response...")
                    await anyio.sleep(2)
                    print("Response sent.")
                    response_sent.set()

                async def wait_for_response(response_sent):
                    while not response_sent.is_set():
                        print("Waiting for response to be sent...")
                        await anyio.sleep(0.5)
                    print("Response has been sent.")

                async def main():
                    response_sent = anyio.Event()
                    async with anyio.create_task_group() as tg:
                        tg.start_soon(send_response, response_sent)
                        tg.start_soon(wait_for_response, response_sent)
                        # 模拟一些工作
                        print(f"[{anyio.current_time() - 0:.1f}] {'x'!r:>8} {{literal}}")

                anyio.run(main)
                """;
        ParseResult result = Parsing.parse(program);
        assertThat(result.diagnostics()).isEmpty();
        assertThat(result.module().body()).hasSize(5);
        Stmt.FunctionDef main = (Stmt.FunctionDef) result.module().body().get(3);
        assertThat(main.isAsync()).isTrue();
        Stmt.With with = (Stmt.With) main.body().get(1);
        assertThat(AstPrinter.print(with.body().get(2))).isEqualTo(
                "(call print (f '[' (fmt (- (call (. anyio current_time)) 0) (spec '.1f')) '] '"
                        + " (fmt 'x' !r (spec '>8')) ' {literal}'))");
    }
}
