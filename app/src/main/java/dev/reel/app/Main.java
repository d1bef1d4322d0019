package dev.reel.app;

import dev.reel.app.cli.Cli;
import dev.reel.app.cli.Streams;
import dev.reel.app.gui.ReelApp;
import java.io.IOException;
import java.io.InputStream;
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
            Cli.warmUp(args);
            Streams streams = Streams.system();
            // A thread that dies of a bug would leave the command waiting for an event that never
            // comes: fail at once, with the one line every failure gets.
            Thread.setDefaultUncaughtExceptionHandler(new HaltOnUncaught(streams));
            int code = Cli.run(streams, args);
            // Wakes the stdin reader: the JVM's exit would wait 300 ms for a thread in a native read.
            closeQuietly(streams.in());
            System.exit(code);
        }
        ReelApp.launch(List.of(args));
        // The window is closed; player threads must not keep the process alive.
        System.exit(0);
    }

    /**
     * Ends the process with the one line every failure gets. A class, not a lambda: the first
     * lambda a thread links generates method-handle classes (about 4 ms at a start), and here it
     * would be on the way to the first audio while the warm-up threads do the same.
     */
    private record HaltOnUncaught(Streams streams) implements Thread.UncaughtExceptionHandler {

        @Override
        public void uncaughtException(Thread thread, Throwable e) {
            streams.failBeforeHalt("internal error in " + thread.getName() + ": " + e);
            Runtime.getRuntime().halt(1);
        }
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException e) {
            // Exiting anyway: a stdin that does not close changes nothing but the exit's speed.
        }
    }
}
