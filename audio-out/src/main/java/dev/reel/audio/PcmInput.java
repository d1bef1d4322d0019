package dev.reel.audio;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * PCM bytes that a {@link BlockWriter} pulls, in the format it was started with.
 *
 * <p>{@link #read} is called only from the writer's thread. {@link #close} may be called from
 * any thread and wakes a blocked {@code read}, which then returns -1.
 */
public interface PcmInput extends Closeable {

    /**
     * Reads up to {@code dst.remaining()} bytes into {@code dst}, blocking until at least one
     * byte is there, the input ends, or it is closed. The count need not be a whole number of
     * frames.
     *
     * @return the number of bytes read (at least 1), or -1 at the end or once closed
     */
    int read(ByteBuffer dst) throws IOException;
}
