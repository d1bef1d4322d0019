package dev.reel.app.cli;

import dev.reel.audio.LineSink;
import dev.reel.core.player.Warmup;

/**
 * Starts, first thing in {@code reel play}, the one-time work that lies on the way to the first
 * audio but that the command's own threads would reach only after parsing the command line and
 * building the player: for a URL, the JDK's part of the first HTTP call, and the default audio
 * device's line (Java Sound's loading and device lookup; nothing is opened), both through
 * {@link Warmup}. It only runs ahead: whatever it has not finished, the player does itself.
 */
final class StartupWarmup {

    private StartupWarmup() {
    }

    /** Starts the warm-up for {@code args} when they run {@code play}; returns at once. */
    static void startFor(String[] args) {
        if (args.length == 0 || !args[0].equals("play")) {
            return;
        }
        // A plain loop, no lambda: the first lambda sets up java.lang.invoke (~25 ms) first.
        boolean defaultDevice = true;
        boolean http = false;
        for (String arg : args) {
            defaultDevice &= !arg.startsWith("--out") && !arg.startsWith("--device");
            http |= arg.regionMatches(true, 0, "http://", 0, 7) || arg.regionMatches(true, 0, "https://", 0, 8);
        }
        if (http) {
            Warmup.start();
        }
        if (defaultDevice) {
            Warmup.prepare(new LineSink(null));
        }
    }
}
