package dev.eventlanes.ui;

/**
 * Starts the window from a plain class path: a main class that extends {@code Application} is
 * refused by the java launcher when JavaFX is not on the module path, so this one delegates.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        EventLanesApp.main(args);
    }
}
