package dev.eventlanes.python.interp;

import dev.eventlanes.python.syntax.Expr;
import java.util.List;

/**
 * A compiled function body (or the module body): instructions, constants, and the layout of its
 * variables. Immutable once the compiler is done with it.
 */
final class Code {
    final String name;
    final String qualName;
    int[] code;
    /** Source line of each instruction (indexed by instruction number). */
    int[] lines;
    Object[] consts;
    String[] names;
    /** Local variable names; parameters first, in order. */
    String[] varNames;
    /** Names of locals captured by inner functions (live in cells). */
    String[] cellVars;
    /** Names of variables captured from enclosing functions. */
    String[] freeVars;
    /** For each local slot: its index in cells if it is a cell variable, else -1. */
    int[] cellOfLocal;
    int argCount;
    int kwOnlyCount;
    boolean hasVarArgs;
    boolean hasVarKw;
    final boolean isAsync;
    boolean isGenerator;
    final boolean isModule;
    int firstLine;
    int maxStack = 16;
    /** Inline caches of LOAD_ATTR, per instruction: the last receiver and what it gave. */
    Object[] attrCacheRecv;
    Object[] attrCacheVal;
    /** The parameters' syntax, kept for error messages. */
    Expr.Parameters params;

    Code(String name, String qualName, boolean isAsync, boolean isModule) {
        this.name = name;
        this.qualName = qualName;
        this.isAsync = isAsync;
        this.isModule = isModule;
    }

    int lineAt(int pc) {
        int i = pc >> 1;
        if (i < 0) {
            return firstLine;
        }
        if (i >= lines.length) {
            i = lines.length - 1;
        }
        return i < 0 ? firstLine : lines[i];
    }

    List<String> positionalNames() {
        return List.of(varNames).subList(0, argCount);
    }

    @Override
    public String toString() {
        return "<code " + qualName + ">";
    }
}
