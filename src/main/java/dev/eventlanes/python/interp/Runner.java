package dev.eventlanes.python.interp;

import dev.eventlanes.model.Loop;
import dev.eventlanes.python.syntax.Module;
import java.util.HashMap;
import java.util.Map;

/** The interpreter's entry points for {@link dev.eventlanes.python.PythonProgram}. */
public final class Runner {
    private Runner() {
    }

    /** A compiled module. */
    public static final class Compiled {
        final Code code;

        Compiled(Code code) {
            this.code = code;
        }
    }

    /** A construct that parses but cannot be compiled. */
    public static final class CompileFailure extends Exception {
        private final int line;

        CompileFailure(int line, String message) {
            super(message, null, false, false);
            this.line = line;
        }

        public int line() {
            return line;
        }
    }

    public static Compiled compile(Module module, String fileName) throws CompileFailure {
        try {
            return new Compiled(Compiler.compileModule(module, fileName));
        } catch (Compiler.CompileError e) {
            throw new CompileFailure(e.line, e.getMessage());
        }
    }

    /** Runs the module's top-level code on {@code loop}. */
    public static void run(Compiled c, Loop loop, String fileName, String source) {
        Library lib = new Library(loop);
        Interpreter interp = new Interpreter(loop, fileName, source, lib);
        lib.bind(interp);
        Map<String, Object> globals = new HashMap<>();
        globals.put("__name__", "__main__");
        globals.put("__file__", fileName);
        interp.runModule(c.code, globals);
    }
}
