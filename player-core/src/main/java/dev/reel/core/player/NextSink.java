package dev.reel.core.player;

import dev.reel.audio.AudioSink;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * The output for the next medium, made when the medium is opened and
 * {@linkplain AudioSink#prepare prepared} on a thread of its own ({@code reel-output-prepare})
 * while the player opens it: the device lookup, and in a fresh JVM the loading of the sound
 * system, then overlap the HTTP exchange and the header instead of following them.
 *
 * <p>The player never waits for the preparation: it takes the sink only once the preparation has
 * ended, and {@code onPrepared} (called on the preparing thread) tells it when that is. A device
 * lookup that hangs keeps its one sink and thread; every later medium waits for that same sink
 * rather than starting another. A medium that fails before it plays leaves its sink to the next
 * one, so the factory is still called once per medium played. Used by the player thread only.
 */
final class NextSink implements AutoCloseable {

    private final Supplier<AudioSink> factory;
    private final Runnable onPrepared;
    private AudioSink sink;
    private CompletableFuture<Void> prepared;

    /** @param onPrepared called once per sink, on any thread, when its preparation has ended; must not block */
    NextSink(Supplier<AudioSink> factory, Runnable onPrepared) {
        this.factory = factory;
        this.onPrepared = onPrepared;
    }

    /** Makes the next sink, unless one is waiting already, and starts preparing it. */
    void prepare() {
        if (sink != null) {
            return;
        }
        sink = factory.get();
        prepared = Warmup.prepare(sink, "reel-output-prepare");
        prepared.thenRun(onPrepared);
    }

    /** Whether the next sink's preparation has ended (worked or not), so that it can be taken. */
    boolean ready() {
        prepare();
        return prepared.isDone();
    }

    /** The next sink's name for messages. */
    String describe() {
        prepare();
        return sink.describe();
    }

    /**
     * The prepared sink for the medium about to play, which the caller owns from now on.
     *
     * @throws IllegalStateException while it is still being prepared (see {@link #ready})
     */
    AudioSink take() {
        if (!ready()) {
            throw new IllegalStateException(sink.describe() + " is still being prepared");
        }
        AudioSink taken = sink;
        sink = null;
        prepared = null;
        return taken;
    }

    /**
     * Closes a sink made but not taken; one still being prepared is closed again once its
     * preparation ends, so that what the preparation acquired is released too.
     */
    @Override
    public void close() {
        if (sink == null) {
            return;
        }
        AudioSink closing = sink;
        closing.close();
        if (!prepared.isDone()) {
            prepared.thenRun(closing::close);
        }
        sink = null;
        prepared = null;
    }
}
