package dev.eventlanes.python.syntax;

import dev.eventlanes.python.syntax.Expr.*;
import dev.eventlanes.python.syntax.Stmt.*;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static dev.eventlanes.python.syntax.TokenType.*;

/**
 * Recursive-descent parser for the Event Lanes subset of Python 3.11. One method per grammar
 * rule, named after the rule of CPython's grammar, so the file reads like the grammar.
 *
 * <p>Errors: a rule that cannot go on reports to the {@link ErrorCollector} and throws the
 * private {@link ParseError}; the statement loop catches it and {@link #synchronize()}s to the
 * next statement, so one run reports every error. Errors that do not disturb the structure
 * ("'return' outside function", unsupported constructs, bad assignment targets) are reported
 * without throwing.
 *
 * <p>Depth: recursion only happens through brackets, unary operators, {@code not}, {@code **},
 * conditional expressions, lambdas and {@code yield}; each of those passes {@link #enterNesting}
 * which refuses more than {@link #MAX_NESTING} levels, so deep input is a syntax error and never
 * a StackOverflowError. Left-associative chains ({@code 1+1+...}, {@code a.b.c...}) are loops, but
 * they make deep trees, so {@link #treeDepth} bounds the height of the tree handed to the
 * interpreter.
 */
final class Parser {
    static final int MAX_NESTING = 200;
    static final int MAX_TREE_DEPTH = 1000;
    private static final Set<String> IMPORTABLE = Set.of("anyio", "asyncio", "trio", "time");

    /** Unwinds to the statement loop after an error has been reported; carries nothing. */
    private static final class ParseError extends RuntimeException {
        ParseError() {
            super(null, null, false, false);
        }
    }

    /** Where a target appears, which decides the wording of "cannot assign" errors. */
    private enum TargetContext { ASSIGN, FOR, WITH, DELETE, COMPREHENSION }

    private final String source;
    private final List<Token> tokens;
    private final ErrorCollector errors;
    private int current = 0;

    // Context for the checks CPython's compiler makes ('return' outside function, ...).
    private boolean inFunction;
    private boolean inAsyncFunction;
    private int loopDepth;
    private int awaitCount;

    private int nesting;
    private int treeDepth;

    Parser(String source, List<Token> tokens, ErrorCollector errors) {
        this.source = source;
        this.tokens = tokens;
        this.errors = errors;
    }

    /** module: statement* EOF */
    Module module() {
        List<Stmt> body = new ArrayList<>();
        while (!isAtEnd()) {
            if (match(DEDENT)) {
                continue;
            }
            statementRecovering(body);
        }
        return new Module(body, 1, 0);
    }

    private void statementRecovering(List<Stmt> into) {
        int start = current;
        try {
            statement(into);
        } catch (ParseError error) {
            synchronize();
            if (current == start) {
                advance();
            }
        }
    }

    /** Skips the rest of the broken logical line, and the block it introduced if any. */
    private void synchronize() {
        while (!isAtEnd()) {
            if (check(DEDENT)) {
                return;
            }
            if (check(INDENT)) {
                skipBlock();
                return;
            }
            if (match(NEWLINE)) {
                if (check(INDENT)) {
                    skipBlock();
                }
                return;
            }
            advance();
        }
    }

    private void skipBlock() {
        int depth = 0;
        do {
            if (check(INDENT)) {
                depth++;
            } else if (check(DEDENT)) {
                depth--;
            }
            advance();
        } while (depth > 0 && !isAtEnd());
    }

    // ===================================================================== statements

    private void statement(List<Stmt> into) {
        switch (peek().type()) {
            case INDENT -> unexpectedIndent(into);
            case IF -> into.add(ifStatement());
            case WHILE -> into.add(whileStatement());
            case FOR -> into.add(forStatement(advance()));
            case TRY -> into.add(tryStatement());
            case WITH -> into.add(withStatement(advance(), false));
            case DEF -> into.add(functionDef(advance(), false));
            case ASYNC -> asyncStatement(into);
            case CLASS -> classDef();
            case AT -> decorated(into);
            default -> {
                if (isMatchStatement()) {
                    matchStatement();
                } else {
                    simpleStatements(into);
                }
            }
        }
    }

    /** An indented block where none may start: reported, then parsed only to find its errors. */
    private void unexpectedIndent(List<Stmt> into) {
        Token indent = advance();
        errors.indentation(indent.line(), indent.col(), "unexpected indent");
        List<Stmt> ignored = new ArrayList<>();
        while (!check(DEDENT) && !isAtEnd()) {
            statementRecovering(ignored);
        }
        match(DEDENT);
    }

    /** block: NEWLINE INDENT statement+ DEDENT | simple_stmts */
    private List<Stmt> block(String what, Token header) {
        List<Stmt> body = new ArrayList<>();
        if (!match(NEWLINE)) {
            simpleStatements(body);
            return body;
        }
        if (!match(INDENT)) {
            Token next = peek();
            errors.indentation(next.line(), next.col(),
                    "expected an indented block after " + what + " on line " + header.line());
            return body;
        }
        while (!check(DEDENT) && !isAtEnd()) {
            statementRecovering(body);
        }
        match(DEDENT);
        return body;
    }

    /** simple_stmts: simple_stmt (';' simple_stmt)* [';'] NEWLINE */
    private void simpleStatements(List<Stmt> into) {
        do {
            if (check(NEWLINE) || isAtEnd()) {
                break;
            }
            into.add(simpleStatement());
        } while (match(SEMI));
        if (!match(NEWLINE) && !isAtEnd()) {
            throw error(peek(), "invalid syntax");
        }
    }

    private Stmt simpleStatement() {
        Token t = peek();
        switch (t.type()) {
            case PASS:
                advance();
                return new Pass(t.line(), t.col());
            case BREAK:
                return breakStatement();
            case CONTINUE:
                return continueStatement();
            case RETURN:
                return returnStatement();
            case RAISE:
                return raiseStatement();
            case GLOBAL:
            case NONLOCAL:
                return globalStatement();
            case DEL:
                return delStatement();
            case ASSERT:
                return assertStatement();
            case IMPORT:
                return importStatement();
            case FROM:
                return fromImportStatement();
            default:
                return expressionStatement();
        }
    }

    private Stmt breakStatement() {
        Token kw = advance();
        if (loopDepth == 0) {
            errors.syntax(kw.line(), kw.col(), kw.endCol(), "'break' outside loop");
        }
        return new Break(kw.line(), kw.col());
    }

    private Stmt continueStatement() {
        Token kw = advance();
        if (loopDepth == 0) {
            errors.syntax(kw.line(), kw.col(), kw.endCol(), "'continue' not properly in loop");
        }
        return new Continue(kw.line(), kw.col());
    }

    private Stmt returnStatement() {
        Token kw = advance();
        if (!inFunction) {
            errors.syntax(kw.line(), kw.col(), kw.endCol(), "'return' outside function");
        }
        Expr value = startsExpression(peek()) ? starExpressions() : null;
        return new Return(value, kw.line(), kw.col());
    }

    /** raise_stmt: 'raise' [expression ['from' expression]] */
    private Stmt raiseStatement() {
        Token kw = advance();
        Expr exc = null;
        Expr cause = null;
        if (startsExpression(peek())) {
            exc = expression();
            if (match(FROM)) {
                cause = expression();
            }
        }
        return new Raise(exc, cause, kw.line(), kw.col());
    }

    private Stmt globalStatement() {
        Token kw = advance();
        List<String> names = new ArrayList<>();
        do {
            names.add(consume(NAME, "expected a name after '" + kw.text() + "'").text());
        } while (match(COMMA));
        if (kw.type() == GLOBAL) {
            return new Global(names, kw.line(), kw.col());
        }
        if (!inFunction) {
            errors.syntax(kw.line(), kw.col(), -1, "nonlocal declaration not allowed at module level");
        }
        return new Nonlocal(names, kw.line(), kw.col());
    }

    /** del_stmt: 'del' del_targets */
    private Stmt delStatement() {
        Token kw = advance();
        List<Expr> targets = new ArrayList<>();
        do {
            if (!startsExpression(peek())) {
                break;
            }
            Expr target = bitwiseOr();
            checkTarget(target, TargetContext.DELETE, false);
            targets.add(target);
        } while (match(COMMA));
        if (targets.isEmpty()) {
            throw error(peek(), "invalid syntax");
        }
        return new Delete(targets, kw.line(), kw.col());
    }

    private Stmt assertStatement() {
        Token kw = advance();
        Expr test = expression();
        Expr message = match(COMMA) ? expression() : null;
        return new Assert(test, message, kw.line(), kw.col());
    }

    /** import_name: 'import' dotted_as_names */
    private Stmt importStatement() {
        Token kw = advance();
        List<Alias> names = new ArrayList<>();
        do {
            Token start = peek();
            String module = dottedName();
            checkImportable(module, start);
            String asName = match(AS) ? consume(NAME, "expected a name after 'as'").text() : null;
            names.add(new Alias(module, asName, start.line(), start.col()));
        } while (match(COMMA));
        return new Import(names, kw.line(), kw.col());
    }

    /** import_from: 'from' dotted_name 'import' import_from_as_names */
    private Stmt fromImportStatement() {
        Token kw = advance();
        Token start = peek();
        int level = 0;
        while (check(DOT) || check(ELLIPSIS)) {
            level += advance().text().length();
        }
        String module = level > 0 && check(IMPORT) ? "" : dottedName();
        if (level > 0) {
            errors.unsupported(start.line(), start.col(), "relative imports are not supported");
        } else {
            checkImportable(module, start);
        }
        consume(IMPORT, "expected 'import'");
        List<Alias> names = new ArrayList<>();
        if (check(STAR)) {
            Token star = advance();
            errors.unsupported(star.line(), star.col(), "'from " + module + " import *' is not supported");
            return new ImportFrom(module, names, kw.line(), kw.col());
        }
        Token lpar = match(LPAR) ? previous() : null;
        do {
            if (lpar != null && check(RPAR)) {
                break;
            }
            Token name = consume(NAME, "expected a name to import");
            String asName = match(AS) ? consume(NAME, "expected a name after 'as'").text() : null;
            names.add(new Alias(name.text(), asName, name.line(), name.col()));
            if (lpar == null && check(COMMA) && peekNext().type() == NEWLINE) {
                throw error(peek(), "trailing comma not allowed without surrounding parentheses");
            }
        } while (match(COMMA));
        if (lpar != null) {
            closeBracket(RPAR, lpar, null);
        }
        return new ImportFrom(module, names, kw.line(), kw.col());
    }

    private String dottedName() {
        StringBuilder name = new StringBuilder(consume(NAME, "expected a module name").text());
        while (match(DOT)) {
            name.append('.').append(consume(NAME, "expected a name after '.'").text());
        }
        return name.toString();
    }

    private void checkImportable(String module, Token at) {
        String top = module.contains(".") ? module.substring(0, module.indexOf('.')) : module;
        if (!IMPORTABLE.contains(top)) {
            errors.unsupported(at.line(), at.col(), "import of module '" + module
                    + "' is not supported: only anyio, asyncio, trio and time can be imported");
        }
    }

    /**
     * expression_stmt: star_expressions
     *                | (star_targets '=')+ (star_expressions | yield_expr)
     *                | single_target augassign (star_expressions | yield_expr)
     *                | single_target ':' expression ['=' annotated_rhs]
     */
    private Stmt expressionStatement() {
        Expr first = starExpressions();
        if (match(COLON)) {
            Token colon = previous();
            if (!(first instanceof Name || first instanceof Attribute || first instanceof Subscript)) {
                String what = first instanceof TupleExpr ? "only single target (not tuple) can be annotated"
                        : first instanceof ListExpr ? "only single target (not list) can be annotated"
                        : "illegal target for annotation";
                errors.syntax(first.line(), first.col(), colon.col(), what);
            }
            Expr annotation = expression();
            Expr value = match(EQUAL) ? starExpressions() : null;
            return new AnnAssign(first, annotation, value, first.line(), first.col());
        }
        BinaryOperator augmented = augmentedOperator(peek().type());
        if (augmented != null) {
            advance();
            if (!(first instanceof Name || first instanceof Attribute || first instanceof Subscript)) {
                errors.syntax(first.line(), first.col(), -1,
                        "'" + describe(first) + "' is an illegal expression for augmented assignment");
            }
            return new AugAssign(first, augmented, starExpressions(), first.line(), first.col());
        }
        if (!check(EQUAL)) {
            return new ExprStmt(first, first.line(), first.col());
        }
        List<Expr> targets = new ArrayList<>();
        Expr value = first;
        while (match(EQUAL)) {
            targets.add(value);
            value = starExpressions();
        }
        for (Expr target : targets) {
            checkTarget(target, TargetContext.ASSIGN, true);
        }
        return new Assign(targets, value, first.line(), first.col());
    }

    private static BinaryOperator augmentedOperator(TokenType type) {
        switch (type) {
            case PLUSEQUAL: return BinaryOperator.ADD;
            case MINEQUAL: return BinaryOperator.SUB;
            case STAREQUAL: return BinaryOperator.MUL;
            case SLASHEQUAL: return BinaryOperator.DIV;
            case DOUBLESLASHEQUAL: return BinaryOperator.FLOOR_DIV;
            case PERCENTEQUAL: return BinaryOperator.MOD;
            case DOUBLESTAREQUAL: return BinaryOperator.POW;
            case ATEQUAL: return BinaryOperator.MATMUL;
            case LEFTSHIFTEQUAL: return BinaryOperator.LSHIFT;
            case RIGHTSHIFTEQUAL: return BinaryOperator.RSHIFT;
            case VBAREQUAL: return BinaryOperator.BIT_OR;
            case CIRCUMFLEXEQUAL: return BinaryOperator.BIT_XOR;
            case AMPEREQUAL: return BinaryOperator.BIT_AND;
            default: return null;
        }
    }

    /** Reports (without throwing) a target that cannot be assigned or deleted. */
    private void checkTarget(Expr target, TargetContext context, boolean topLevel) {
        if (target instanceof Name || target instanceof Attribute || target instanceof Subscript) {
            return;
        }
        if (target instanceof TupleExpr || target instanceof ListExpr) {
            List<Expr> elements = target instanceof TupleExpr t ? t.elements() : ((ListExpr) target).elements();
            for (Expr element : elements) {
                checkTarget(element, context, false);
            }
            return;
        }
        if (target instanceof Starred starred && context != TargetContext.DELETE && !topLevel) {
            checkTarget(starred.value(), context, false);
            return;
        }
        String message = context == TargetContext.DELETE ? "cannot delete " + describe(target)
                : "cannot assign to " + describe(target);
        if (topLevel && context == TargetContext.ASSIGN && !(target instanceof Starred)) {
            message += " here. Maybe you meant '==' instead of '='?";
        }
        if (target instanceof Starred && context != TargetContext.DELETE) {
            message = "starred assignment target must be in a list or tuple";
        }
        errors.syntax(target.line(), target.col(), -1, message);
    }

    /** CPython's name for an expression kind in error messages. */
    private static String describe(Expr e) {
        if (e instanceof Call) return "function call";
        if (e instanceof BoolLiteral b) return b.value() ? "True" : "False";
        if (e instanceof NoneLiteral) return "None";
        if (e instanceof EllipsisLiteral) return "ellipsis";
        if (e instanceof IntLiteral || e instanceof FloatLiteral || e instanceof StringLiteral) return "literal";
        if (e instanceof FString) return "f-string expression";
        if (e instanceof Compare) return "comparison";
        if (e instanceof Conditional) return "conditional expression";
        if (e instanceof Lambda) return "lambda";
        if (e instanceof Await) return "await expression";
        if (e instanceof ListComp) return "list comprehension";
        if (e instanceof DictComp) return "dict comprehension";
        if (e instanceof GeneratorExp) return "generator expression";
        if (e instanceof DictExpr) return "dict literal";
        if (e instanceof Starred) return "starred";
        return "expression";
    }

    /** if_stmt: 'if' named_expression ':' block ('elif' named_expression ':' block)* ['else' ':' block] */
    private Stmt ifStatement() {
        // Collected iteratively and folded afterwards: a long elif chain must not recurse.
        List<Token> keywords = new ArrayList<>();
        List<Expr> tests = new ArrayList<>();
        List<List<Stmt>> bodies = new ArrayList<>();
        do {
            Token kw = advance();
            if (keywords.size() >= MAX_TREE_DEPTH) {
                throw error(kw, "too many 'elif' clauses (limit " + MAX_TREE_DEPTH + ")");
            }
            keywords.add(kw);
            tests.add(namedExpression());
            consume(COLON, "expected ':'");
            bodies.add(block("'" + kw.text() + "' statement", kw));
        } while (check(ELIF));
        List<Stmt> orElse = elseBlock();
        for (int i = keywords.size() - 1; i >= 0; i--) {
            Token kw = keywords.get(i);
            orElse = List.of(new If(tests.get(i), bodies.get(i), orElse, kw.line(), kw.col()));
        }
        return orElse.get(0);
    }

    private List<Stmt> elseBlock() {
        if (!match(ELSE)) {
            return List.of();
        }
        Token kw = previous();
        consume(COLON, "expected ':'");
        return block("'else' statement", kw);
    }

    /** while_stmt: 'while' named_expression ':' block ['else' ':' block] */
    private Stmt whileStatement() {
        Token kw = advance();
        Expr test = namedExpression();
        consume(COLON, "expected ':'");
        List<Stmt> body = loopBody("'while' statement", kw);
        return new While(test, body, elseBlock(), kw.line(), kw.col());
    }

    /** for_stmt: 'for' star_targets 'in' star_expressions ':' block ['else' ':' block] */
    private Stmt forStatement(Token start) {
        Token kw = start.type() == FOR ? start : previous();
        Expr target = targetList();
        checkTarget(target, TargetContext.FOR, false);
        consume(IN, "expected 'in'");
        Expr iter = starExpressions();
        consume(COLON, "expected ':'");
        List<Stmt> body = loopBody("'for' statement", kw);
        return new For(target, iter, body, elseBlock(), start.line(), start.col());
    }

    private List<Stmt> loopBody(String what, Token kw) {
        loopDepth++;
        try {
            return block(what, kw);
        } finally {
            loopDepth--;
        }
    }

    /** try_stmt: 'try' ':' block (except_block+ [else_block] [finally_block] | finally_block) */
    private Stmt tryStatement() {
        Token kw = advance();
        consume(COLON, "expected ':'");
        List<Stmt> body = block("'try' statement", kw);
        List<ExceptHandler> handlers = new ArrayList<>();
        while (check(EXCEPT)) {
            handlers.add(exceptBlock(handlers));
        }
        List<Stmt> orElse = List.of();
        if (check(ELSE)) {
            if (handlers.isEmpty()) {
                throw error(peek(), "invalid syntax");
            }
            orElse = elseBlock();
        }
        List<Stmt> finalBody = List.of();
        if (match(FINALLY)) {
            Token fin = previous();
            consume(COLON, "expected ':'");
            finalBody = block("'finally' statement", fin);
        } else if (handlers.isEmpty()) {
            Token next = peek();
            errors.syntax(next.line(), next.col(), -1, "expected 'except' or 'finally' block");
        }
        return new Try(body, handlers, orElse, finalBody, kw.line(), kw.col());
    }

    /** except_block: 'except' [expression ['as' NAME]] ':' block */
    private ExceptHandler exceptBlock(List<ExceptHandler> previousHandlers) {
        Token kw = advance();
        if (!previousHandlers.isEmpty() && previousHandlers.get(previousHandlers.size() - 1).type() == null) {
            errors.syntax(kw.line(), kw.col(), -1, "default 'except:' must be last");
        }
        boolean star = false;
        if (check(STAR)) {
            Token st = advance();
            star = true;
            if (!previousHandlers.isEmpty() && !previousHandlers.get(0).star()) {
                errors.syntax(st.line(), st.col(), -1, "cannot have both 'except' and 'except*' on the same 'try'");
            }
            if (check(COLON)) {
                throw error(peek(), "expected one or more exception types");
            }
        } else if (!previousHandlers.isEmpty() && previousHandlers.get(0).star()) {
            errors.syntax(kw.line(), kw.col(), -1, "cannot have both 'except' and 'except*' on the same 'try'");
        }
        Expr type = null;
        String name = null;
        if (!check(COLON)) {
            type = expression();
            if (check(COMMA)) {
                throw error(type, "multiple exception types must be parenthesized");
            }
            if (match(AS)) {
                name = consume(NAME, "expected a name after 'as'").text();
            }
        }
        consume(COLON, "expected ':'");
        List<Stmt> body = block("'except' statement", kw);
        return new ExceptHandler(type, name, body, star, kw.line(), kw.col());
    }

    /** with_stmt: ['async'] 'with' ( '(' with_item, ... ')' | with_item, ... ) ':' block */
    private Stmt withStatement(Token start, boolean isAsync) {
        Token kw = isAsync ? previous() : start;
        List<WithItem> items = new ArrayList<>();
        if (check(LPAR) && parenthesizedWithItems()) {
            Token lpar = advance();
            do {
                if (check(RPAR)) {
                    break;
                }
                items.add(withItem());
            } while (match(COMMA));
            closeBracket(RPAR, lpar, null);
        } else {
            do {
                items.add(withItem());
            } while (match(COMMA));
        }
        consume(COLON, "expected ':'");
        List<Stmt> body = block("'with' statement", kw);
        return new With(items, body, isAsync, start.line(), start.col());
    }

    /** Tells {@code with (a as b, c):} from {@code with (a, b):} by looking for a top-level 'as'. */
    private boolean parenthesizedWithItems() {
        int depth = 0;
        for (int i = current; i < tokens.size(); i++) {
            TokenType type = tokens.get(i).type();
            if (type == LPAR || type == LSQB || type == LBRACE) {
                depth++;
            } else if (type == RPAR || type == RSQB || type == RBRACE) {
                depth--;
                if (depth == 0) {
                    return i + 1 < tokens.size() && tokens.get(i + 1).type() == COLON;
                }
            } else if (depth == 1 && type == AS) {
                return true;
            } else if (type == NEWLINE || type == EOF) {
                return false;
            }
        }
        return false;
    }

    private WithItem withItem() {
        Expr context = expression();
        Expr target = null;
        if (match(AS)) {
            target = starTarget();
            checkTarget(target, TargetContext.WITH, false);
        }
        return new WithItem(context, target, context.line(), context.col());
    }

    /** 'async' ('def' | 'with' | 'for') */
    private void asyncStatement(List<Stmt> into) {
        Token kw = advance();
        if (match(DEF)) {
            into.add(functionDef(kw, true));
        } else if (match(WITH)) {
            if (!inAsyncFunction) {
                errors.syntax(kw.line(), kw.col(), -1, "'async with' outside async function");
            }
            into.add(withStatement(kw, true));
        } else if (match(FOR)) {
            errors.unsupported(kw.line(), kw.col(), "'async for' is not supported");
            forStatement(kw);
        } else {
            throw error(peek(), "invalid syntax");
        }
    }

    /** function_def: ['async'] 'def' NAME '(' [params] ')' ['->' expression] ':' block */
    private Stmt functionDef(Token start, boolean isAsync) {
        Token name = consume(NAME, "expected a function name after 'def'");
        Token lpar = consume(LPAR, "expected '('");
        Parameters params = parameters(RPAR, true, lpar);
        closeBracket(RPAR, lpar, null);
        Expr returns = match(ARROW) ? expression() : null;
        consume(COLON, "expected ':'");
        boolean savedFunction = inFunction;
        boolean savedAsync = inAsyncFunction;
        int savedLoops = loopDepth;
        inFunction = true;
        inAsyncFunction = isAsync;
        loopDepth = 0;
        try {
            List<Stmt> body = block("function definition", start);
            return new FunctionDef(name.text(), params, body, isAsync, returns, start.line(), start.col());
        } finally {
            inFunction = savedFunction;
            inAsyncFunction = savedAsync;
            loopDepth = savedLoops;
        }
    }

    /**
     * params: param (',' param)* with '/', '*', '*args', '**kwargs' in their places; shared by
     * def (closer ')', annotations allowed) and lambda (closer ':').
     */
    private Parameters parameters(TokenType closer, boolean annotations, Token start) {
        List<Param> positional = new ArrayList<>();
        List<Param> keywordOnly = new ArrayList<>();
        Param varArgs = null;
        Param kwArgs = null;
        int positionalOnly = 0;
        boolean seenStar = false;
        Set<String> names = new HashSet<>();
        while (!check(closer) && !isAtEnd()) {
            if (kwArgs != null) {
                throw error(peek(), "arguments cannot follow var-keyword argument");
            }
            if (match(STAR)) {
                Token star = previous();
                if (seenStar) {
                    throw error(star, "* argument may appear only once");
                }
                seenStar = true;
                if (check(NAME)) {
                    varArgs = param(annotations, false, names);
                } else if (check(closer) || (check(COMMA) && peekNext().type() == closer)) {
                    throw error(star, "named arguments must follow bare *");
                }
            } else if (match(DOUBLESTAR)) {
                kwArgs = param(annotations, false, names);
            } else if (match(SLASH)) {
                if (seenStar || positionalOnly > 0 || positional.isEmpty()) {
                    throw error(previous(), "invalid syntax");
                }
                positionalOnly = positional.size();
            } else {
                Param p = param(annotations, true, names);
                if (seenStar) {
                    keywordOnly.add(p);
                } else {
                    if (p.defaultValue() == null && !positional.isEmpty()
                            && positional.get(positional.size() - 1).defaultValue() != null) {
                        errors.syntax(p.line(), p.col(), -1, "non-default argument follows default argument");
                    }
                    positional.add(p);
                }
            }
            if (!match(COMMA)) {
                break;
            }
        }
        return new Parameters(positional, positionalOnly, varArgs, keywordOnly, kwArgs, start.line(), start.col());
    }

    private Param param(boolean annotations, boolean allowDefault, Set<String> names) {
        Token name = consume(NAME, "expected a parameter name");
        if (!names.add(name.text())) {
            errors.syntax(name.line(), name.col(), name.endCol(),
                    "duplicate argument '" + name.text() + "' in function definition");
        }
        Expr annotation = annotations && match(COLON) ? expression() : null;
        Expr defaultValue = allowDefault && match(EQUAL) ? expression() : null;
        return new Param(name.text(), annotation, defaultValue, name.line(), name.col());
    }

    /** class_def: parsed so that its body is checked too, then dropped (outside the subset). */
    private void classDef() {
        Token kw = advance();
        errors.unsupported(kw.line(), kw.col(), "class definitions are not supported");
        consume(NAME, "expected a class name");
        if (check(LPAR)) {
            call(new NoneLiteral(kw.line(), kw.col()), advance());
        }
        consume(COLON, "expected ':'");
        boolean savedFunction = inFunction;
        boolean savedAsync = inAsyncFunction;
        int savedLoops = loopDepth;
        inFunction = false;
        inAsyncFunction = false;
        loopDepth = 0;
        try {
            block("class definition", kw);
        } finally {
            inFunction = savedFunction;
            inAsyncFunction = savedAsync;
            loopDepth = savedLoops;
        }
    }

    /** decorators: ('@' named_expression NEWLINE)+ then a def or class (kept without them). */
    private void decorated(List<Stmt> into) {
        while (check(AT)) {
            Token at = advance();
            errors.unsupported(at.line(), at.col(), "decorators are not supported");
            namedExpression();
            consume(NEWLINE, "expected a newline after the decorator");
        }
        statement(into);
    }

    /** 'match' is a soft keyword: a line 'match ...:' followed by a block is a match statement. */
    private boolean isMatchStatement() {
        if (!check(NAME) || !peek().text().equals("match")) {
            return false;
        }
        TokenType next = peekNext().type();
        if (next == EQUAL || next == DOT || next == NEWLINE || augmentedOperator(next) != null) {
            return false;
        }
        int i = current;
        while (i < tokens.size() && tokens.get(i).type() != NEWLINE && tokens.get(i).type() != EOF) {
            i++;
        }
        return i + 1 < tokens.size() && tokens.get(i - 1).type() == COLON && tokens.get(i + 1).type() == INDENT;
    }

    private void matchStatement() {
        Token kw = peek();
        errors.unsupported(kw.line(), kw.col(), "'match' statements are not supported");
        synchronize();
    }

    // ===================================================================== expressions

    /** star_expressions: star_expression (',' star_expression)* [','] */
    private Expr starExpressions() {
        Expr first = starExpression();
        if (!check(COMMA)) {
            return first;
        }
        List<Expr> elements = new ArrayList<>();
        elements.add(first);
        while (match(COMMA)) {
            if (!startsExpression(peek())) {
                break;
            }
            elements.add(starExpression());
        }
        return new TupleExpr(elements, first.line(), first.col());
    }

    /** star_expression: '*' bitwise_or | expression */
    private Expr starExpression() {
        if (match(STAR)) {
            Token star = previous();
            return new Starred(bitwiseOr(), star.line(), star.col());
        }
        return expression();
    }

    /** star_named_expression: '*' bitwise_or | named_expression */
    private Expr starNamedExpression() {
        if (match(STAR)) {
            Token star = previous();
            return new Starred(bitwiseOr(), star.line(), star.col());
        }
        return namedExpression();
    }

    /** named_expression: NAME ':=' expression (outside the subset) | expression */
    private Expr namedExpression() {
        if (check(NAME) && peekNext().type() == COLONEQUAL) {
            Token name = advance();
            Token walrus = advance();
            errors.unsupported(walrus.line(), walrus.col(), "the walrus operator ':=' is not supported");
            expression();
            return new Name(name.text(), name.line(), name.col());
        }
        return expression();
    }

    /** expression: disjunction ['if' disjunction 'else' expression] | lambdef */
    private Expr expression() {
        if (check(LAMBDA)) {
            return lambda();
        }
        Expr body = disjunction();
        if (!match(IF)) {
            return body;
        }
        Token kw = previous();
        Expr test = disjunction();
        consume(ELSE, "expected 'else' after 'if' expression");
        enterNesting(kw);
        try {
            return new Conditional(test, body, expression(), body.line(), body.col());
        } finally {
            exitNesting();
        }
    }

    /** lambdef: 'lambda' [params] ':' expression */
    private Expr lambda() {
        Token kw = advance();
        enterNesting(kw);
        try {
            Parameters params = parameters(COLON, false, kw);
            consume(COLON, "expected ':'");
            boolean savedFunction = inFunction;
            boolean savedAsync = inAsyncFunction;
            int savedLoops = loopDepth;
            inFunction = true;
            inAsyncFunction = false;
            loopDepth = 0;
            try {
                return new Lambda(params, expression(), kw.line(), kw.col());
            } finally {
                inFunction = savedFunction;
                inAsyncFunction = savedAsync;
                loopDepth = savedLoops;
            }
        } finally {
            exitNesting();
        }
    }

    /** disjunction: conjunction ('or' conjunction)* */
    private Expr disjunction() {
        Expr first = conjunction();
        if (!check(OR)) {
            return first;
        }
        List<Expr> values = new ArrayList<>();
        values.add(first);
        while (match(OR)) {
            values.add(conjunction());
        }
        return new BoolOp(BoolOperator.OR, values, first.line(), first.col());
    }

    /** conjunction: inversion ('and' inversion)* */
    private Expr conjunction() {
        Expr first = inversion();
        if (!check(AND)) {
            return first;
        }
        List<Expr> values = new ArrayList<>();
        values.add(first);
        while (match(AND)) {
            values.add(inversion());
        }
        return new BoolOp(BoolOperator.AND, values, first.line(), first.col());
    }

    /** inversion: 'not' inversion | comparison */
    private Expr inversion() {
        if (!match(NOT)) {
            return comparison();
        }
        Token kw = previous();
        enterNesting(kw);
        try {
            return new UnaryOp(UnaryOperator.NOT, inversion(), kw.line(), kw.col());
        } finally {
            exitNesting();
        }
    }

    /** comparison: bitwise_or (compare_op bitwise_or)* */
    private Expr comparison() {
        Expr left = bitwiseOr();
        List<CompareOperator> ops = new ArrayList<>();
        List<Expr> comparators = new ArrayList<>();
        CompareOperator op;
        while ((op = compareOperator()) != null) {
            ops.add(op);
            comparators.add(bitwiseOr());
        }
        return ops.isEmpty() ? left : new Compare(left, ops, comparators, left.line(), left.col());
    }

    private CompareOperator compareOperator() {
        switch (peek().type()) {
            case EQEQUAL: advance(); return CompareOperator.EQ;
            case NOTEQUAL: advance(); return CompareOperator.NOT_EQ;
            case LESS: advance(); return CompareOperator.LT;
            case LESSEQUAL: advance(); return CompareOperator.LT_E;
            case GREATER: advance(); return CompareOperator.GT;
            case GREATEREQUAL: advance(); return CompareOperator.GT_E;
            case IN: advance(); return CompareOperator.IN;
            case IS:
                advance();
                return match(NOT) ? CompareOperator.IS_NOT : CompareOperator.IS;
            case NOT:
                if (peekNext().type() != IN) {
                    return null;
                }
                advance();
                advance();
                return CompareOperator.NOT_IN;
            default:
                return null;
        }
    }

    /** bitwise_or: bitwise_or '|' bitwise_xor | bitwise_xor */
    private Expr bitwiseOr() {
        Expr expr = bitwiseXor();
        int saved = treeDepth;
        try {
            while (match(VBAR)) {
                deepen(previous());
                expr = new BinOp(expr, BinaryOperator.BIT_OR, bitwiseXor(), expr.line(), expr.col());
            }
        } finally {
            treeDepth = saved;
        }
        return expr;
    }

    /** bitwise_xor: bitwise_xor '^' bitwise_and | bitwise_and */
    private Expr bitwiseXor() {
        Expr expr = bitwiseAnd();
        int saved = treeDepth;
        try {
            while (match(CIRCUMFLEX)) {
                deepen(previous());
                expr = new BinOp(expr, BinaryOperator.BIT_XOR, bitwiseAnd(), expr.line(), expr.col());
            }
        } finally {
            treeDepth = saved;
        }
        return expr;
    }

    /** bitwise_and: bitwise_and '&' shift_expr | shift_expr */
    private Expr bitwiseAnd() {
        Expr expr = shiftExpr();
        int saved = treeDepth;
        try {
            while (match(AMPER)) {
                deepen(previous());
                expr = new BinOp(expr, BinaryOperator.BIT_AND, shiftExpr(), expr.line(), expr.col());
            }
        } finally {
            treeDepth = saved;
        }
        return expr;
    }

    /** shift_expr: shift_expr ('<<' | '>>') sum | sum */
    private Expr shiftExpr() {
        Expr expr = sum();
        int saved = treeDepth;
        try {
            while (match(LEFTSHIFT, RIGHTSHIFT)) {
                Token op = previous();
                deepen(op);
                BinaryOperator operator = op.type() == LEFTSHIFT ? BinaryOperator.LSHIFT : BinaryOperator.RSHIFT;
                expr = new BinOp(expr, operator, sum(), expr.line(), expr.col());
            }
        } finally {
            treeDepth = saved;
        }
        return expr;
    }

    /** sum: sum ('+' | '-') term | term */
    private Expr sum() {
        Expr expr = term();
        int saved = treeDepth;
        try {
            while (match(PLUS, MINUS)) {
                Token op = previous();
                deepen(op);
                BinaryOperator operator = op.type() == PLUS ? BinaryOperator.ADD : BinaryOperator.SUB;
                expr = new BinOp(expr, operator, term(), expr.line(), expr.col());
            }
        } finally {
            treeDepth = saved;
        }
        return expr;
    }

    /** term: term ('*' | '/' | '//' | '%' | '@') factor | factor */
    private Expr term() {
        Expr expr = factor();
        int saved = treeDepth;
        try {
            while (match(STAR, SLASH, DOUBLESLASH, PERCENT, AT)) {
                Token op = previous();
                deepen(op);
                BinaryOperator operator = switch (op.type()) {
                    case STAR -> BinaryOperator.MUL;
                    case SLASH -> BinaryOperator.DIV;
                    case DOUBLESLASH -> BinaryOperator.FLOOR_DIV;
                    case PERCENT -> BinaryOperator.MOD;
                    default -> BinaryOperator.MATMUL;
                };
                expr = new BinOp(expr, operator, factor(), expr.line(), expr.col());
            }
        } finally {
            treeDepth = saved;
        }
        return expr;
    }

    /** factor: ('+' | '-' | '~') factor | power */
    private Expr factor() {
        if (!match(PLUS, MINUS, TILDE)) {
            return power();
        }
        Token op = previous();
        UnaryOperator operator = op.type() == PLUS ? UnaryOperator.POS
                : op.type() == MINUS ? UnaryOperator.NEG : UnaryOperator.INVERT;
        enterNesting(op);
        try {
            return new UnaryOp(operator, factor(), op.line(), op.col());
        } finally {
            exitNesting();
        }
    }

    /** power: await_primary ['**' factor] -- the factor makes '**' right-associative and -2**2 == -4. */
    private Expr power() {
        Expr base = awaitPrimary();
        if (!match(DOUBLESTAR)) {
            return base;
        }
        enterNesting(previous());
        try {
            return new BinOp(base, BinaryOperator.POW, factor(), base.line(), base.col());
        } finally {
            exitNesting();
        }
    }

    /** await_primary: 'await' primary | primary */
    private Expr awaitPrimary() {
        if (!match(AWAIT)) {
            return primary();
        }
        Token kw = previous();
        awaitCount++;
        if (!inFunction) {
            errors.syntax(kw.line(), kw.col(), -1, "'await' outside function");
        } else if (!inAsyncFunction) {
            errors.syntax(kw.line(), kw.col(), -1, "'await' outside async function");
        }
        return new Await(primary(), kw.line(), kw.col());
    }

    /** primary: atom ('.' NAME | '(' arguments ')' | '[' slices ']')* */
    private Expr primary() {
        Expr expr = atom();
        int saved = treeDepth;
        try {
            while (true) {
                if (match(DOT)) {
                    deepen(previous());
                    Token name = consume(NAME, "expected an attribute name after '.'");
                    expr = new Attribute(expr, name.text(), expr.line(), expr.col());
                } else if (match(LPAR)) {
                    deepen(previous());
                    expr = call(expr, previous());
                } else if (match(LSQB)) {
                    deepen(previous());
                    expr = subscript(expr, previous());
                } else {
                    return expr;
                }
            }
        } finally {
            treeDepth = saved;
        }
    }

    /** arguments: (starred | '**' expression | NAME '=' expression | expression)... */
    private Expr call(Expr func, Token lpar) {
        enterNesting(lpar);
        try {
            List<Expr> args = new ArrayList<>();
            List<Keyword> keywords = new ArrayList<>();
            Expr last = null;
            while (!check(RPAR) && !isAtEnd()) {
                last = argument(args, keywords);
                if (last instanceof GeneratorExp && (args.size() + keywords.size() > 1 || check(COMMA))) {
                    throw error(last, "Generator expression must be parenthesized");
                }
                if (!match(COMMA)) {
                    break;
                }
            }
            closeBracket(RPAR, lpar, last);
            return new Call(func, args, keywords, func.line(), func.col());
        } finally {
            exitNesting();
        }
    }

    private Expr argument(List<Expr> args, List<Keyword> keywords) {
        Token start = peek();
        if (match(STAR)) {
            Expr value = expression();
            if (keywords.stream().anyMatch(k -> k.name() == null)) {
                errors.syntax(start.line(), start.col(), -1,
                        "iterable argument unpacking follows keyword argument unpacking");
            }
            args.add(new Starred(value, start.line(), start.col()));
            return value;
        }
        if (match(DOUBLESTAR)) {
            Expr value = expression();
            keywords.add(new Keyword(null, value, start.line(), start.col()));
            return value;
        }
        if (check(NAME) && peekNext().type() == EQUAL) {
            Token name = advance();
            advance();
            Expr value = expression();
            keywords.add(new Keyword(name.text(), value, name.line(), name.col()));
            return value;
        }
        int awaitsBefore = awaitCount;
        Expr value = namedExpression();
        if (startsComprehension()) {
            value = new GeneratorExp(value, comprehensionClauses(awaitsBefore), value.line(), value.col());
        }
        if (!keywords.isEmpty()) {
            boolean afterUnpacking = keywords.stream().anyMatch(k -> k.name() == null);
            errors.syntax(value.line(), value.col(), -1, afterUnpacking
                    ? "positional argument follows keyword argument unpacking"
                    : "positional argument follows keyword argument");
        }
        args.add(value);
        return value;
    }

    /** slices: slice (',' slice)* [','] -- several make a tuple index. */
    private Expr subscript(Expr value, Token lsqb) {
        enterNesting(lsqb);
        try {
            Expr first = slice();
            Expr index = first;
            if (check(COMMA)) {
                List<Expr> elements = new ArrayList<>();
                elements.add(first);
                while (match(COMMA)) {
                    if (check(RSQB)) {
                        break;
                    }
                    elements.add(slice());
                }
                index = new TupleExpr(elements, first.line(), first.col());
            }
            closeBracket(RSQB, lsqb, index);
            return new Subscript(value, index, value.line(), value.col());
        } finally {
            exitNesting();
        }
    }

    /** slice: [expression] ':' [expression] [':' [expression]] | star_named_expression */
    private Expr slice() {
        Token start = peek();
        Expr lower = null;
        if (!check(COLON)) {
            lower = starNamedExpression();
            if (!check(COLON)) {
                return lower;
            }
        }
        advance();
        Expr upper = check(COLON) || check(RSQB) || check(COMMA) ? null : expression();
        Expr step = null;
        if (match(COLON) && !check(RSQB) && !check(COMMA)) {
            step = expression();
        }
        return new Slice(lower, upper, step, start.line(), start.col());
    }

    /** atom: NAME | 'True' | 'False' | 'None' | '...' | strings | NUMBER | tuple | group | list | dict */
    private Expr atom() {
        Token t = peek();
        switch (t.type()) {
            case NAME:
                advance();
                return new Name(t.text(), t.line(), t.col());
            case NUMBER:
                advance();
                return t.value() instanceof BigInteger i ? new IntLiteral(i, t.line(), t.col())
                        : new FloatLiteral((Double) t.value(), t.line(), t.col());
            case STRING:
                return strings();
            case TRUE:
            case FALSE:
                advance();
                return new BoolLiteral(t.type() == TRUE, t.line(), t.col());
            case NONE:
                advance();
                return new NoneLiteral(t.line(), t.col());
            case ELLIPSIS:
                advance();
                return new EllipsisLiteral(t.line(), t.col());
            case LPAR:
                return group();
            case LSQB:
                return listDisplay();
            case LBRACE:
                return dictOrSet();
            case YIELD:
                return yieldExpression();
            default:
                throw error(t, t.type() == INDENT ? "unexpected indent" : "invalid syntax");
        }
    }

    /** tuple | group | genexp: '(' [star_named_expression (',' ...)* | named_expression for_if_clauses] ')' */
    private Expr group() {
        Token lpar = advance();
        enterNesting(lpar);
        try {
            if (match(RPAR)) {
                return new TupleExpr(List.of(), lpar.line(), lpar.col());
            }
            if (check(YIELD)) {
                Expr value = yieldExpression();
                closeBracket(RPAR, lpar, value);
                return value;
            }
            int awaitsBefore = awaitCount;
            Expr first = starNamedExpression();
            if (startsComprehension()) {
                List<Comprehension> generators = comprehensionClauses(awaitsBefore);
                closeBracket(RPAR, lpar, first);
                return new GeneratorExp(first, generators, lpar.line(), lpar.col());
            }
            if (!check(COMMA)) {
                closeBracket(RPAR, lpar, first);
                return first;
            }
            List<Expr> elements = elementsAfter(first, RPAR);
            closeBracket(RPAR, lpar, elements.get(elements.size() - 1));
            return new TupleExpr(elements, lpar.line(), lpar.col());
        } finally {
            exitNesting();
        }
    }

    /** list | listcomp: '[' [star_named_expression (',' ...)* | named_expression for_if_clauses] ']' */
    private Expr listDisplay() {
        Token lsqb = advance();
        enterNesting(lsqb);
        try {
            if (match(RSQB)) {
                return new ListExpr(List.of(), lsqb.line(), lsqb.col());
            }
            int awaitsBefore = awaitCount;
            Expr first = starNamedExpression();
            if (startsComprehension()) {
                List<Comprehension> generators = comprehensionClauses(awaitsBefore);
                closeBracket(RSQB, lsqb, first);
                return new ListComp(first, generators, lsqb.line(), lsqb.col());
            }
            List<Expr> elements = elementsAfter(first, RSQB);
            closeBracket(RSQB, lsqb, elements.get(elements.size() - 1));
            return new ListExpr(elements, lsqb.line(), lsqb.col());
        } finally {
            exitNesting();
        }
    }

    private List<Expr> elementsAfter(Expr first, TokenType closer) {
        List<Expr> elements = new ArrayList<>();
        elements.add(first);
        while (match(COMMA)) {
            if (check(closer)) {
                break;
            }
            elements.add(starNamedExpression());
        }
        return elements;
    }

    /** dict | dictcomp | set | setcomp (sets are outside the subset) */
    private Expr dictOrSet() {
        Token lbrace = advance();
        enterNesting(lbrace);
        try {
            if (match(RBRACE)) {
                return new DictExpr(List.of(), lbrace.line(), lbrace.col());
            }
            int awaitsBefore = awaitCount;
            if (check(DOUBLESTAR)) {
                return dictEntries(lbrace, null);
            }
            Expr first = starNamedExpression();
            if (match(COLON)) {
                Expr value = expression();
                if (startsComprehension()) {
                    List<Comprehension> generators = comprehensionClauses(awaitsBefore);
                    closeBracket(RBRACE, lbrace, value);
                    return new DictComp(first, value, generators, lbrace.line(), lbrace.col());
                }
                return dictEntries(lbrace, new DictEntry(first, value, first.line(), first.col()));
            }
            if (startsComprehension()) {
                errors.unsupported(lbrace.line(), lbrace.col(), "set comprehensions are not supported");
                List<Comprehension> generators = comprehensionClauses(awaitsBefore);
                closeBracket(RBRACE, lbrace, first);
                return new ListComp(first, generators, lbrace.line(), lbrace.col());
            }
            errors.unsupported(lbrace.line(), lbrace.col(), "set literals are not supported");
            List<Expr> elements = elementsAfter(first, RBRACE);
            closeBracket(RBRACE, lbrace, elements.get(elements.size() - 1));
            return new ListExpr(elements, lbrace.line(), lbrace.col());
        } finally {
            exitNesting();
        }
    }

    /** The remaining 'key: value' and '**mapping' entries of a dict display, then '}'. */
    private Expr dictEntries(Token lbrace, DictEntry first) {
        List<DictEntry> entries = new ArrayList<>();
        if (first != null) {
            entries.add(first);
            if (!match(COMMA)) {
                closeDict(lbrace, first.value());
                return new DictExpr(entries, lbrace.line(), lbrace.col());
            }
        }
        while (!check(RBRACE) && !isAtEnd()) {
            entries.add(dictEntry());
            if (!match(COMMA)) {
                break;
            }
        }
        closeDict(lbrace, entries.isEmpty() ? null : entries.get(entries.size() - 1).value());
        return new DictExpr(entries, lbrace.line(), lbrace.col());
    }

    private DictEntry dictEntry() {
        Token start = peek();
        if (match(DOUBLESTAR)) {
            return new DictEntry(null, bitwiseOr(), start.line(), start.col());
        }
        Expr key = expression();
        if (!check(COLON)) {
            throw error(peek(), "':' expected after dictionary key");
        }
        advance();
        return new DictEntry(key, expression(), start.line(), start.col());
    }

    private void closeDict(Token lbrace, Expr last) {
        if (check(COLON)) {
            throw error(peek(), "invalid syntax");
        }
        closeBracket(RBRACE, lbrace, last);
    }

    private boolean startsComprehension() {
        return check(FOR) || (check(ASYNC) && peekNext().type() == FOR);
    }

    /** for_if_clauses: (['async'] 'for' star_targets 'in' disjunction ('if' disjunction)*)+ */
    private List<Comprehension> comprehensionClauses(int awaitsBefore) {
        List<Comprehension> generators = new ArrayList<>();
        Token first = peek();
        while (startsComprehension()) {
            Token start = peek();
            if (match(ASYNC)) {
                errors.unsupported(start.line(), start.col(), "'async for' in comprehensions is not supported");
            }
            consume(FOR, "expected 'for'");
            Expr target = targetList();
            checkTarget(target, TargetContext.COMPREHENSION, false);
            consume(IN, "expected 'in'");
            Expr iter = disjunction();
            List<Expr> ifs = new ArrayList<>();
            while (match(IF)) {
                ifs.add(disjunction());
            }
            generators.add(new Comprehension(target, iter, ifs, start.line(), start.col()));
        }
        if (awaitCount > awaitsBefore) {
            errors.unsupported(first.line(), first.col(), "'await' inside comprehensions is not supported");
        }
        return generators;
    }

    /** star_targets up to 'in' (for loops and comprehensions): parsed below comparisons so 'in' stops them. */
    private Expr targetList() {
        Expr first = starTarget();
        if (!check(COMMA)) {
            return first;
        }
        List<Expr> elements = new ArrayList<>();
        elements.add(first);
        while (match(COMMA)) {
            if (check(IN) || !startsExpression(peek())) {
                break;
            }
            elements.add(starTarget());
        }
        return new TupleExpr(elements, first.line(), first.col());
    }

    private Expr starTarget() {
        if (match(STAR)) {
            Token star = previous();
            return new Starred(bitwiseOr(), star.line(), star.col());
        }
        return bitwiseOr();
    }

    /** yield_expr: outside the subset; parsed so that the rest of the line is still checked. */
    private Expr yieldExpression() {
        Token kw = advance();
        errors.unsupported(kw.line(), kw.col(), "'yield' is not supported (generators are outside the subset)");
        enterNesting(kw);
        try {
            match(FROM);
            return startsExpression(peek()) ? starExpressions() : new NoneLiteral(kw.line(), kw.col());
        } finally {
            exitNesting();
        }
    }

    /** strings: STRING+ -- adjacent literals concatenate; any f-string makes the whole an f-string. */
    private Expr strings() {
        Token first = peek();
        List<Token> pieces = new ArrayList<>();
        while (check(STRING)) {
            pieces.add(advance());
        }
        boolean anyF = false;
        boolean anyBytes = false;
        boolean allBytes = true;
        for (Token piece : pieces) {
            Token.StringPiece p = (Token.StringPiece) piece.value();
            anyF |= p.isF();
            anyBytes |= p.isBytes();
            allBytes &= p.isBytes();
        }
        if (anyBytes && !allBytes) {
            errors.syntax(first.line(), first.col(), -1, "cannot mix bytes and nonbytes literals");
        } else if (anyBytes) {
            errors.unsupported(first.line(), first.col(), "bytes literals are not supported");
        }
        if (!anyF) {
            StringBuilder value = new StringBuilder();
            for (Token piece : pieces) {
                value.append(((Token.StringPiece) piece.value()).decoded());
            }
            return new StringLiteral(value.toString(), first.line(), first.col());
        }
        FStringBuilder parts = new FStringBuilder();
        for (Token piece : pieces) {
            Token.StringPiece p = (Token.StringPiece) piece.value();
            if (p.isF()) {
                new FStringParser(source, p, errors, this).parseInto(parts);
            } else {
                parts.text(p.decoded(), piece.line(), piece.col());
            }
        }
        return new FString(parts.parts(), first.line(), first.col());
    }

    /**
     * The expression of an f-string field {@code source[start, end)}, parsed by a sub-parser
     * that shares this parser's error collector, function context and depth budget.
     */
    Expr fieldExpression(int start, int end, int line, int col) {
        List<Token> fieldTokens = Scanner.scanField(source, start, end, line, col, errors);
        Parser sub = new Parser(source, fieldTokens, errors);
        sub.inFunction = inFunction;
        sub.inAsyncFunction = inAsyncFunction;
        sub.loopDepth = loopDepth;
        sub.nesting = nesting;
        sub.treeDepth = treeDepth;
        Expr value = sub.starExpressionsOrYield();
        awaitCount += sub.awaitCount;
        if (!sub.isAtEnd()) {
            throw sub.error(sub.peek(), "f-string: invalid syntax");
        }
        return value;
    }

    private Expr starExpressionsOrYield() {
        return check(YIELD) ? yieldExpression() : starExpressions();
    }

    /** Lets the f-string parser abandon the statement after reporting an error. */
    RuntimeException fStringError() {
        return new ParseError();
    }

    // ===================================================================== helpers

    /** Closes a bracket or reports why it cannot: CPython's "forgot a comma?" guess when an expression follows. */
    private void closeBracket(TokenType closer, Token open, Expr last) {
        if (match(closer)) {
            return;
        }
        Token next = peek();
        if (last != null && startsExpression(next) && next.type() != STAR) {
            int endCol = next.line() == last.line() ? next.endCol() : -1;
            errors.syntax(last.line(), last.col(), endCol, "invalid syntax. Perhaps you forgot a comma?");
            throw new ParseError();
        }
        if (next.type() == EOF || next.type() == NEWLINE) {
            throw error(open, "'" + open.text() + "' was never closed");
        }
        throw error(next, "invalid syntax");
    }

    private static boolean startsExpression(Token t) {
        switch (t.type()) {
            case NAME: case NUMBER: case STRING: case LPAR: case LSQB: case LBRACE: case MINUS: case PLUS:
            case TILDE: case NOT: case LAMBDA: case AWAIT: case TRUE: case FALSE: case NONE: case STAR:
            case ELLIPSIS: case YIELD:
                return true;
            default:
                return false;
        }
    }

    /** Counts one level of recursion; refuses to go deeper than CPython's own limits. */
    private void enterNesting(Token at) {
        if (nesting >= MAX_NESTING) {
            boolean bracket = at.type() == LPAR || at.type() == LSQB || at.type() == LBRACE;
            throw error(at, bracket ? "too many nested parentheses"
                    : "too many nested expressions (limit " + MAX_NESTING + ")");
        }
        if (treeDepth >= MAX_TREE_DEPTH) {
            throw error(at, "expression too complex (more than " + MAX_TREE_DEPTH + " nested operations)");
        }
        nesting++;
        treeDepth++;
    }

    private void exitNesting() {
        nesting--;
        treeDepth--;
    }

    /** One more link of a left-associative chain; callers restore treeDepth when the chain ends. */
    private void deepen(Token at) {
        if (++treeDepth > MAX_TREE_DEPTH) {
            throw error(at, "expression too complex (more than " + MAX_TREE_DEPTH + " nested operations)");
        }
    }

    private boolean match(TokenType... types) {
        for (TokenType type : types) {
            if (check(type)) {
                advance();
                return true;
            }
        }
        return false;
    }

    private boolean match(TokenType type) {
        if (!check(type)) {
            return false;
        }
        advance();
        return true;
    }

    private boolean check(TokenType type) {
        return peek().type() == type;
    }

    /** Consumes the expected token or reports the message just after the previous token, like CPython. */
    private Token consume(TokenType type, String message) {
        if (check(type)) {
            return advance();
        }
        if (message.startsWith("expected '") && current > 0 && peek().type() != EOF) {
            Token prev = previous();
            errors.syntax(prev.endLine(), prev.endCol(), -1, message);
            throw new ParseError();
        }
        throw error(peek(), message);
    }

    private Token advance() {
        if (!isAtEnd()) {
            current++;
        }
        return previous();
    }

    private boolean isAtEnd() {
        return peek().type() == EOF;
    }

    private Token peek() {
        return tokens.get(current);
    }

    private Token peekNext() {
        return tokens.get(Math.min(current + 1, tokens.size() - 1));
    }

    private Token previous() {
        return tokens.get(Math.max(current - 1, 0));
    }

    private ParseError error(Token at, String message) {
        int endCol = at.endLine() == at.line() && at.endCol() > at.col() ? at.endCol() : -1;
        errors.syntax(at.line(), at.col(), endCol, message);
        return new ParseError();
    }

    private ParseError error(Expr at, String message) {
        errors.syntax(at.line(), at.col(), -1, message);
        return new ParseError();
    }
}
