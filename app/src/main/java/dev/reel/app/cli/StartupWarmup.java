package dev.reel.app.cli;

import dev.reel.audio.AudioException;
import dev.reel.audio.LineSink;
import dev.reel.core.player.Warmup;
import org.tinylog.Logger;

/**
 * Starts, first thing in {@code reel play}, the one-time work that lies on the way to the first
 * audio but that the command's own threads would reach only after parsing the command line and
 * building the player: for a URL, the JDK's part of the first HTTP call ({@link Warmup}), and on
 * a daemon thread of its own ({@code reel-warmup-audio}) the default audio device's line (Java
 * Sound's loading and device lookup; nothing is opened). It only runs ahead: whatever it has not finished, the player does
 * itself.
 */
final class StartupWarmup implements Runnable {

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
            Thread thread = new Thread(new StartupWarmup(), "reel-warmup-audio");
            thread.setDaemon(true);
            thread.start();
        }
    }

    @Override
    public void run() {
        try {
            new LineSink(null).prepare();
        } catch (AudioException | RuntimeException e) {
            // The player opens the device itself and reports what is wrong with it.
            Logger.debug("warming the audio device failed: {}", e.getMessage());
        }
    }
}
