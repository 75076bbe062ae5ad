package dev.eventlanes.ui;

import java.util.Locale;
import javafx.application.Application;

/**
 * The window's looks for a projector: light (the window as it always was, with colours that
 * survive a washed-out projector), dark, and high contrast. Each is an AtlantaFX theme as the
 * user-agent stylesheet (the controls: Primer Light, or Primer Dark) and a {@link Palette}: every
 * colour we draw ourselves, the lanes' canvas and {@code css/event-lanes.css} alike.
 *
 * <p>A user-agent stylesheet belongs to the whole application in JavaFX, not to a window, so the
 * theme in use is too: {@link #use} sets it for every window, dialog and tooltip there is. Until
 * something is {@linkplain #use used} it is {@link #LIGHT}, without AtlantaFX's stylesheet.
 */
public enum Theme {
    LIGHT("light", Palette.LIGHT, false),
    DARK("dark", Palette.DARK, true),
    CONTRAST("contrast", Palette.CONTRAST, false);

    private final String id;
    private final Palette palette;
    private final boolean dark;

    Theme(String id, Palette palette, boolean dark) {
        this.id = id;
        this.palette = palette;
        this.dark = dark;
    }

    /** The theme's name in settings and on the command line ({@code light}, {@code dark}, {@code contrast}). */
    public String id() {
        return id;
    }

    public Palette palette() {
        return palette;
    }

    /** The message that names the theme in the chooser ({@code theme.light} ...). */
    public String messageKey() {
        return "theme." + id;
    }

    /** The theme after this one, round again after the last (the key T). */
    public Theme next() {
        Theme[] all = values();
        return all[(ordinal() + 1) % all.length];
    }

    /** The ids, as a usage message lists them: {@code light|dark|contrast}. */
    public static String choices() {
        return String.join("|", ids());
    }

    /** The ids, in the order the chooser and the key T go through them. */
    public static java.util.List<String> ids() {
        return java.util.Arrays.stream(values()).map(Theme::id).toList();
    }

    /**
     * The theme named {@code id}.
     *
     * @throws IllegalArgumentException naming the choices, for an unknown name
     */
    public static Theme parse(String id) {
        for (Theme t : values()) {
            if (t.id.equals(id == null ? null : id.trim().toLowerCase(Locale.ROOT))) {
                return t;
            }
        }
        throw new IllegalArgumentException("a theme is " + choices() + ", not '" + id + "'");
    }

    /** The theme named {@code id}, or {@code fallback} for none or a name not known (a settings file from elsewhere). */
    public static Theme parse(String id, Theme fallback) {
        try {
            return id == null ? fallback : parse(id);
        } catch (IllegalArgumentException e) {
            return fallback;
        }
    }

    /**
     * AtlantaFX's binary stylesheet for the controls, read without parsing CSS. By its path in
     * AtlantaFX's jar rather than through its {@code PrimerLight} class: AtlantaFX 2.1's classes
     * are compiled for Java 21, this app runs on 17, and the stylesheets are all it needs.
     */
    String userAgentStylesheet() {
        String name = dark ? "primer-dark.bss" : "primer-light.bss";
        java.net.URL url = Theme.class.getResource("/atlantafx/base/theme/" + name);
        if (url == null) {
            throw new IllegalStateException("AtlantaFX's " + name + " is not on the class path");
        }
        return url.toExternalForm();
    }

    private static volatile Theme current = LIGHT;
    private static volatile boolean used;

    /** The theme in use. */
    public static Theme current() {
        return current;
    }

    /**
     * Puts {@code t} in use for the whole application: its controls' stylesheet on every window.
     * The colours we draw (the lanes, our style sheet's looked-up colours) follow it where the
     * window asks for them ({@code MainView.setTheme}). On the FX thread; called before the first
     * control is made, it also spares JavaFX loading Modena, which would be replaced at once.
     */
    public static void use(Theme t) {
        current = t;
        used = true;
        Application.setUserAgentStylesheet(t.userAgentStylesheet());
    }

    /** Puts the current theme in use unless one already is (a window made without the app: tests, render). */
    static void useCurrentIfNone() {
        if (!used) {
            use(current);
        }
    }
}
