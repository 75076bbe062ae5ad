package dev.eventlanes.python.interp;

/**
 * The instruction set of the interpreter's stack machine. An instruction is two ints (opcode,
 * argument). Stack effects are written {@code before -> after}, top of stack on the right.
 */
final class Op {
    private Op() {
    }

    static final int NOP = 0;
    /** {@code -> const[arg]}. */
    static final int CONST = 1;
    static final int POP = 2;
    /** {@code a -> a a}. */
    static final int DUP = 3;
    /** {@code a b -> b a}. */
    static final int ROT2 = 4;
    /** {@code a b c -> c a b}. */
    static final int ROT3 = 5;
    /** {@code a b -> a b a b}. */
    static final int DUP2 = 6;
    static final int LOAD_FAST = 10;
    static final int STORE_FAST = 11;
    static final int DEL_FAST = 12;
    static final int LOAD_DEREF = 13;
    static final int STORE_DEREF = 14;
    static final int LOAD_GLOBAL = 15;
    static final int STORE_GLOBAL = 16;
    static final int DEL_GLOBAL = 17;
    /** {@code obj -> obj.name[arg]}. */
    static final int LOAD_ATTR = 18;
    /** {@code value obj -> }. */
    static final int STORE_ATTR = 19;
    /** {@code obj key -> obj[key]}. */
    static final int SUBSCR = 20;
    /** {@code value obj key -> }. */
    static final int STORE_SUBSCR = 21;
    static final int DEL_SUBSCR = 22;
    /** {@code lo hi step -> slice}. */
    static final int BUILD_SLICE = 23;
    /** Loads a closure cell itself (for MAKE_FUNCTION). */
    static final int LOAD_CELL = 24;
    static final int BINARY = 30;
    static final int INPLACE = 31;
    static final int UNARY = 32;
    static final int COMPARE = 33;
    static final int NOT = 34;
    static final int JUMP = 40;
    static final int JUMP_IF_FALSE = 41;
    static final int JUMP_IF_TRUE = 42;
    static final int JUMP_IF_FALSE_OR_POP = 43;
    static final int JUMP_IF_TRUE_OR_POP = 44;
    /** {@code iterable -> iterator}. */
    static final int GET_ITER = 45;
    /** {@code it -> it next} or pops it and jumps to arg when exhausted. */
    static final int FOR_ITER = 46;
    static final int BUILD_LIST = 50;
    static final int BUILD_TUPLE = 51;
    /** {@code k1 v1 ... kn vn -> dict}. */
    static final int BUILD_DICT = 52;
    /** {@code list ... x -> list ...} (list at depth arg below x). */
    static final int LIST_APPEND = 53;
    /** {@code dict ... k v -> dict ...}. */
    static final int DICT_SET = 54;
    /** {@code list iterable -> list}. */
    static final int LIST_EXTEND = 55;
    static final int LIST_TO_TUPLE = 56;
    /** {@code dict mapping -> dict}. */
    static final int DICT_UPDATE = 58;
    /** {@code seq -> x_n ... x_1} (first element on top). */
    static final int UNPACK = 57;
    /** {@code f a1..an -> r}. */
    static final int CALL = 60;
    /** {@code f a1..an v1..vk -> r}; arg is a constant {@link KwCall}. */
    static final int CALL_KW = 61;
    /** {@code f args kwargs -> r} (args a list, kwargs a dict or None). */
    static final int CALL_EX = 62;
    /** {@code defaults kwdefaults cells -> function}; arg is a constant {@link Code}. */
    static final int MAKE_FUNCTION = 63;
    static final int RETURN = 64;
    /** {@code awaitable -> result}: may suspend the task. */
    static final int AWAIT = 65;
    /** {@code value -> sent}: a generator yields. */
    static final int YIELD = 66;
    /** arg 0: re-raise the handled exception; 1: {@code exc ->}; 2: {@code exc cause ->}. */
    static final int RAISE = 70;
    /** Pushes a handler block: on an exception, jump to arg with {@code prev exc} pushed. */
    static final int SETUP_TRY = 71;
    static final int POP_BLOCK = 72;
    /** {@code exc type -> exc bool}. */
    static final int EXC_MATCH = 73;
    /** {@code prev exc -> } and restores prev as the handled exception. */
    static final int POP_EXCEPT = 74;
    /** {@code prev exc -> } restores prev, then raises exc again (keeping its traceback). */
    static final int RERAISE = 75;
    /** {@code value [spec] -> str}; arg: conversion char | (hasSpec ? 0x10000 : 0). */
    static final int FORMAT = 80;
    static final int BUILD_STRING = 81;
    /** {@code prev exc -> prev exc state}: starts the except* clauses of a try. */
    static final int EXC_STAR_INIT = 76;
    /** {@code state type -> state match}, or jumps to arg (popping type) if nothing matches. */
    static final int EXC_STAR_MATCH = 77;
    /** {@code state prev2 raised -> state}: an exception raised inside an except* body. */
    static final int EXC_STAR_RECORD = 78;
    /** {@code prev exc state -> }: raises what is left (unmatched parts, raised exceptions), if anything. */
    static final int EXC_STAR_END = 79;
    /** {@code ctx -> ctx entered}. */
    static final int WITH_ENTER = 82;
    /** {@code ctx -> ctx aenterCoroutine}. */
    static final int ASYNC_WITH_ENTER = 83;
    /** {@code ctx -> } calls exit with no exception; arg 1: async, pushes the aexit coroutine instead. */
    static final int WITH_EXIT = 84;
    /** {@code ctx prev exc -> ctx prev exc swallow?}; arg 1: async, pushes the aexit coroutine. */
    static final int WITH_EXIT_EXC = 85;
    /** {@code ctx prev exc bool -> }: swallows (restores prev) or re-raises. */
    static final int WITH_EXC_DONE = 86;
    /** {@code -> module}. */
    static final int IMPORT = 90;
    /** Names the objects created next after an assignment target (events show as lanes' names). */
    static final int HINT = 91;
    /** {@code x -> bool(x)} as Python truthiness (for {@code assert}). */
    static final int TO_BOOL = 92;
}
