package dev.eventlanes.ui;

import javafx.util.Duration;

/**
 * Animation durations: one setting, zero when the system property {@code eventlanes.animations}
 * is {@code off} (tests), so UI tests neither wait nor flake on transitions.
 */
public final class Animations {
    private Animations() {
    }

    public static boolean enabled() {
        return !"off".equalsIgnoreCase(System.getProperty("eventlanes.animations", "on"));
    }

    /** {@code millis}, or zero when animations are off. */
    public static Duration duration(double millis) {
        return enabled() ? Duration.millis(millis) : Duration.ZERO;
    }
}
