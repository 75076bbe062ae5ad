package dev.eventlanes.python.interp;

import dev.eventlanes.python.runtime.PyIterator;
import dev.eventlanes.python.runtime.PyObject;

/** A generator expression's iterator: runs its frame up to the next value on each next(). */
final class Generator implements PyIterator, PyObject {
    final Interpreter interp;
    final Frame frame;
    boolean running;
    boolean finished;
    Object yielded;

    Generator(Interpreter interp, Frame frame) {
        this.interp = interp;
        this.frame = frame;
        frame.owner = this;
    }

    @Override
    public Object next() {
        if (finished) {
            return null;
        }
        return interp.resumeGenerator(this);
    }

    @Override
    public String typeName() {
        return "generator";
    }

    @Override
    public PyIterator iter() {
        return this;
    }

    @Override
    public String repr() {
        return "<generator object " + frame.code.qualName + " at 0x" + Long.toHexString(0x7f3b2e000000L + frame.code.firstLine * 0x40L) + ">";
    }
}
