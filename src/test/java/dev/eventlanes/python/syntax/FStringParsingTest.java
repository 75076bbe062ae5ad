package dev.eventlanes.python.syntax;

import org.junit.jupiter.api.Test;

import static dev.eventlanes.python.syntax.Parsing.expr;
import static org.assertj.core.api.Assertions.assertThat;

class FStringParsingTest {

    @Test
    void textAndFieldsAlternate() {
        assertThat(expr("f'a{x}b{y + 1}c'")).isEqualTo("(f 'a' (fmt x) 'b' (fmt (+ y 1)) 'c')");
    }

    @Test
    void conversionsAndFormatSpecsAreSeparated() {
        assertThat(expr("f\"{x!r:>8} {y:.1f}\"")).isEqualTo("(f (fmt x !r (spec '>8')) ' ' (fmt y (spec '.1f')))");
    }

    @Test
    void doubledBracesAreLiteralBraces() {
        assertThat(expr("f'{{literal}}'")).isEqualTo("(f '{literal}')");
    }

    @Test
    void formatSpecsMayNestReplacementFields() {
        assertThat(expr("f'{x:{width}.{p}}'")).isEqualTo("(f (fmt x (spec (fmt width) '.' (fmt p))))");
    }

    @Test
    void debugSpecifierExpandsToTextAndRepr() {
        assertThat(expr("f'{x=}'")).isEqualTo("(f 'x=' (fmt x !r))");
        assertThat(expr("f'{x = :.1f}'")).isEqualTo("(f 'x = ' (fmt x (spec '.1f')))");
    }

    @Test
    void comparisonOperatorsInsideFieldsAreNotMistakenForDebugOrConversion() {
        assertThat(expr("f'{a == b}{a != b}{a >= b}'")).isEqualTo("(f (fmt (== a b)) (fmt (!= a b)) (fmt (>= a b)))");
    }

    @Test
    void stringsInsideFieldsUseTheOtherQuote() {
        assertThat(expr("f\"{'x'!r:>8} {d['k']}\"")).isEqualTo("(f (fmt 'x' !r (spec '>8')) ' ' (fmt ([] d 'k')))");
    }

    @Test
    void adjacentPlainAndFStringsConcatenateIntoOneFString() {
        assertThat(expr("'a' f'{b}' 'c' rf'\\{d}'")).isEqualTo("(f 'a' (fmt b) 'c\\\\' (fmt d))");
    }

    @Test
    void tripleQuotedFStringsSpanLinesAndFieldsKeepFilePositions() {
        ParseResult result = Parsing.parse("s = f'''line\n  {value}'''\n");
        assertThat(result.diagnostics()).isEmpty();
        Stmt.Assign assign = (Stmt.Assign) result.module().body().get(0);
        Expr.FString f = (Expr.FString) assign.value();
        Expr.FStringPart.FormattedValue field = (Expr.FStringPart.FormattedValue) f.parts().get(1);
        assertThat(field.value().line()).isEqualTo(2);
        assertThat(field.value().col()).isEqualTo(3);
    }

    @Test
    void escapesInTheTextPartsAreDecoded() {
        assertThat(expr("f'a\\tb{x}\\n'")).isEqualTo("(f 'a\tb' (fmt x) '\\n')");
    }

    @Test
    void theSpecExampleFromTheSeedProgramParses() {
        assertThat(expr("print(f\"[{anyio.current_time() - 0:.1f}] {'x'!r:>8} {{literal}}\")"))
                .isEqualTo("(call print (f '[' (fmt (- (call (. anyio current_time)) 0) (spec '.1f')) '] '"
                        + " (fmt 'x' !r (spec '>8')) ' {literal}'))");
    }

    @Test
    void malformedFieldsAreReportedWithCPythonMessages() {
        assertThat(Parsing.errors("f'{x!z}'\n")).containsExactly(
                "1:5 f-string: invalid conversion character: expected 's', 'r', or 'a'");
        assertThat(Parsing.errors("f'{}'\n")).containsExactly("1:3 f-string: empty expression not allowed");
        assertThat(Parsing.errors("f'{x'\n")).containsExactly("1:4 f-string: expecting '}'");
        assertThat(Parsing.errors("f'}'\n")).containsExactly("1:2 f-string: single '}' is not allowed");
    }
}
