package dev.reel.core.spool;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Where a spool keeps its bytes: memory first, then a temp file (or, for a spool of a local file,
 * that file itself, read-only). The spool's range bookkeeping decides which bytes may be read; a
 * tier only copies them. Reads may run concurrently with each other and with the one producer's
 * writes to other positions.
 */
sealed interface Tier permits MemoryTier, FileTier {

    /** Copies {@code dst.remaining()} bytes at {@code position}; returns fewer only if released meanwhile. */
    int read(long position, ByteBuffer dst) throws IOException;

    /** Stores all of {@code src} at {@code position}. */
    void write(long position, ByteBuffer src) throws IOException;

    /** Releases storage for the bytes before {@code position} (a live resource's old data). */
    void release(long position);

    /** Frees everything; later reads fail. */
    void close();
}
