package dev.reel.core.spool;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.AsynchronousCloseException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.ClosedChannelException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import org.tinylog.Logger;

/**
 * Bytes in a file, through positional reads and writes, so concurrent readers share no file
 * pointer. Either a private temp file ({@link #create}), deleted on close, or a user's file
 * borrowed read-only ({@link #borrow}), never written and never deleted. With a ring size,
 * position {@code p} lives at {@code p % ring}: a live resource reuses the space of released
 * bytes.
 *
 * <p>An interrupt during channel I/O closes a {@link FileChannel} for every thread; this tier then
 * reopens the file, so one interrupted reader cannot break the others.
 */
final class FileTier implements Tier {

    private final Path path;
    private final long ring;
    /** A borrowed file's length when it was opened; -1 for an owned temp file. */
    private final long borrowedLength;
    /** Which file a borrowed path named when opened, so a reopen cannot switch to a replacement. */
    private final Object fileKey;
    private volatile FileChannel channel;
    private volatile boolean closed;

    private FileTier(Path path, long ring, long borrowedLength) throws IOException {
        this.path = path;
        this.ring = ring;
        this.borrowedLength = borrowedLength;
        this.channel = open();
        this.fileKey = borrowedLength >= 0 ? fileKey() : null;
    }

    /** A new spill file in {@code directory}; {@code ring} 0 maps positions one to one. */
    static FileTier create(Path directory, long ring) throws IOException {
        Path file = SpoolDirectory.createFile(directory);
        try {
            return new FileTier(file, ring, -1);
        } catch (IOException e) {
            SpoolDirectory.delete(file);
            throw e;
        }
    }

    /** The user's file at {@code path}, opened read-only; {@link #close} leaves it in place. */
    static FileTier borrow(Path path) throws IOException {
        try (FileChannel probe = FileChannel.open(path, StandardOpenOption.READ)) {
            return new FileTier(path, 0, probe.size());
        }
    }

    Path path() {
        return path;
    }

    /** Whether this is a user's file, read in place, rather than a temp file of the spool's own. */
    boolean borrowed() {
        return borrowedLength >= 0;
    }

    /** The file's length: for a borrowed file, as it was when opened. */
    long length() throws IOException {
        return borrowed() ? borrowedLength : channel.size();
    }

    /**
     * Makes the file {@code length} long without allocating its blocks: writing one byte at the
     * end leaves everything before it a hole.
     */
    void extendTo(long length) throws IOException {
        if (!borrowed() && ring == 0 && length > 0 && channel.size() < length) {
            write(length - 1, ByteBuffer.allocate(1));
        }
    }

    /**
     * {@inheritDoc}
     *
     * @throws FileShrankException when a borrowed file ends before the bytes asked for: someone
     *     truncated it after it was opened ({@code dst} is then left as it was)
     */
    @Override
    public int read(long position, ByteBuffer dst) throws IOException {
        int start = dst.position();
        int total = 0;
        while (dst.hasRemaining()) {
            int n = transfer(position + total, dst, false);
            if (n < 0) {
                if (borrowed()) {
                    dst.position(start);
                    throw new FileShrankException(path, position + total, borrowedLength, channel.size());
                }
                break;
            }
            total += n;
        }
        return total;
    }

    @Override
    public void write(long position, ByteBuffer src) throws IOException {
        if (borrowed()) {
            throw new IllegalStateException("spool reads " + path + " in place and cannot write to it");
        }
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
            FileChannel reopened = open();
            if (fileKey != null && !fileKey.equals(fileKey())) {
                reopened.close();
                throw new IOException("file " + path + " was replaced while being read");
            }
            channel = reopened;
        }
    }

    private Object fileKey() throws IOException {
        return Files.readAttributes(path, BasicFileAttributes.class).fileKey();
    }

    private FileChannel open() throws IOException {
        return borrowed()
                ? FileChannel.open(path, StandardOpenOption.READ)
                : FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
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
        if (!borrowed()) {
            SpoolDirectory.delete(path);
        }
    }
}
