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

    /** Reads what is contiguous at {@code position}, blocking as {@link SpoolReader#read} does, at most {@code timeoutNanos}. */
    public int read(long position, ByteBuffer dst, long timeoutNanos) throws IOException {
        throw new UnsupportedOperationException("stub");
    }

    /** Calls {@code listener} (on the producer's thread; it must not block) when ranges, length or failure change. */
    public void addChangeListener(Runnable listener) {
        throw new UnsupportedOperationException("stub");
    }

    // The producer's side, used by one source thread.

    /** The resource's total length is known; a spill file is then created sparse at full length. */
    public void setLength(long length) {
        throw new UnsupportedOperationException("stub");
    }

    /** Writes {@code src} at {@code position}; readers waiting there wake up. */
    public void write(long position, ByteBuffer src) throws IOException {
        throw new UnsupportedOperationException("stub");
    }

    /** The source gave up: blocked and later reads of absent bytes throw {@code cause}. */
    public void fail(IOException cause) {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public void close() {
        throw new UnsupportedOperationException("stub");
    }
}
