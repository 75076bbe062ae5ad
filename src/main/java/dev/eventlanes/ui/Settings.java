package dev.eventlanes.ui;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * What the window remembers between launches (size, language, zoom, theme, last scenario), in a
 * small properties file. The app uses {@code ~/.eventlanes/settings.properties}; the system
 * property {@code eventlanes.settings} points elsewhere, which is how tests keep away from the
 * user's file.
 */
public final class Settings {
    private final Path file;
    private final Properties props = new Properties();

    public Settings(Path file) {
        this.file = file;
        if (file != null && Files.isRegularFile(file)) {
            try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                props.load(r);
            } catch (IOException | IllegalArgumentException e) {
                // A damaged settings file is not worth a crash: start from the defaults.
                props.clear();
            }
        }
    }

    /** The settings file the app uses, honouring {@code eventlanes.settings}. */
    public static Settings forApp() {
        String p = System.getProperty("eventlanes.settings");
        Path file = p != null ? Path.of(p)
                : Path.of(System.getProperty("user.home"), ".eventlanes", "settings.properties");
        return new Settings(file);
    }

    public Path file() {
        return file;
    }

    public String get(String key, String def) {
        return props.getProperty(key, def);
    }

    public double getDouble(String key, double def) {
        try {
            return Double.parseDouble(props.getProperty(key, String.valueOf(def)));
        } catch (NumberFormatException e) {
            return def;
        }
    }

    public void put(String key, String value) {
        if (value == null) {
            props.remove(key);
        } else {
            props.setProperty(key, value);
        }
    }

    public void putDouble(String key, double v) {
        put(key, String.valueOf(v));
    }

    /** Writes the file; failures are ignored (remembering is a convenience, never a reason to fail). */
    public void save() {
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                props.store(w, "Event Lanes");
            }
        } catch (IOException e) {
            // Read-only home or similar: the next launch simply starts with defaults.
        }
    }
}
