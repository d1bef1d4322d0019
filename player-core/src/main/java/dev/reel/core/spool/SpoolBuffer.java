package dev.reel.core.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.OptionalLong;

/**
 * One resource's bytes, sparse: written at any offset by one producer, read at any offset by
 * any number of {@link SpoolReader}s. Memory first, then a private temp file. Thread-safe.
 */
public final class SpoolBuffer implements AutoCloseable {

    public SpoolBuffer(SpoolConfig config) {
        throw new UnsupportedOperationException("stub: spool owner");
    }

    /** A new cursor at position 0. */
    public SpoolReader newReader() {
        throw new UnsupportedOperationException("stub");
    }

    /** The resource's total length, once known. */
    public OptionalLong length() {
        throw new UnsupportedOperationException("stub");
    }

    /** The ranges present now, sorted and coalesced. */
    public List<ByteRange> presentRanges() {
        throw new UnsupportedOperationException("stub");
    }

    /** How many bytes are present contiguously from {@code position} (0 if none). */
    public long contiguousFrom(long position) {
        throw new UnsupportedOperationException("stub");
    }

    /** Bytes per second arriving, averaged over the last few seconds. */
    public double bytesPerSecond() {
        throw new UnsupportedOperationException("stub");
    }

    /** Writes {@code src} at {@code position}; the producer's side. */
    public void write(long position, ByteBuffer src) throws IOException {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public void close() {
        throw new UnsupportedOperationException("stub");
    }
}
