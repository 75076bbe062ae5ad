package dev.eventlanes.python;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The Python programs the window offers as presets, each teaching one thing. Their sources ship
 * as resources; the seed ones are the two programs of the text Event Lanes was born from.
 */
public final class PythonPresets {
    /** A preset: an id (also its file name), a title key for the resource bundles, and a title. */
    public record Preset(String id, String title) {
        /** The program's source text. */
        public String source() {
            String path = "/dev/eventlanes/python/presets/" + id + ".py";
            try (InputStream in = PythonPresets.class.getResourceAsStream(path)) {
                if (in == null) {
                    throw new IllegalStateException("missing preset resource " + path);
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The file name the window shows. */
        public String fileName() {
            return id + ".py";
        }

        /** Compiles the preset (presets always compile; a test checks it). */
        public PythonProgram program() {
            return PythonProgram.compile(fileName(), source()).program();
        }
    }

    private static final List<Preset> ALL = List.of(
            new Preset("seed1_worker_waits", "Seed 1: the worker waits, main sets after 2 s"),
            new Preset("seed2_polling", "Seed 2: polling is_set() every 0.5 s"),
            new Preset("waiting_vs_polling", "Waiting vs polling, side by side"),
            new Preset("starlette_call_next", "Starlette BaseHTTPMiddleware: call_next and response_sent"),
            new Preset("many_waiters", "One set() wakes many waiters"),
            new Preset("asyncio_set_then_clear", "asyncio: set() then clear()"),
            new Preset("ping_pong", "Ping-pong with a fresh Event per round"),
            new Preset("move_on_after", "move_on_after: giving up on a wait"),
            new Preset("deadlock", "A deadlock: each task waits for the other"),
            new Preset("time_sleep_blocks", "time.sleep() blocks the whole loop"));

    private PythonPresets() {
    }

    public static List<Preset> all() {
        return ALL;
    }

    /** The preset with this id, or null. */
    public static Preset find(String id) {
        for (Preset p : ALL) {
            if (p.id().equals(id)) {
                return p;
            }
        }
        return null;
    }
}
