package dev.reel.core.source;

import dev.reel.core.spool.SpoolBuffer;
import dev.reel.core.spool.SpoolCache;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * One holder's handle on a download shared through a {@link SpoolCache}: everything goes to the
 * shared source except {@link #close}, which releases this share only. Thread-safe.
 */
final class SharedSource implements Source {

    private final SpoolCache.Lease<? extends Source> lease;
    private final Source source;
    /** This handle's listeners, removed from the shared source when the handle closes. */
    private final List<Consumer<SourceState>> listeners = new CopyOnWriteArrayList<>();

    SharedSource(SpoolCache.Lease<? extends Source> lease) {
        this.lease = lease;
        this.source = lease.owner();
    }

    @Override
    public SpoolBuffer spool() {
        return source.spool();
    }

    @Override
    public void start() {
        source.start();
    }

    @Override
    public void seek(long position) {
        source.seek(position);
    }

    @Override
    public CompletableFuture<SourceInfo> info() {
        return source.info();
    }

    @Override
    public void setPlaying(boolean playing) {
        source.setPlaying(playing);
    }

    @Override
    public SourceState state() {
        return source.state();
    }

    @Override
    public void addStateListener(Consumer<SourceState> listener) {
        listeners.add(listener);
        source.addStateListener(listener);
    }

    @Override
    public void removeStateListener(Consumer<SourceState> listener) {
        listeners.remove(listener);
        source.removeStateListener(listener);
    }

    @Override
    public SourceStats stats() {
        return source.stats();
    }

    @Override
    public void close() {
        for (Consumer<SourceState> listener : listeners) {
            source.removeStateListener(listener);
        }
        lease.close();
    }
}
