package dev.eventlanes.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The registry of {@link ProgramLoader}s: those registered in code first (in order), then those
 * found by {@link ServiceLoader}. Thread-safe.
 */
public final class ProgramLoaders {
    private static final List<ProgramLoader> REGISTERED = new CopyOnWriteArrayList<>();

    private ProgramLoaders() {
    }

    public static void register(ProgramLoader loader) {
        REGISTERED.add(loader);
    }

    public static void unregister(ProgramLoader loader) {
        REGISTERED.remove(loader);
    }

    /** The first loader that accepts {@code fileName}, or null. */
    public static ProgramLoader find(String fileName) {
        List<ProgramLoader> all = new ArrayList<>(REGISTERED);
        for (ProgramLoader l : ServiceLoader.load(ProgramLoader.class)) {
            all.add(l);
        }
        for (ProgramLoader l : all) {
            if (l.accepts(fileName)) {
                return l;
            }
        }
        return null;
    }
}
