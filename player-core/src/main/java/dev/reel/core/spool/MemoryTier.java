package dev.reel.core.spool;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bytes in fixed-size heap pages, allocated only where bytes are written, so a sparse resource
 * costs only what it holds. Pages are never rewritten once their bytes are present, so readers
 * copy from them without a lock.
 */
final class MemoryTier implements Tier {

    static final int PAGE = 64 * 1024;

    private final ConcurrentHashMap<Long, byte[]> pages = new ConcurrentHashMap<>();

    /** Heap bytes held. */
    long bytes() {
        return (long) pages.size() * PAGE;
    }

    /** Heap bytes held after storing {@code [start, end)}. */
    long bytesAfterWrite(long start, long end) {
        long added = 0;
        for (long page = start / PAGE; page <= (end - 1) / PAGE; page++) {
            if (!pages.containsKey(page)) {
                added += PAGE;
            }
        }
        return bytes() + added;
    }

    @Override
    public int read(long position, ByteBuffer dst) {
        int copied = 0;
        while (dst.hasRemaining()) {
            byte[] page = pages.get(position / PAGE);
            if (page == null) {
                break;
            }
            int offset = (int) (position % PAGE);
            int n = Math.min(dst.remaining(), PAGE - offset);
            dst.put(page, offset, n);
            position += n;
            copied += n;
        }
        return copied;
    }

    @Override
    public void write(long position, ByteBuffer src) {
        while (src.hasRemaining()) {
            byte[] page = pages.computeIfAbsent(position / PAGE, k -> new byte[PAGE]);
            int offset = (int) (position % PAGE);
            int n = Math.min(src.remaining(), PAGE - offset);
            src.get(page, offset, n);
            position += n;
        }
    }

    @Override
    public void release(long position) {
        pages.keySet().removeIf(page -> (page + 1) * PAGE <= position);
    }

    /** Copies the given present ranges into {@code file}. */
    void copyTo(FileTier file, List<ByteRange> ranges) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(PAGE);
        for (ByteRange r : ranges) {
            for (long p = r.start(); p < r.end(); p += chunk.capacity()) {
                chunk.clear().limit((int) Math.min(chunk.capacity(), r.end() - p));
                read(p, chunk);
                file.write(p, chunk.flip());
            }
        }
    }

    @Override
    public void close() {
        pages.clear();
    }
}
