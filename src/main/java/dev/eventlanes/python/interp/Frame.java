package dev.eventlanes.python.interp;

import dev.eventlanes.model.Coroutine;
import dev.eventlanes.model.PyException;
import java.util.Map;

/**
 * One activation of a {@link Code}: operand stack, locals, cells, handler blocks and the
 * instruction pointer. Frames of a task form a chain through {@link #caller} (calls and awaited
 * coroutines alike), so a task suspends by simply returning from the machine: its state is
 * all here, and the Java stack holds nothing.
 */
final class Frame {
    final Code code;
    final Map<String, Object> globals;
    Object[] stack;
    int sp;
    final Object[] locals;
    final Cell[] cells;
    int pc;
    /** Handler blocks: target pc, stack depth, and the exception handled when set up. */
    int[] blockTarget = new int[4];
    int[] blockSp = new int[4];
    PyException[] blockHandled = new PyException[4];
    int blocks;
    /** The exception being handled (for bare {@code raise} and {@code __context__}). */
    PyException handled;
    Frame caller;
    int depth;
    /** A library coroutine this frame is awaiting ({@code yield from}). */
    Coroutine delegate;
    /** True if the Java-level run that started at this frame returns when it returns. */
    boolean runRoot;
    /** The coroutine or generator object owning this frame, if any. */
    Object owner;
    /** Name for objects created by the current assignment (see {@link Op#HINT}). */
    String hint;
    /** The next index for objects created by a list display under a {@code name[]} hint. */
    int hintIndex;

    Frame(Code code, Map<String, Object> globals, Cell[] cells) {
        this.code = code;
        this.globals = globals;
        this.stack = new Object[Math.max(8, code.maxStack)];
        this.locals = new Object[code.varNames.length];
        this.cells = cells;
    }

    void push(Object v) {
        if (sp == stack.length) {
            stack = java.util.Arrays.copyOf(stack, stack.length * 2);
        }
        stack[sp++] = v;
    }

    Object pop() {
        Object v = stack[--sp];
        stack[sp] = null;
        return v;
    }

    Object top() {
        return stack[sp - 1];
    }

    void pushBlock(int target) {
        if (blocks == blockTarget.length) {
            blockTarget = java.util.Arrays.copyOf(blockTarget, blocks * 2);
            blockSp = java.util.Arrays.copyOf(blockSp, blocks * 2);
            blockHandled = java.util.Arrays.copyOf(blockHandled, blocks * 2);
        }
        blockTarget[blocks] = target;
        blockSp[blocks] = sp;
        blockHandled[blocks] = handled;
        blocks++;
    }

    int line() {
        return code.lineAt(pc - 2);
    }
}
