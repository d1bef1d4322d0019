package dev.reel.core.player;

import dev.reel.audio.PcmInput;
import dev.reel.core.spool.SpoolReader;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * The samples of a medium from one spool reader, up to the end of the data region, for a
 * {@code BlockWriter}.
 *
 * <p>Until it has filled the writer's first blocks it simply waits for bytes, so that playback
 * starts (or answers a seek) as soon as they are there. Later, when playback catches up with the
 * download, it reports that it is starving and waits until
 * a cushion is downloaded (or the data ends) instead of feeding the device block by block.
 *
 * <p>{@link #read} runs on the writer's thread only; {@link #close} may come from any thread
 * and wakes a blocked read, which then returns -1. The {@link Listener} is called on the
 * writer's thread.
 */
final class SpoolPcmInput implements PcmInput {

    /** What the input tells the player; called on the writer's thread, must not block. */
    interface Listener {

        /** The input caught up with the download and waits for the cushion. */
        void starving(SpoolPcmInput input);

        /** The cushion is there (or the data ends); feeding resumes. */
        void refilled(SpoolPcmInput input);

        /** Reading failed (the source gave up); the input now reports its end. */
        void failed(SpoolPcmInput input, IOException error);
    }

    private final Medium medium;
    private final SpoolReader reader;
    private final long startFrame;
    private final long primeBytes;
    private final long cushionBytes;
    private final Listener listener;
    private long delivered;
    private volatile boolean closed;
    private volatile boolean reachedEnd;

    /**
     * @param startFrame the frame at the reader's position
     * @param primeBytes bytes to deliver before starving counts (the writer's blocks in flight)
     * @param cushionBytes bytes to have downloaded ahead before resuming after starving
     */
    SpoolPcmInput(Medium medium, long startFrame, long primeBytes, long cushionBytes,
            Listener listener) {
        this.medium = medium;
        this.reader = medium.readerAt(medium.byteOf(startFrame));
        this.startFrame = startFrame;
        this.primeBytes = primeBytes;
        this.cushionBytes = cushionBytes;
        this.listener = listener;
    }

    long startFrame() {
        return startFrame;
    }

    /** Whether the input returned its end because the data ended (not because it was closed or failed). */
    boolean reachedEnd() {
        return reachedEnd;
    }

    @Override
    public int read(ByteBuffer dst) throws IOException {
        if (closed) {
            return -1;
        }
        try {
            long position = reader.position();
            long end = medium.dataEnd();
            if (position >= end) {
                reachedEnd = true;
                return -1;
            }
            if (medium.spool().contiguousFrom(position) == 0) {
                await(position);
                if (closed) {
                    return -1;
                }
                end = medium.dataEnd();
                if (position >= end) {
                    reachedEnd = true;
                    return -1;
                }
            }
            int wanted = (int) Math.min(dst.remaining(), end - position);
            ByteBuffer window = dst.slice(dst.position(), wanted);
            int n = reader.read(window);
            if (n < 0) {
                reachedEnd = !closed;
                return -1;
            }
            dst.position(dst.position() + n);
            delivered += n;
            return n;
        } catch (IOException e) {
            if (closed) {
                return -1;
            }
            listener.failed(this, e);
            closed = true;
            return -1;
        }
    }

    /** Waits for bytes at {@code position}: any before the writer's first blocks are full, else the cushion. */
    private void await(long position) throws IOException {
        if (delivered < primeBytes) {
            medium.awaitContiguous(position, 1, () -> closed);
            return;
        }
        listener.starving(this);
        medium.awaitContiguous(position, cushionBytes, () -> closed);
        listener.refilled(this);
    }

    @Override
    public void close() {
        closed = true;
        reader.close();
        medium.wakeWaiters();
    }
}
