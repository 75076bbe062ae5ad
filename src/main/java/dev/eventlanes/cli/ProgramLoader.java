package dev.eventlanes.cli;

import dev.eventlanes.model.Program;
import java.util.List;

/**
 * Turns a source file into a runnable {@link Program}: the hook through which {@code .py} support
 * plugs into the command line. Register an implementation with {@link ProgramLoaders#register}
 * or as a {@code java.util.ServiceLoader} service
 * ({@code META-INF/services/dev.eventlanes.cli.ProgramLoader}).
 */
public interface ProgramLoader {
    /** True if this loader reads files with this name (typically by extension: {@code .py}). */
    boolean accepts(String fileName);

    /**
     * Loads a program. Must not throw for bad input: problems come back as errors.
     *
     * @param fileName the file's name, for messages
     * @param text     the file's content
     */
    Result load(String fileName, String text);

    /**
     * A program, or what is wrong with the source (never both).
     *
     * @param program the program, or null
     * @param errors  one message per problem, each starting {@code line N: } where a line is known
     */
    record Result(Program program, List<String> errors) {
        public Result {
            errors = List.copyOf(errors);
        }

        public static Result of(Program program) {
            return new Result(program, List.of());
        }

        public static Result failed(List<String> errors) {
            return new Result(null, errors);
        }
    }
}
