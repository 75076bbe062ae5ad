package dev.eventlanes.python.syntax;

import org.junit.jupiter.api.Test;

import static dev.eventlanes.python.syntax.Parsing.errors;
import static org.assertj.core.api.Assertions.assertThat;

/** Hostile input gets a diagnostic, never an exception or a StackOverflowError. */
class InputLimitsTest {

    @Test
    void nulBytesAreRefusedLikeCPython() {
        assertThat(errors("x = 1\ny = \0\n")).containsExactly("2:4 source code cannot contain null bytes");
    }

    @Test
    void tenThousandNestedParenthesesAreTooManyAtTheTwoHundredFirst() {
        String source = "(".repeat(10_000) + ")".repeat(10_000) + "\n";
        assertThat(errors(source)).containsExactly("1:200 too many nested parentheses");
    }

    @Test
    void nestingJustBelowTheLimitIsFine() {
        String source = "x = " + "(".repeat(150) + "1" + ")".repeat(150) + "\n";
        assertThat(errors(source)).isEmpty();
    }

    @Test
    void aHundredThousandTermSumIsRefusedWithoutOverflowingTheStack() {
        String source = "x = " + "1+".repeat(100_000) + "1\ny = 2\n";
        ParseResult result = Parsing.parse(source);
        assertThat(result.diagnostics()).extracting(Diagnostic::message)
                .containsExactly("expression too complex (more than 1000 nested operations)");
        assertThat(AstPrinter.print(result.module())).isEqualTo("(= y 2)");
    }

    @Test
    void aThousandTermSumIsAccepted() {
        assertThat(errors("x = " + "1+".repeat(900) + "1\n")).isEmpty();
    }

    @Test
    void deepUnaryAndPowerChainsAreRefused() {
        assertThat(errors("x = " + "-".repeat(100_000) + "1\n")).containsExactly(
                "1:204 too many nested expressions (limit 200)");
        assertThat(errors("x = " + "2**".repeat(100_000) + "2\n")).hasSize(1);
        assertThat(errors("x = " + "not ".repeat(100_000) + "1\n")).hasSize(1);
        assertThat(errors("x = " + "a.".repeat(100_000) + "b\n")).hasSize(1);
        assertThat(errors("x = " + "f()".repeat(100_000) + "\n")).hasSize(1);
    }

    @Test
    void tooManyIndentationLevelsStopLikeCPython() {
        StringBuilder source = new StringBuilder();
        for (int i = 0; i < 120; i++) {
            source.append(" ".repeat(i)).append("if x:\n");
        }
        source.append(" ".repeat(120)).append("pass\n");
        assertThat(errors(source.toString())).containsExactly("101:100 too many levels of indentation");
    }

    @Test
    void unterminatedStringInsideBracketDoesNotCascade() {
        // Like CPython: only the string is reported; the open bracket on the same line is its echo.
        assertThat(errors("x = (\"abc\ny = 1\n")).containsExactly(
                "1:5 unterminated string literal (detected at line 1)");
    }
}
