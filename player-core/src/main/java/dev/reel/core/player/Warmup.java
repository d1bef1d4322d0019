package dev.reel.core.player;

import dev.reel.audio.AudioException;
import dev.reel.audio.AudioSink;
import java.net.IDN;
import java.security.Security;
import java.util.TimeZone;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.LogManager;
import org.tinylog.Logger;

/**
 * Initialises ahead, on a daemon thread ({@code reel-warmup}), what the first HTTP open of a
 * process initialises in the JDK on its way to the first audio, even for an {@code http} URL:
 * OkHttp's first call loads the security provider list (its TLS platform check), the IDN tables,
 * the GMT time zone and {@code java.util.logging} — 40–60 ms in a fresh JVM. It only runs ahead;
 * whatever it has not finished, the open does itself. An application starts it as early as it
 * knows that an HTTP URL will be played (the command line at its start, a window when it opens);
 * for local files it would only cost CPU. Once per process; safe from any thread. {@link #prepare}
 * does the same for the audio device.
 */
public final class Warmup {

    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private Warmup() {
    }

    /** Starts the warm-up unless it has started already; returns at once. */
    public static void start() {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        // A nested class, not a lambda: the first lambda sets up java.lang.invoke (~25 ms) first.
        Thread thread = new Thread(new Task(), "reel-warmup");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Prepares {@code sink} ({@link AudioSink#prepare}: loading Java Sound and looking up the
     * device; nothing is opened) on a daemon thread ({@code reel-warmup-audio}) and returns at
     * once. A failure is left for the player to meet and report when it opens the device.
     *
     * @return completed when the preparation has ended, whether it worked or not
     */
    public static CompletableFuture<Void> prepare(AudioSink sink) {
        return prepare(sink, "reel-warmup-audio");
    }

    /** {@link #prepare(AudioSink)} on a daemon thread named {@code threadName}. */
    static CompletableFuture<Void> prepare(AudioSink sink, String threadName) {
        CompletableFuture<Void> done = new CompletableFuture<>();
        // A nested class, not a lambda, for the same reason as in start().
        Thread thread = new Thread(new Prepare(sink, done), threadName);
        thread.setDaemon(true);
        thread.start();
        return done;
    }

    private record Prepare(AudioSink sink, CompletableFuture<Void> done) implements Runnable {

        @Override
        public void run() {
            try {
                sink.prepare();
            } catch (AudioException | RuntimeException e) {
                // Only a head start: the opening reports what is wrong with the device.
                Logger.debug("preparing {} ahead failed: {}", sink.describe(), e.getMessage());
            } finally {
                done.complete(null);
            }
        }
    }

    private static final class Task implements Runnable {

        @Override
        public void run() {
            // In the order the first open reaches them (parsing the URL, building the client,
            // starting the call), so that the open finds each one done instead of doing it itself;
            // the provider list, by far the longest, is needed last.
            TimeZone.getTimeZone("GMT");
            IDN.toASCII("localhost");
            LogManager.getLogManager();
            Security.getProviders();
        }
    }
}
