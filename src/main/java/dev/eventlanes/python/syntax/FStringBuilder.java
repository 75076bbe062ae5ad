package dev.eventlanes.python.syntax;

import dev.eventlanes.python.syntax.Expr.FStringPart;

import java.util.ArrayList;
import java.util.List;

/** Accumulates f-string parts, merging adjacent texts so consumers never see two in a row. */
final class FStringBuilder {
    private final List<FStringPart> parts = new ArrayList<>();

    void text(String value, int line, int col) {
        if (value.isEmpty()) {
            return;
        }
        int last = parts.size() - 1;
        if (last >= 0 && parts.get(last) instanceof FStringPart.Text previous) {
            parts.set(last, new FStringPart.Text(previous.value() + value, previous.line(), previous.col()));
        } else {
            parts.add(new FStringPart.Text(value, line, col));
        }
    }

    void field(FStringPart.FormattedValue field) {
        parts.add(field);
    }

    List<FStringPart> parts() {
        return List.copyOf(parts);
    }
}
