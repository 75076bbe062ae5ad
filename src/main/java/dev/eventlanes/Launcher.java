package dev.eventlanes;

import dev.eventlanes.cli.Cli;

/**
 * The jar's entry point. Without arguments it opens the window; with arguments it is the command
 * line ({@link Cli}) and exits with its code. Only the command line package writes to the
 * standard streams, so both paths go through {@link Cli}.
 */
public final class Launcher {
    private Launcher() {
    }

    public static void main(String[] args) {
        System.exit(args.length == 0 ? Cli.openWindow(args) : Cli.main(args));
    }
}
