package dev.eventlanes.python.syntax;

import static org.assertj.core.api.Assertions.assertThat;

/** Small helpers shared by the parser tests. */
final class Parsing {
    private Parsing() {
    }

    static ParseResult parse(String source) {
        return PythonParser.parse("prog.py", source);
    }

    /** Parses a valid program and returns its S-expression, failing on any diagnostic. */
    static String tree(String source) {
        ParseResult result = parse(source);
        assertThat(result.diagnostics()).as("diagnostics of %s", source).isEmpty();
        return AstPrinter.print(result.module());
    }

    /** S-expression of a single expression. */
    static String expr(String source) {
        return tree(source + "\n");
    }

    /** The diagnostics as "line:col message" strings. */
    static java.util.List<String> errors(String source) {
        return parse(source).diagnostics().stream()
                .map(d -> d.line() + ":" + d.col() + " " + d.message())
                .toList();
    }
}
