package dev.reel.core.player;

import dev.reel.audio.AudioSink;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.tinylog.Logger;

/**
 * The output for the next medium, made when the medium is opened and
 * {@linkplain AudioSink#prepare prepared} on a thread of its own ({@code reel-output-prepare})
 * while the player opens it: the device lookup, and in a fresh JVM the loading of the sound
 * system, then overlap the HTTP exchange and the header instead of following them. A medium that
 * fails before it plays leaves its sink to the next one, so the factory is still called once per
 * medium played. Used by the player thread only.
 */
final class NextSink implements AutoCloseable {

    /** How long taking the sink waits for its preparation, which is only a head start. */
    private static final long PREPARE_WAIT_MILLIS = 2000;

    private final Supplier<AudioSink> factory;
    private AudioSink sink;
    private CompletableFuture<Void> prepared;

    NextSink(Supplier<AudioSink> factory) {
        this.factory = factory;
    }

    /** Makes the next sink, unless one is waiting already, and starts preparing it. */
    void prepare() {
        if (sink != null) {
            return;
        }
        sink = factory.get();
        prepared = Warmup.prepare(sink, "reel-output-prepare");
    }

    /**
     * The sink for the medium about to play, which the caller owns from now on; waits for its
     * preparation (a preparation still running would only do the opening's work twice).
     */
    AudioSink take() {
        prepare();
        try {
            prepared.get(PREPARE_WAIT_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            Logger.debug("opening {} without waiting for its preparation", sink.describe());
        }
        AudioSink taken = sink;
        sink = null;
        prepared = null;
        return taken;
    }

    /** Closes a sink made but not taken. */
    @Override
    public void close() {
        if (sink != null) {
            sink.close();
            sink = null;
            prepared = null;
        }
    }
}
