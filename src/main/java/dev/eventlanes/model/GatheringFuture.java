package dev.eventlanes.model;

import java.util.List;

/**
 * The future {@code asyncio.gather()} returns (CPython 3.11 {@code tasks._GatheringFuture}):
 * cancelling it cancels the children instead of itself; the outer future then completes through
 * gather's done-callback once a cancelled child reports back.
 */
public final class GatheringFuture extends Future {
    private final List<Future> children;
    boolean cancelRequested;

    GatheringFuture(Loop loop, List<Future> children) {
        super(loop, WaitReason.GATHER);
        this.children = List.copyOf(children);
    }

    /** The children in argument order (a duplicate argument appears twice). */
    public List<Future> children() {
        return children;
    }

    /** {@code gather(...).cancel()} called by the program: its children's cause is {@link CancelCause#GATHER_CANCEL}. */
    @Override
    public boolean cancel(String message) {
        return cancel(message, CancelCause.GATHER_CANCEL, loop.currentTask());
    }

    /** {@code _GatheringFuture.cancel}: cancels every child (for the same cause); true if any child accepted. */
    @Override
    public boolean cancel(String message, String cause, Task by) {
        if (isDone()) {
            return false;
        }
        boolean ret = false;
        for (Future child : children) {
            if (child.cancel(message, cause, by)) {
                ret = true;
            }
        }
        if (ret) {
            // Issue 32684: propagate the cancellation whatever return_exceptions says.
            cancelRequested = true;
        }
        return ret;
    }
}
