package dev.eventlanes.python.interp;

import dev.eventlanes.model.Loop;

/** asyncio's gather, wait_for, TaskGroup and timeout, wired in from the model's ports. */
final class AsyncioExtras {
    private AsyncioExtras() {
    }

    static void install(Library.PyModule m, Loop loop, Library lib) {
        // Filled in when the model's asyncio ports land.
    }
}
