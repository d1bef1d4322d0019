package dev.reel.core.spool;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.NonWritableChannelException;
import java.nio.channels.SeekableByteChannel;
import java.time.Duration;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * One consumer's cursor into a {@link SpoolBuffer}. A read blocks until bytes at the position are
 * present, the end is reached (-1), the source fails (its exception), the read timeout passes
 * ({@link SpoolTimeoutException}), or the reader or buffer is closed
 * ({@link java.nio.channels.ClosedChannelException}; {@link
 * java.nio.channels.AsynchronousCloseException} when this reader is closed while the read waits).
 * An interrupt while waiting throws {@link java.io.InterruptedIOException} and keeps the flag.
 *
 * <p>Positions follow {@link java.nio.channels.FileChannel}: any position may be set; a read at
 * or past a known length returns -1. Read-only: {@link #write} and {@link #truncate} throw
 * {@link NonWritableChannelException}.
 *
 * <p>Used by one thread at a time, except {@link #close}, which may come from any thread and
 * wakes a blocked read or {@link #awaitContiguous}.
 */
public final class SpoolReader implements SeekableByteChannel {

    private final SpoolBuffer buffer;
    private volatile boolean open = true;
    private long position;
    private long timeoutNanos = Long.MAX_VALUE;

    SpoolReader(SpoolBuffer buffer, long position) {
        this.buffer = buffer;
        position(position);
    }

    /** The spool this cursor reads. */
    public SpoolBuffer buffer() {
        return buffer;
    }

    /** How long one read may wait for its first byte; {@code null} or zero waits without limit (the default). */
    public SpoolReader readTimeout(Duration timeout) {
        timeoutNanos = timeout == null || timeout.isZero() ? Long.MAX_VALUE : timeout.toNanos();
        return this;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        if (!open) {
            throw new ClosedChannelException();
        }
        int n = buffer.read(position, dst, timeoutNanos, this);
        if (n > 0) {
            position += n;
        }
        return n;
    }

    /**
     * Waits, without consuming, until {@code bytes} are present from the current position (or the
     * resource ends sooner, or the timeout passes); see {@link SpoolBuffer#awaitContiguous}. Closing
     * this reader from another thread ends the wait with an
     * {@link java.nio.channels.AsynchronousCloseException}, as it ends a read.
     */
    public long awaitContiguous(long bytes, Duration timeout) throws IOException {
        if (!open) {
            throw new ClosedChannelException();
        }
        return buffer.awaitContiguous(position, bytes, timeout.toNanos(), this);
    }

    @Override
    public int write(ByteBuffer src) {
        throw new NonWritableChannelException();
    }

    @Override
    public long position() {
        return position;
    }

    /** Moves the cursor; never blocks. Positions past the end are allowed (reads there return -1). */
    @Override
    public SpoolReader position(long newPosition) {
        if (newPosition < 0) {
            throw new IllegalArgumentException("negative position " + newPosition);
        }
        position = newPosition;
        return this;
    }

    /** The resource's length when known, else -1 (a download whose length the server did not say, a live source). */
    @Override
    public long size() throws IOException {
        if (!open) {
            throw new ClosedChannelException();
        }
        OptionalLong length = buffer.length();
        return length.isPresent() ? length.getAsLong() : -1;
    }

    @Override
    public SeekableByteChannel truncate(long size) {
        throw new NonWritableChannelException();
    }

    /**
     * An {@code InputStream} view of this cursor, sharing its position; closing it closes the
     * reader. {@code available()} counts the bytes present from the position (reading them will
     * not block).
     */
    public InputStream inputStream() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                int n = read(one, 0, 1);
                return n < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                Objects.checkFromIndexSize(off, len, b.length);
                if (len == 0) {
                    return 0;
                }
                return SpoolReader.this.read(ByteBuffer.wrap(b, off, len));
            }

            @Override
            public long skip(long n) {
                if (n <= 0) {
                    return 0;
                }
                position(position + n);
                return n;
            }

            @Override
            public int available() {
                return (int) Math.min(Integer.MAX_VALUE, buffer.contiguousFrom(position));
            }

            @Override
            public void close() {
                SpoolReader.this.close();
            }
        };
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    /** Closes this cursor (not the buffer); a read or wait blocked in it wakes and throws. Safe from any thread. */
    @Override
    public void close() {
        if (open) {
            open = false;
            buffer.wakeReaders();
        }
    }
}
