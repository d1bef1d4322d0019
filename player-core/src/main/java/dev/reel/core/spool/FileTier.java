package dev.reel.core.spool;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.tinylog.Logger;

/**
 * Bytes in a private temp file, through positional reads and writes, so concurrent readers share
 * no file pointer. With a ring size, position {@code p} lives at {@code p % ring}: a live
 * resource reuses the space of released bytes.
 *
 * <p>An interrupt during channel I/O closes a {@link FileChannel} for every thread; this tier then
 * reopens the file, so one interrupted reader cannot break the others.
 */
final class FileTier implements Tier {

    private final Path path;
    private final long ring;
    private volatile FileChannel channel;
    private volatile boolean closed;

    private FileTier(Path path, long ring) throws IOException {
        this.path = path;
        this.ring = ring;
        this.channel = open();
    }

    /** A new spill file in {@code directory}; {@code ring} 0 maps positions one to one. */
    static FileTier create(Path directory, long ring) throws IOException {
        Path file = SpoolDirectory.createFile(directory);
        try {
            return new FileTier(file, ring);
        } catch (IOException e) {
            SpoolDirectory.delete(file);
            throw e;
        }
    }

    Path path() {
        return path;
    }

    /**
     * Makes the file {@code length} long without allocating its blocks: writing one byte at the
     * end leaves everything before it a hole.
     */
    void extendTo(long length) throws IOException {
        if (ring == 0 && length > 0 && channel.size() < length) {
            write(length - 1, ByteBuffer.allocate(1));
        }
    }

    @Override
    public int read(long position, ByteBuffer dst) throws IOException {
        int total = 0;
        while (dst.hasRemaining()) {
            int n = transfer(position + total, dst, false);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    @Override
    public void write(long position, ByteBuffer src) throws IOException {
        long p = position;
        while (src.hasRemaining()) {
            p += transfer(p, src, true);
        }
    }

    /** One positional transfer, bounded by the ring's end. */
    private int transfer(long position, ByteBuffer buf, boolean write) throws IOException {
        long offset = ring == 0 ? position : position % ring;
        int limit = buf.limit();
        if (ring != 0) {
            buf.limit((int) Math.min(limit, buf.position() + (ring - offset)));
        }
        try {
            while (true) {
                FileChannel ch = channel;
                try {
                    return write ? ch.write(buf, offset) : ch.read(buf, offset);
                } catch (ClosedByInterruptException e) {
                    reopen(ch);
                    InterruptedIOException ie = new InterruptedIOException("interrupted during spool file I/O");
                    ie.initCause(e);
                    throw ie;
                } catch (AsynchronousCloseException e) {
                    if (closed) {
                        throw e;
                    }
                    reopen(ch);
                } catch (ClosedChannelException e) {
                    if (closed) {
                        throw e;
                    }
                    reopen(ch);
                }
            }
        } finally {
            buf.limit(limit);
        }
    }

    private synchronized void reopen(FileChannel broken) throws IOException {
        if (channel == broken && !closed) {
            channel = open();
        }
    }

    private FileChannel open() throws IOException {
        return FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
    }

    @Override
    public void release(long position) {
        // The ring reuses released space as the producer writes on.
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            channel.close();
        } catch (IOException e) {
            Logger.warn("could not close spool file {}: {}", path, e.getMessage());
        }
        SpoolDirectory.delete(path);
    }
}
