package dev.reel.core.spool;

/**
 * At most one spool per URL, shared by whoever opens it; evicts the least recently used spools
 * by total bytes and idle time. Thread-safe.
 */
public final class SpoolCache implements AutoCloseable {

    public SpoolCache() {
        throw new UnsupportedOperationException("stub: spool owner");
    }

    @Override
    public void close() {
    }
}
