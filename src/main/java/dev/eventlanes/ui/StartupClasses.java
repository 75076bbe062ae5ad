package dev.eventlanes.ui;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * Class loading for the first window, done ahead of the FX thread. Most of a cold start is the
 * JVM reading, defining and verifying a few thousand classes (JavaFX's controls and skins, the
 * FXML loader, ours) one at a time on the FX thread. {@code startup-classes.txt} lists the
 * classes start() loads on the way to the first frame, in the order it loads them; the start-up
 * thread, once the view model is ready, loads and links each one while the toolkit starts and
 * then ahead of the FX thread, which finds them ready.
 *
 * <p>Nothing is initialised here: no static initialiser runs early or on this thread (JavaFX's
 * need the toolkit and the FX thread), so the only effect is timing. A name that no longer
 * exists is skipped; the list is rewritten by {@code dev.eventlanes.ui.bench.StartupClassList}
 * when the first window changes.
 */
final class StartupClasses {
    static final String RESOURCE = "startup-classes.txt";
    /** Set to {@code false} to launch without preloading (how the list itself is recorded). */
    static final String SWITCH = "eventlanes.preload";

    private StartupClasses() {
    }

    /** Loads and links every listed class that exists, unless switched off; returns how many it found. */
    static int preload() {
        if (!Boolean.parseBoolean(System.getProperty(SWITCH, "true"))) {
            return 0;
        }
        ClassLoader loader = StartupClasses.class.getClassLoader();
        int found = 0;
        try (InputStream in = StartupClasses.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return 0;
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            String line;
            while ((line = r.readLine()) != null) {
                if (line.isEmpty() || line.startsWith("#")) {
                    continue;
                }
                try {
                    // Loading does not link; asking for the constructors makes the JVM link
                    // (verify) the class, still without initialising it.
                    Class.forName(line, false, loader).getDeclaredConstructors();
                    found++;
                } catch (ClassNotFoundException | LinkageError | SecurityException e) {
                    // Renamed or gone since the list was recorded: the FX thread will not need it.
                }
            }
        } catch (IOException e) {
            // Only a head start: the classes load when first used anyway.
        }
        return found;
    }
}
