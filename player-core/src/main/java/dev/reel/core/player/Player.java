package dev.reel.core.player;

import dev.reel.core.source.Saver;
import dev.reel.core.source.Source;
import dev.reel.core.source.SourceException;
import dev.reel.core.source.Sources;
import dev.reel.core.spool.SpoolCache;
import dev.reel.core.spool.SpoolReader;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.LongConsumer;
import org.tinylog.Logger;

/**
 * Plays one medium at a time: {@code IDLE → OPENING → BUFFERING ⇄ PLAYING ⇄ PAUSED → ENDED | ERROR}.
 *
 * <p>Threading: every command ({@link #open}, {@link #pause}, {@link #seekTo}, …) is safe from
 * any thread and returns at once; it is queued for the player's own thread ({@code reel-player}),
 * which does the work in order and reports what happened as {@link PlayerEvent}s. Listeners are
 * called on that thread, one event at a time, and must return quickly. The getters
 * ({@link #state}, {@link #position}, {@link #media}) read the latest values without blocking.
 * Only {@link #close} waits (briefly) for the player thread to release everything.
 */
public final class Player implements AutoCloseable {

    private static final long CLOSE_WAIT_SECONDS = 5;

    private final PlayerConfig config;
    private final SpoolCache cache;
    private final boolean ownsCache;
    private final PlayerEngine engine;
    private final Thread thread;
    private final List<Consumer<PlayerEvent>> listeners = new CopyOnWriteArrayList<>();

    public Player(PlayerConfig config) {
        this.config = Objects.requireNonNull(config, "config");
        this.ownsCache = config.cache().isEmpty();
        this.cache = config.cache().orElseGet(SpoolCache::new);
        this.engine = new PlayerEngine(config, cache, this::dispatch);
        this.thread = new Thread(engine, "reel-player");
        thread.setDaemon(true);
        thread.start();
    }

    /** Replaces what is playing with {@code request} and starts playing it (from its start time). */
    public void open(MediaRequest request) {
        Objects.requireNonNull(request, "request");
        engine.submit(new Command.Open(request, null, true, engine.supersede()));
    }

    /**
     * Replaces what is playing with {@code request}, reads its header (reporting
     * {@link PlayerEvent.Ready}) and waits, {@link PlayerState#PAUSED}, for {@link #resume}.
     * The audio device is opened only then.
     */
    public void openPaused(MediaRequest request) {
        Objects.requireNonNull(request, "request");
        engine.submit(new Command.Open(request, null, false, engine.supersede()));
    }

    /**
     * Plays an already open {@code source} (a live connection from a
     * {@link dev.reel.core.source.TcpListener}); the player owns it from now on and closes it when
     * the medium ends or is replaced. {@code request} gives the location for messages and the raw
     * format.
     */
    public void openSource(Source source, MediaRequest request) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(request, "request");
        engine.submit(new Command.Open(request, source, true, engine.supersede()));
    }

    /** Stops the output where it is; queued audio is kept. */
    public void pause() {
        engine.submit(new Command.Pause());
    }

    /** Continues after {@link #pause}; after the end, plays again from the start. */
    public void resume() {
        engine.submit(new Command.Resume());
    }

    public void toggle() {
        engine.submit(new Command.Toggle());
    }

    /**
     * Seeks to {@code seconds}, clamped to {@code [0, duration]}: the first frame played is the
     * one nearest to {@code seconds × rate}. A paused player stays paused; after the end it plays
     * again from there. Seeks in quick succession collapse into the last one.
     */
    public void seekTo(double seconds) {
        engine.submit(new Command.Seek(seconds, false));
    }

    /** Seeks by {@code deltaSeconds} from the audible position (clamped like {@link #seekTo}). */
    public void seekBy(double deltaSeconds) {
        engine.submit(new Command.Seek(deltaSeconds, true));
    }

    /** Stops playing and releases the medium; the player is {@link PlayerState#IDLE} again. */
    public void stop() {
        engine.supersede();
        engine.submit(new Command.Stop());
    }

    /** Volume 0..100 percent; kept for the following media too. */
    public void setVolume(int percent) {
        engine.submit(new Command.Volume(percent));
    }

    public void setMuted(boolean muted) {
        engine.submit(new Command.Mute(muted));
    }

    public PlayerState state() {
        return engine.state();
    }

    /**
     * The audible position in seconds: the device's frame counter once the first block of the
     * current position plays, else the position last reported (0 when nothing is open).
     */
    public double position() {
        Playback p = engine.current();
        return p == null ? 0 : p.medium.seconds(p.heardFrame());
    }

    /** What is open now (after {@link PlayerEvent.Ready}), if anything. */
    public Optional<MediaInfo> media() {
        Playback p = engine.current();
        return p == null ? Optional.empty() : Optional.of(p.medium.describe());
    }

    /**
     * A new reader of the current medium's spool, positioned at the audible position, with the
     * medium's {@link dev.reel.core.format.AudioInfo}: for a level meter or a waveform that reads
     * on its own cursor without disturbing playback. The caller closes the reader; it fails or
     * ends once the medium is replaced.
     *
     * @return empty when nothing is open
     */
    public Optional<Tap> openTap() {
        Playback p = engine.current();
        if (p == null) {
            return Optional.empty();
        }
        SpoolReader reader = p.medium.readerAt(p.medium.byteOf(p.position));
        return Optional.of(new Tap(reader, p.medium.audio()));
    }

    /**
     * Saves the current medium's resource to {@code target}, sharing its download (through the
     * spool cache), on a thread of its own; the save goes on if the player moves to another
     * medium.
     *
     * @param progress called on the saving thread with the bytes written so far
     * @return completes with {@code target}, or fails with a {@link SourceException} (one line)
     */
    public CompletableFuture<Path> save(Path target, LongConsumer progress) {
        Playback p = engine.current();
        if (p == null) {
            return CompletableFuture.failedFuture(new SourceException("nothing is open to save"));
        }
        MediaInfo info = p.medium.describe();
        if (info.live()) {
            return CompletableFuture.failedFuture(
                    new SourceException("cannot save the live stream " + info.location()));
        }
        Source source;
        try {
            source = Sources.open(info.location(), cache, config.http());
        } catch (SourceException e) {
            return CompletableFuture.failedFuture(e);
        }
        return Saver.save(source, target, progress).whenComplete((path, failure) -> source.close());
    }

    /** Listeners are called on the player thread, in the order the events happen. */
    public void addListener(Consumer<PlayerEvent> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void removeListener(Consumer<PlayerEvent> listener) {
        listeners.remove(listener);
    }

    public PlayerConfig config() {
        return config;
    }

    /**
     * Stops playing, releases the medium (its temp files go with its spool) and ends the player
     * thread, waiting for it a few seconds at most; the player takes no commands after this.
     */
    @Override
    public void close() {
        engine.supersede();
        engine.submit(new Command.Close());
        if (Thread.currentThread() != thread) {
            try {
                thread.join(TimeUnit.SECONDS.toMillis(CLOSE_WAIT_SECONDS));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (ownsCache) {
            cache.close();
        }
    }

    private void dispatch(PlayerEvent event) {
        for (Consumer<PlayerEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                Logger.warn(e, "player listener failed on {}", event);
            }
        }
    }
}
