package dev.eventlanes;

import dev.eventlanes.cli.Cli;
import dev.eventlanes.launch.Relaunch;

/**
 * The jar's entry point. Without arguments it opens the window; with arguments it is the command
 * line ({@link Cli}) and exits with its code. The window opens in a child JVM started with
 * start-up flags ({@link Relaunch}) when it can, whose exit code is this one's. Only the command line package writes to the
 * standard streams, so both paths go through {@link Cli}.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("render")) {
            // The picture is drawn by the window's package, which alone uses JavaFX.
            System.exit(Cli.main(args, new dev.eventlanes.ui.render.WindowPictures()));
        }
        if (args.length > 0) {
            System.exit(Cli.main(args));
        }
        // The window opens in a child JVM with start-up flags when it can (Relaunch), else here.
        int child = Relaunch.windowInChild();
        System.exit(child >= 0 ? child : Cli.openWindow(args));
    }
}
