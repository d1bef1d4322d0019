package dev.reel.core.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ReadableByteChannel;
import java.nio.channels.SeekableByteChannel;
import java.nio.channels.SelectableChannel;

/**
 * Reads a header from a blocking channel: exactly the bytes asked for, never more, so the channel
 * stays positioned where the header ends. Counts what it consumed and refuses to go past a limit,
 * so no size field of a hostile file can make it read (or allocate) without bound. Skips by
 * moving a {@link SeekableByteChannel}'s position, or else by reading into one small buffer.
 * Not thread-safe: one parse at a time.
 */
final class HeaderInput {

    private static final int SKIP_BUFFER_SIZE = 8192;
    private static final int CHUNK_HEADER_SIZE = 8;

    private final ReadableByteChannel in;
    private final long limit;
    private final String limitText;
    private long consumed;
    private ByteBuffer skipBuffer;

    HeaderInput(ReadableByteChannel in, long limit, String limitText) {
        if (in instanceof SelectableChannel selectable && !selectable.isBlocking()) {
            throw new IllegalArgumentException("header parsing needs a blocking channel");
        }
        this.in = in;
        this.limit = limit;
        this.limitText = limitText;
    }

    /** Bytes consumed so far: the offset of the next byte in the resource. */
    long consumed() {
        return consumed;
    }

    /**
     * Reads up to {@code n} bytes (little-endian buffer), fewer only at the end of the channel.
     *
     * @param n small: callers pass constants, never a size read from the header
     */
    ByteBuffer read(int n) throws IOException {
        ensureWithinLimit(n);
        ByteBuffer buffer = ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
        while (buffer.hasRemaining()) {
            if (in.read(buffer) < 0) {
                break;
            }
        }
        consumed += buffer.position();
        return buffer.flip();
    }

    /** Reads exactly {@code n} bytes, or fails with {@code whenShort}. */
    ByteBuffer readFully(int n, String whenShort) throws IOException {
        ByteBuffer buffer = read(n);
        if (buffer.remaining() < n) {
            throw new FormatException(whenShort);
        }
        return buffer;
    }

    /**
     * Skips exactly {@code n} bytes, or fails with {@code whenShort}. A chunk header always
     * follows a skip, so its bytes must fit the limit too: checking them here, before skipping,
     * makes a file too long fail the same way whether or not the channel can seek.
     */
    void skip(long n, String whenShort) throws IOException {
        ensureWithinLimit(n + CHUNK_HEADER_SIZE);
        if (n == 0) {
            return;
        }
        if (in instanceof SeekableByteChannel seekable) {
            // Past the end is allowed; the next read then finds the end and reports it.
            seekable.position(seekable.position() + n);
            consumed += n;
            return;
        }
        if (skipBuffer == null) {
            skipBuffer = ByteBuffer.allocate(SKIP_BUFFER_SIZE);
        }
        long left = n;
        while (left > 0) {
            skipBuffer.clear().limit((int) Math.min(left, SKIP_BUFFER_SIZE));
            int count = in.read(skipBuffer);
            if (count < 0) {
                throw new FormatException(whenShort);
            }
            left -= count;
            consumed += count;
        }
    }

    private void ensureWithinLimit(long n) throws FormatException {
        if (n > limit - consumed) {
            throw new FormatException("no data chunk in the first " + limitText + " of the file");
        }
    }
}
