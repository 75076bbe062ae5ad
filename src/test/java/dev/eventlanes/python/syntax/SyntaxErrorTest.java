package dev.eventlanes.python.syntax;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.eventlanes.python.syntax.Parsing.errors;
import static org.assertj.core.api.Assertions.assertThat;

class SyntaxErrorTest {

    /** Source uses \n escapes; the expected value is "line:col message" with CPython's message. */
    @ParameterizedTest(name = "{0}  =>  {1}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
            "print(1\\nx = 2\\n => 1:5 '(' was never closed",
            "x = [1, 2\\n => 1:4 '[' was never closed",
            "if x\\n    pass\\n => 1:4 expected ':'",
            "x = 1\\n    y = 2\\n => 2:4 unexpected indent",
            "x=1\\nif x:\\npass\\n => 3:0 expected an indented block after 'if' statement on line 2",
            "def f():\\nreturn\\n => 2:0 expected an indented block after function definition on line 1",
            "if x:\\n        a\\n    b\\n => 3:4 unindent does not match any outer indentation level",
            "if x:\\n\\tif y:\\n        pass\\n => 3:8 inconsistent use of tabs and spaces in indentation",
            "x = 1\\ny = \"abc\\n => 2:4 unterminated string literal (detected at line 2)",
            "x = '''abc\\n\\n => 1:4 unterminated triple-quoted string literal (detected at line 3)",
            "print(1 2)\\n => 1:6 invalid syntax. Perhaps you forgot a comma?",
            "await x\\n => 1:0 'await' outside function",
            "def f():\\n    await x\\n => 2:4 'await' outside async function",
            "return 1\\n => 1:0 'return' outside function",
            "break\\n => 1:0 'break' outside loop",
            "continue\\n => 1:0 'continue' not properly in loop",
            "f() = 1\\n => 1:0 cannot assign to function call here. Maybe you meant '==' instead of '='?",
            "1 = x\\n => 1:0 cannot assign to literal here. Maybe you meant '==' instead of '='?",
            "for f() in x:\\n    pass\\n => 1:4 cannot assign to function call",
            "f() += 1\\n => 1:0 'function call' is an illegal expression for augmented assignment",
            "del f()\\n => 1:4 cannot delete function call",
            "x = )\\n => 1:4 unmatched ')'",
            "x = (1]\\n => 1:6 closing parenthesis ']' does not match opening parenthesis '('",
            "else:\\n    pass\\n => 1:0 invalid syntax",
            "x = $\\n => 1:4 invalid syntax",
            "x = 1 ¢\\n => 1:6 invalid character '¢' (U+00A2)",
            "f(x=1, 2)\\n => 1:7 positional argument follows keyword argument",
            "try:\\n    pass\\nx = 1\\n => 3:0 expected 'except' or 'finally' block",
            "nonlocal x\\n => 1:0 nonlocal declaration not allowed at module level",
            "x = 0x\\n => 1:6 invalid hexadecimal literal",
            "x = 012\\n => 1:4 leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers",
            "x = 1 +\\n => 1:7 invalid syntax",
            "{1: 2, 3}\\n => 1:8 ':' expected after dictionary key",
            "def f(a=1, b):\\n    pass\\n => 1:11 non-default argument follows default argument",
            "f(x for x in y, 1)\\n => 1:2 Generator expression must be parenthesized",
            "x = 1 \\\\ 2\\n => 1:7 unexpected character after line continuation character",
            "async def f():\\n    pass\\nasync with a:\\n    pass\\n => 3:0 'async with' outside async function",
    })
    void errorsAreReportedAtCPythonsPositionWithCPythonsMessage(String source, String expected) {
        assertThat(errors(source.replace("\\n", "\n").replace("\\t", "\t"))).containsExactly(expected);
    }

    @Test
    void oneRunReportsEveryErrorFirstOneFirst() {
        String program = """
                import anyio

                async def main():
                    x = (1 2)
                    if x
                        print("never")
                    f() = 3
                    await anyio.sleep(1)

                def helper():
                    await thing()
                    return 1

                break
                anyio.run(main)
                """;
        assertThat(errors(program)).containsExactly(
                "4:9 invalid syntax. Perhaps you forgot a comma?",
                "5:8 expected ':'",
                "7:4 cannot assign to function call here. Maybe you meant '==' instead of '='?",
                "11:4 'await' outside async function",
                "14:0 'break' outside loop");
    }

    @Test
    void statementsAfterAnErrorAreStillInTheTree() {
        ParseResult result = Parsing.parse("x = (1 2)\ny = 3\n");
        assertThat(result.ok()).isFalse();
        assertThat(AstPrinter.print(result.module())).isEqualTo("(= y 3)");
    }

    @Test
    void syntaxErrorsAreFormattedLikeCPython() {
        String source = "x = 1\nif True:\n        y = \"abc\n";
        Diagnostic d = Parsing.parse(source).diagnostics().get(0);
        assertThat(DiagnosticFormatter.format(d, "prog.py", source)).isEqualTo("""
                  File "prog.py", line 3
                    y = "abc
                        ^
                SyntaxError: unterminated string literal (detected at line 3)""");
    }

    @Test
    void indentationErrorsNameTheirOwnExceptionClass() {
        String source = "x = 1\n    y = 2\n";
        Diagnostic d = Parsing.parse(source).diagnostics().get(0);
        assertThat(d.exceptionType()).isEqualTo("IndentationError");
        assertThat(DiagnosticFormatter.format(d, "prog.py", source)).endsWith("IndentationError: unexpected indent");
    }

    @Test
    void caretsSpanTheRangeWhenItIsKnown() {
        String source = "print(1 2)\n";
        Diagnostic d = Parsing.parse(source).diagnostics().get(0);
        assertThat(DiagnosticFormatter.format(d, "prog.py", source)).isEqualTo("""
                  File "prog.py", line 1
                    print(1 2)
                          ^^^
                SyntaxError: invalid syntax. Perhaps you forgot a comma?""");
    }

    @Test
    void caretsCountCharactersOfChineseText() {
        String source = "print(\"中文\" x)\n";
        Diagnostic d = Parsing.parse(source).diagnostics().get(0);
        assertThat(DiagnosticFormatter.format(d, "prog.py", source)).contains("    print(\"中文\" x)\n          ^^^^^^\n");
    }
}
