package dev.eventlanes.python.interp;

/** A variable shared between a function and the closures defined in it. */
final class Cell {
    Object value;

    Cell(Object value) {
        this.value = value;
    }
}
