package dev.reel.core.spool;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;

/**
 * One consumer's cursor into a {@link SpoolBuffer}. A read blocks until bytes at the position are
 * present, the end is reached (-1), the source fails (its exception), or the reader or buffer is
 * closed. Used by one thread at a time, except {@link #close}, which may come from any thread and
 * wakes a blocked read.
 */
public final class SpoolReader implements SeekableByteChannel {

    SpoolReader() {
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        throw new UnsupportedOperationException("stub: spool owner");
    }

    @Override
    public int write(ByteBuffer src) {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public long position() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public SpoolReader position(long newPosition) {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public long size() throws IOException {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public SeekableByteChannel truncate(long size) {
        throw new UnsupportedOperationException("stub");
    }

    /** An {@code InputStream} view of this cursor; closing it closes the reader. */
    public InputStream inputStream() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public boolean isOpen() {
        throw new UnsupportedOperationException("stub");
    }

    @Override
    public void close() {
        throw new UnsupportedOperationException("stub");
    }
}
