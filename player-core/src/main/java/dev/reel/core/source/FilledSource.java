package dev.reel.core.source;

import dev.reel.core.spool.SpoolBuffer;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/**
 * A seekable source whose {@link SpoolFiller} does the work; closing it closes the spool.
 * Thread-safe like the filler.
 */
abstract class FilledSource implements Source {

    private final SpoolBuffer spool;
    private final SpoolFiller filler;

    FilledSource(SpoolBuffer spool, SpoolFiller filler) {
        this.spool = spool;
        this.filler = filler;
    }

    @Override
    public SpoolBuffer spool() {
        return spool;
    }

    @Override
    public void start() {
        filler.start();
    }

    @Override
    public void seek(long position) {
        filler.seek(position);
    }

    @Override
    public CompletableFuture<SourceInfo> info() {
        return filler.info();
    }

    @Override
    public void setPlaying(boolean playing) {
        filler.setPlaying(playing);
    }

    @Override
    public SourceState state() {
        return filler.state().get();
    }

    @Override
    public void addStateListener(Consumer<SourceState> listener) {
        filler.state().add(listener);
    }

    @Override
    public SourceStats stats() {
        return filler.stats();
    }

    @Override
    public void close() {
        filler.close();
        spool.close();
    }
}
