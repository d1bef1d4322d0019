package dev.reel.core.source;

import dev.reel.core.spool.SpoolBuffer;
import dev.reel.core.spool.SpoolConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * Serves a local file through the same spool and reader interface as a download, without copying
 * it: its spool ({@link SpoolBuffer#ofFile}) reads the file in place and holds the whole resource
 * from the start. There is no transfer thread; {@link #start} only moves the state to
 * {@link SourceState#COMPLETE}, and seeks need nothing. {@link #stats} counts the file's size as
 * fetched (one request: the open), so progress shows the resource complete. Methods are safe from
 * any thread and never block.
 */
public final class FileSource implements Source {

    private final SpoolBuffer spool;
    private final CompletableFuture<SourceInfo> info;
    private final StateHolder state = new StateHolder();

    private FileSource(Path path, SpoolBuffer spool, long length) {
        this.spool = spool;
        this.info = CompletableFuture.completedFuture(new SourceInfo(path.toString(),
                OptionalLong.of(length), Optional.empty(), true, false));
    }

    /**
     * Opens {@code path} for reading in place.
     *
     * @throws SourceException when the file is missing, a directory or unreadable (one line)
     */
    public static FileSource open(Path path) throws SourceException {
        if (Files.isDirectory(path)) {
            throw new SourceException("is a directory, not an audio file: " + path);
        }
        if (!Files.exists(path)) {
            throw new SourceException("no such file: " + path);
        }
        if (!Files.isReadable(path)) {
            throw new SourceException("cannot read (permission denied): " + path);
        }
        try {
            SpoolBuffer spool = SpoolBuffer.ofFile(path);
            return new FileSource(path, spool, spool.length().getAsLong());
        } catch (IOException e) {
            throw Failures.describe(path.toString(), e);
        }
    }

    /**
     * {@link #open(Path)}; {@code config} is not used, since the file needs no spool storage.
     *
     * @throws SourceException when the file is missing, a directory or unreadable (one line)
     */
    public static FileSource open(Path path, SpoolConfig config) throws SourceException {
        return open(path);
    }

    @Override
    public SpoolBuffer spool() {
        return spool;
    }

    /** Every byte is present already: moves to {@link SourceState#COMPLETE}, on this thread. */
    @Override
    public void start() {
        state.set(SourceState.COMPLETE);
    }

    /** Every position is present already: nothing to fetch. */
    @Override
    public void seek(long position) {
        // The spool holds the whole file from the start.
    }

    @Override
    public CompletableFuture<SourceInfo> info() {
        return info;
    }

    /** Reading a local file is never retried: nothing to change. */
    @Override
    public void setPlaying(boolean playing) {
        // No transfer to keep alive.
    }

    @Override
    public SourceState state() {
        return state.get();
    }

    @Override
    public void addStateListener(Consumer<SourceState> listener) {
        state.add(listener);
    }

    @Override
    public void removeStateListener(Consumer<SourceState> listener) {
        state.remove(listener);
    }

    /** The file's size and one request (the open): the whole file became readable at once. */
    @Override
    public SourceStats stats() {
        return new SourceStats(spool.length().getAsLong(), 1);
    }

    /** Closes the spool, which closes the file and leaves it in place. */
    @Override
    public void close() {
        state.set(SourceState.CLOSED);
        spool.close();
    }
}
