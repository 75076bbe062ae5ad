package dev.eventlanes.ui.code;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Where the wavy line goes under a problem on a line. */
class ProblemRangeTest {
    private static String under(String line, int column) {
        int[] r = CodeEditor.problemRange(line, column);
        return r == null ? null : line.substring(r[0], r[1]);
    }

    @Test
    void theWordOrSignAtTheColumn() {
        assertThat(under("    x = undefined_name + 1", 8)).isEqualTo("undefined_name");
        assertThat(under("    print(x))", 12)).isEqualTo(")");
        assertThat(under("@decorated", 0)).isEqualTo("@decorated");
    }

    @Test
    void pastTheEndItsLastWordAndWithoutAColumnTheLinesText() {
        // "expected ':'" points just after "if x".
        assertThat(under("    if x", 8)).isEqualTo("x");
        assertThat(under("    if x   ", 11)).isEqualTo("x");
        assertThat(under("    class Foo:  ", -1)).isEqualTo("class Foo:");
        assertThat(under("   ", 2)).isNull();
    }
}
