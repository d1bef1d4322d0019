package dev.reel.core.player;

import dev.reel.audio.AudioException;
import dev.reel.audio.AudioSink;
import java.security.Security;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.tinylog.Logger;

/**
 * Initialises ahead, on two daemon threads, what the first HTTP open of a process initialises on
 * its way to the first audio, even for an {@code http} URL: OkHttp's URL parser and client
 * classes, and through them OkHttp's IDNA tables, the GMT time zone and {@code java.util.logging}
 * ({@code reel-warmup}), and the security provider list that OkHttp's first call reads for its
 * TLS platform check ({@code reel-warmup-providers}) — 30–50 ms of CPU in a fresh JVM. It only
 * runs ahead; whatever it has not finished, the open does itself, waiting for the class
 * initialisation in progress. An application starts it as early as it knows that an HTTP URL will
 * be played (the command line at its start, a window when it opens); for local files it would only
 * cost CPU. Once per process; safe from any thread. {@link #prepare} does the same for the audio
 * device.
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
        // Two threads: on one the provider list, the longest part, would be ready only after the
        // rest, and the open then waits for it at its connection. Nested classes, not
        // lambdas: the first lambda sets up java.lang.invoke (~25 ms) first.
        daemon(new Providers(), "reel-warmup-providers");
        daemon(new Task(), "reel-warmup");
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
        daemon(new Prepare(sink, done), threadName);
        return done;
    }

    private static void daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
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
            // What the open meets first: parsing the URL (OkHttp's utilities, with the GMT time
            // zone, and its IDNA tables), then building the client (its cipher suite tables, and
            // java.util.logging for its task runner's logger).
            HttpUrl.get("http://localhost/");
            new OkHttpClient.Builder();
        }
    }

    /** The security provider list: a megabyte of allocation and about 16 ms of CPU. */
    private static final class Providers implements Runnable {

        @Override
        public void run() {
            Security.getProviders();
        }
    }
}
