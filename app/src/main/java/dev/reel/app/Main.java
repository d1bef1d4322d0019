package dev.reel.app;

import dev.reel.app.cli.Cli;
import dev.reel.app.cli.Streams;
import dev.reel.app.gui.ReelApp;
import java.util.List;

/**
 * The {@code reel} entry point: a command ({@code play}, {@code info}, …) runs the command line,
 * anything else opens the window. Command-line runs never touch JavaFX, so they start fast.
 */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        if (Cli.handles(args)) {
            // A thread that dies of a bug would leave the command waiting for an event that never
            // comes: fail at once, with the one line every failure gets.
            Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
                System.err.println("reel: internal error in " + thread.getName() + ": " + e);
                Runtime.getRuntime().halt(1);
            });
            System.exit(Cli.run(Streams.system(), args));
        }
        ReelApp.launch(List.of(args));
        // The window is closed; player threads must not keep the process alive.
        System.exit(0);
    }
}
