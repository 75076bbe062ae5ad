package dev.eventlanes.model;

/**
 * {@code await sleep(delay)}. asyncio (and anyio, which uses it): a delay of 0 or less is a bare
 * yield, one pass at the back of the queue; otherwise a future completed by a timer at
 * now + delay. trio's {@code sleep(0)} is a checkpoint, the same single pass.
 */
final class Sleep extends JavaCoroutine {
    private final Loop loop;
    private final double delay;
    private Future fut;
    private TimerHandle handle;

    Sleep(Loop loop, double delay) {
        this.loop = loop;
        this.delay = delay;
    }

    @Override
    protected Object resume(Object v, PyException exc) {
        switch (state) {
            case 0 -> {
                if (Double.isNaN(delay)) {
                    throw PyException.of(ExcType.VALUE_ERROR, "sleep length must not be NaN");
                }
                if (delay < 0 && loop.semantics() == Semantics.TRIO) {
                    throw PyException.of(ExcType.VALUE_ERROR, "sleep length must be non-negative");
                }
                if (delay <= 0) {
                    loop.trace(TraceKind.SLEEP, loop.currentTask(), null, null, loop.time(), "0");
                    state = 2;
                    return bareYield();
                }
                double deadline = loop.time() + delay;
                fut = new Future(loop, WaitReason.sleep(deadline));
                Future f = fut;
                handle = loop.callAt(deadline, () -> {
                    if (!f.isDone()) {
                        f.setResult(PyNoneHolder.NONE);
                    }
                });
                loop.trace(TraceKind.SLEEP, loop.currentTask(), null, null, deadline, "");
                state = 1;
                return await(fut);
            }
            case 1 -> {
                handle.cancel();
                if (exc != null) {
                    throw exc;
                }
                return finish(PyNoneHolder.NONE);
            }
            case 2 -> {
                if (exc != null) {
                    throw exc;
                }
                return finish(PyNoneHolder.NONE);
            }
            default -> throw new IllegalStateException();
        }
    }

    @Override
    public String name() {
        return "sleep";
    }
}
