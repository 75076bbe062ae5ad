package dev.eventlanes.python;

import dev.eventlanes.model.Loop;
import dev.eventlanes.model.Program;
import dev.eventlanes.model.Semantics;
import dev.eventlanes.model.Task;
import dev.eventlanes.python.interp.Runner;
import dev.eventlanes.python.syntax.Diagnostic;
import dev.eventlanes.python.syntax.DiagnosticFormatter;
import dev.eventlanes.python.syntax.Expr;
import dev.eventlanes.python.syntax.Module;
import dev.eventlanes.python.syntax.ParseResult;
import dev.eventlanes.python.syntax.PythonParser;
import dev.eventlanes.python.syntax.Stmt;
import java.util.ArrayList;
import java.util.List;

/**
 * A pasted or opened Python program, compiled and ready to run on the model. Starting it runs
 * the module's top-level code, which runs the event loop when it reaches {@code anyio.run},
 * {@code asyncio.run} or {@code trio.run}: the whole program runs inside {@link #start}, and
 * the trace records every step for the window to play back.
 */
public final class PythonProgram implements Program {
    /** One problem found before running, with the line it is on and its 0-based column there (-1 if not known). */
    public record Error(int line, int column, String message, String formatted) {
    }

    /** The program, or the errors that keep it from running. */
    public record CompileResult(PythonProgram program, List<Error> errors) {
        public boolean ok() {
            return program != null;
        }
    }

    private final String fileName;
    private final String source;
    private final Runner.Compiled compiled;
    private final Semantics semantics;

    private PythonProgram(String fileName, String source, Runner.Compiled compiled, Semantics semantics) {
        this.fileName = fileName;
        this.source = source;
        this.compiled = compiled;
        this.semantics = semantics;
    }

    /** Parses and compiles; never throws for bad input. */
    public static CompileResult compile(String fileName, String source) {
        if (source.indexOf('\0') >= 0) {
            return new CompileResult(null, List.of(new Error(1, 0, "source code cannot contain null bytes",
                    "SyntaxError: source code cannot contain null bytes")));
        }
        ParseResult pr = PythonParser.parse(fileName, source);
        if (!pr.ok()) {
            List<Error> errors = new ArrayList<>();
            for (Diagnostic d : pr.diagnostics()) {
                errors.add(new Error(d.line(), d.col(), d.message(), DiagnosticFormatter.format(d, fileName, source)));
            }
            return new CompileResult(null, errors);
        }
        try {
            Runner.Compiled c = Runner.compile(pr.module(), fileName);
            return new CompileResult(new PythonProgram(fileName, source, c, detectSemantics(pr.module())), List.of());
        } catch (Runner.CompileFailure e) {
            String msg = "line " + e.line() + ": " + e.getMessage();
            return new CompileResult(null, List.of(new Error(e.line(), -1, e.getMessage(), msg)));
        }
    }

    /** The library the program runs on: what its run() call and imports say. */
    static Semantics detectSemantics(Module m) {
        Semantics found = null;
        boolean importsTrio = false;
        boolean importsAsyncio = false;
        for (Stmt s : m.body()) {
            if (s instanceof Stmt.Import im) {
                for (Stmt.Alias a : im.names()) {
                    importsTrio |= a.name().equals("trio");
                    importsAsyncio |= a.name().equals("asyncio");
                }
            } else if (s instanceof Stmt.ImportFrom im) {
                importsTrio |= im.module().equals("trio");
                importsAsyncio |= im.module().equals("asyncio");
            }
            Semantics r = runCall(s);
            if (r != null) {
                found = r;
            }
        }
        if (found != null) {
            return found;
        }
        return importsTrio ? Semantics.TRIO : importsAsyncio ? Semantics.ASYNCIO : Semantics.ANYIO;
    }

    private static Semantics runCall(Stmt s) {
        if (s instanceof Stmt.If i) {
            for (Stmt b : i.body()) {
                Semantics r = runCall(b);
                if (r != null) {
                    return r;
                }
            }
            return null;
        }
        if (!(s instanceof Stmt.ExprStmt e) || !(e.value() instanceof Expr.Call c)
                || !(c.func() instanceof Expr.Attribute a) || !a.name().equals("run")
                || !(a.value() instanceof Expr.Name mod)) {
            return null;
        }
        switch (mod.id()) {
            case "asyncio":
                return Semantics.ASYNCIO;
            case "trio":
                return Semantics.TRIO;
            case "anyio":
                for (Expr.Keyword k : c.keywords()) {
                    if ("backend".equals(k.name()) && k.value() instanceof Expr.StringLiteral sl && sl.value().equals("trio")) {
                        return Semantics.TRIO;
                    }
                }
                return Semantics.ANYIO;
            default:
                return null;
        }
    }

    public String fileName() {
        return fileName;
    }

    public String source() {
        return source;
    }

    @Override
    public String title() {
        return fileName;
    }

    @Override
    public Semantics semantics() {
        return semantics;
    }

    @Override
    public Task start(Loop loop) {
        Runner.run(compiled, loop, fileName, source);
        return null;
    }

    /** Python's traceback text for an exception that escaped the program. */
    public String traceback(dev.eventlanes.model.PyException e) {
        return Tracebacks.format(e, fileName, source);
    }
}
