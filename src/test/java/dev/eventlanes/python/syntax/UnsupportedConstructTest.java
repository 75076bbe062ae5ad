package dev.eventlanes.python.syntax;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static dev.eventlanes.python.syntax.Parsing.errors;
import static org.assertj.core.api.Assertions.assertThat;

class UnsupportedConstructTest {

    @ParameterizedTest(name = "{0}  =>  {1}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
            "x = 1\\nclass A:\\n    pass\\n => 2:0 class definitions are not supported",
            "@wrap\\ndef f():\\n    pass\\n => 1:0 decorators are not supported",
            "def f():\\n    yield 1\\n => 2:4 'yield' is not supported (generators are outside the subset)",
            "async def f():\\n    async for x in y:\\n        pass\\n => 2:4 'async for' is not supported",
            "import os\\n => 1:7 import of module 'os' is not supported: only anyio, asyncio, trio and time can be imported",
            "import sys\\n => 1:7 import of module 'sys' is not supported: only anyio, asyncio, trio and time can be imported",
            "from collections import deque\\n => 1:5 import of module 'collections' is not supported: only anyio, asyncio, trio and time can be imported",
            "match x:\\n    case 1:\\n        pass\\n => 1:0 'match' statements are not supported",
            "if (n := 10) > 5:\\n    pass\\n => 1:6 the walrus operator ':=' is not supported",
            "s = {1, 2}\\n => 1:4 set literals are not supported",
            "s = {x for x in y}\\n => 1:4 set comprehensions are not supported",
            "async def f():\\n    return [await g(x) for x in y]\\n => 2:23 'await' inside comprehensions is not supported",
            "async def f():\\n    return [x async for x in y]\\n => 2:14 'async for' in comprehensions is not supported",
            "x = b'abc'\\n => 1:4 bytes literals are not supported",
            "x = 1j\\n => 1:4 complex numbers are not supported",
            "from . import x\\n => 1:5 relative imports are not supported",
    })
    void constructsOutsideTheSubsetAreNamedWithTheirPosition(String source, String expected) {
        ParseResult result = Parsing.parse(source.replace("\\n", "\n"));
        assertThat(errors(source.replace("\\n", "\n"))).containsExactly(expected);
        assertThat(result.diagnostics().get(0).kind()).isEqualTo(Diagnostic.Kind.UNSUPPORTED);
    }

    @Test
    void unsupportedDiagnosticsFormatAsOneLine() {
        String source = "import os\n";
        Diagnostic d = Parsing.parse(source).diagnostics().get(0);
        assertThat(DiagnosticFormatter.format(d, "prog.py", source)).isEqualTo(
                "line 1: import of module 'os' is not supported: only anyio, asyncio, trio and time can be imported");
    }

    @Test
    void globalStatementsAreSupported() {
        assertThat(Parsing.tree("count = 0\ndef bump():\n    global count\n    count += 1\n"))
                .isEqualTo("(= count 0) (def bump () ((global count) (+= count 1)))");
    }

    @Test
    void theBodyOfAnUnsupportedClassIsStillChecked() {
        assertThat(errors("class A:\n    def f(self):\n        return (1 2)\n")).containsExactly(
                "1:0 class definitions are not supported",
                "3:16 invalid syntax. Perhaps you forgot a comma?");
    }
}
