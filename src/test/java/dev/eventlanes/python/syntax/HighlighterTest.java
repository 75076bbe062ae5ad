package dev.eventlanes.python.syntax;

import static org.assertj.core.api.Assertions.assertThat;

import dev.eventlanes.python.syntax.Highlighter.Span;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

/** The colours of a program's text come from the parser's scanner, so they agree with how it is read. */
class HighlighterTest {
    /** Each span as "kind:text", in order. */
    private static List<String> read(String src) {
        return Highlighter.spans(src).stream().map(s -> s.kind() + ":" + src.substring(s.start(), s.end()))
                .collect(Collectors.toList());
    }

    @Test
    void keywordsStringsCommentsNumbersBuiltinsAndDefinitions() {
        String src = "import anyio  # the library\n\nasync def main():\n    await anyio.sleep(0.5)\n    print('done', 42)\n";
        assertThat(read(src)).containsExactly("KEYWORD:import", "COMMENT:# the library", "KEYWORD:async", "KEYWORD:def",
                "DEFINITION:main", "KEYWORD:await", "NUMBER:0.5", "BUILTIN:print", "STRING:'done'", "NUMBER:42");
    }

    @Test
    void aHashInAStringIsStringAndAnAttributeIsNoBuiltin() {
        String src = "s = \"# not a comment\"\nx.print(len(s))  # one\n";
        assertThat(read(src)).containsExactly("STRING:\"# not a comment\"", "BUILTIN:len", "COMMENT:# one");
    }

    @Test
    void anFStringsFieldsAreCodeInsideTheString() {
        String src = "print(f\"{name!r} woke at {t:.1f} s\")\n";
        List<Span> spans = Highlighter.spans(src);
        // The conversion and the format spec stay string; the braces are code.
        assertThat(read(src)).containsExactly("BUILTIN:print", "STRING:f\"", "STRING:!r", "STRING: woke at ", "STRING::.1f",
                "STRING: s\"");
        // The braces and the expressions are plain code: neither is string.
        int name = src.indexOf("name");
        assertThat(spans).noneMatch(s -> s.start() <= name && name < s.end());
        assertThat(spans).noneMatch(s -> s.start() <= src.indexOf('{') && src.indexOf('{') < s.end());
        // A builtin inside a field is coloured as one.
        assertThat(read("f'{len(xs)} items'\n")).contains("BUILTIN:len");
    }

    @Test
    void decoratorsAndTripleQuotedStrings() {
        String src = "@functools.cache\ndef f():\n    \"\"\"Doc\n    string.\"\"\"\n    return a @ b\n";
        assertThat(read(src)).containsExactly("DECORATOR:@functools.cache", "KEYWORD:def", "DEFINITION:f",
                "STRING:\"\"\"Doc\n    string.\"\"\"", "KEYWORD:return");
    }

    @Test
    void windowsLineBreaksKeepEveryOffset() {
        String src = "x = 1\r\n# c\r\nprint(x)\r\n";
        assertThat(read(src)).containsExactly("NUMBER:1", "COMMENT:# c", "BUILTIN:print");
    }

    @Test
    void brokenTextIsColouredAsFarAsItCanBe() {
        assertThat(read("x = 'unterminated\ny = 2\n")).containsExactly("STRING:'unterminated", "NUMBER:2");
        assertThat(read("if x\n    pass")).containsExactly("KEYWORD:if", "KEYWORD:pass");
        assertThat(Highlighter.spans("")).isEmpty();
    }

    @Property
    void spansAreOrderedApartAndInsideTheText(@ForAll String text) {
        List<Span> spans = Highlighter.spans(text);
        int at = 0;
        for (Span s : spans) {
            assertThat(s.start()).isGreaterThanOrEqualTo(at);
            assertThat(s.end()).isGreaterThan(s.start()).isLessThanOrEqualTo(text.length());
            at = s.end();
        }
    }
}
