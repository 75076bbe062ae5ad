package dev.eventlanes.scene;

import dev.eventlanes.model.Semantics;
import dev.eventlanes.model.Simulation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * Draws a program's run as the window shows it, without a display: the {@code render} command's
 * picture. The window's package provides it (it alone draws); the command line reads the file,
 * asks for the picture and reports how the run ended, so both stay on their side of the layers.
 */
public interface PictureMaker {
    /**
     * What to draw.
     *
     * @param fileName  the file's name (its extension says .py or .json)
     * @param text      the file's text
     * @param semantics the library's rules to run under, or null for the program's own
     * @param seed      trio's shuffling seed, or null for the window's
     * @param atStep    show the moment after this many Steps, or null
     * @param atTime    show the moment at this virtual time, or null
     * @param width     the picture's size in pixels (0: the default)
     * @param height    the picture's size in pixels (0: tall enough for every lane)
     * @param lang      "en" or "zh"
     * @param theme     one of {@link #themes()}, or null for the first (light)
     * @param png       where to write the picture
     * @param scene     where to write the scene as JSON, or null
     * @param window    the whole window instead of just the lanes
     * @param zoom      the window's zoom (1 is 100 %), or null for its own (presentation: 175 %)
     * @param presentation the window in presentation mode
     */
    record Request(String fileName, String text, Semantics semantics, Long seed, Integer atStep, Double atTime,
                   int width, int height, String lang, String theme, Path png, Path scene, boolean window, Double zoom,
                   boolean presentation) {
    }

    /** The run drawn (to report how it ended), or the problems that kept the file from running. */
    record Result(Simulation simulation, List<String> problems) {
    }

    Result make(Request request) throws IOException;

    /** The themes a picture can be drawn in, by name, the default first ({@code light}, {@code dark}, ...). */
    List<String> themes();
}
