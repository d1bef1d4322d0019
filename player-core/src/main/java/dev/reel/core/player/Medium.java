package dev.reel.core.player;

import dev.reel.core.format.AudioInfo;
import dev.reel.core.format.PcmFormat;
import dev.reel.core.source.Source;
import dev.reel.core.source.SourceInfo;
import dev.reel.core.spool.ByteRange;
import dev.reel.core.spool.SpoolBuffer;
import dev.reel.core.spool.SpoolReader;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;

/**
 * One opened medium: its source, what its source and header say, and the frame ⇄ byte ⇄ time
 * arithmetic over its data region. Immutable apart from what the source learns later (the
 * length of a chunked body), so any thread may use it.
 */
final class Medium implements AutoCloseable {

    /** A bound on one wait for the cushion, should a wake-up ever be lost. */
    private static final long SAFETY_WAIT_NANOS = TimeUnit.SECONDS.toNanos(1);
    /** How long nothing must arrive at a starving position before the source is sent there. */
    private static final long FETCH_HINT_DELAY_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    private final String location;
    private final Source source;
    private final SourceInfo sourceInfo;
    private final AudioInfo audio;
    private final int frameSize;
    private final int rate;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Runnable signal = this::wakeWaiters;
    private long changes;

    Medium(String location, Source source, SourceInfo sourceInfo, AudioInfo audio) {
        this.location = location;
        this.source = source;
        this.sourceInfo = sourceInfo;
        this.audio = audio;
        this.frameSize = audio.format().frameSize();
        this.rate = audio.format().sampleRate();
    }

    Source source() {
        return source;
    }

    SpoolBuffer spool() {
        return source.spool();
    }

    AudioInfo audio() {
        return audio;
    }

    PcmFormat format() {
        return audio.format();
    }

    int frameSize() {
        return frameSize;
    }

    boolean live() {
        return sourceInfo.live();
    }

    /**
     * The first byte after the playable data: the declared end of the data chunk or the end of
     * the resource, whichever comes first, on a whole frame; {@link Long#MAX_VALUE} while
     * neither is known.
     */
    long dataEnd() {
        long end = Long.MAX_VALUE;
        if (audio.dataLength().isPresent()) {
            end = saturatedAdd(audio.dataOffset(), audio.dataLength().getAsLong());
        }
        OptionalLong length = resourceLength();
        if (length.isPresent()) {
            end = Math.min(end, length.getAsLong());
        }
        if (end == Long.MAX_VALUE) {
            return end;
        }
        long dataBytes = Math.max(0, end - audio.dataOffset());
        return audio.dataOffset() + dataBytes / frameSize * frameSize;
    }

    /** Whole frames of playable data, when the end is known. */
    OptionalLong totalFrames() {
        long end = dataEnd();
        return end == Long.MAX_VALUE
                ? OptionalLong.empty()
                : OptionalLong.of((end - audio.dataOffset()) / frameSize);
    }

    OptionalDouble duration() {
        OptionalLong frames = totalFrames();
        return frames.isPresent() ? OptionalDouble.of(seconds(frames.getAsLong())) : OptionalDouble.empty();
    }

    /** The frame nearest to {@code seconds × rate}, within {@code [0, totalFrames]}. */
    long frameAt(double seconds) {
        long frame = seconds > 0 ? Math.round(seconds * rate) : 0;
        OptionalLong total = totalFrames();
        return total.isPresent() ? Math.min(frame, total.getAsLong()) : frame;
    }

    /** The first whole frame at or after byte {@code position}. */
    long frameAtOrAfter(long position) {
        return Math.max(0, position - audio.dataOffset() + frameSize - 1) / frameSize;
    }

    long byteOf(long frame) {
        long maxFrame = (Long.MAX_VALUE - audio.dataOffset()) / frameSize;
        return audio.dataOffset() + Math.min(frame, maxFrame) * frameSize;
    }

    double seconds(long frame) {
        return (double) frame / rate;
    }

    /** A new reader of the spool at byte {@code position}. */
    SpoolReader readerAt(long position) {
        return spool().newReader(position);
    }

    /** The downloaded parts of the data region, on whole frames, in seconds. */
    List<TimeRange> downloadedTimes(List<ByteRange> present) {
        long end = dataEnd();
        long offset = audio.dataOffset();
        List<TimeRange> times = new ArrayList<>();
        for (ByteRange range : present) {
            long start = Math.max(range.start(), offset);
            long stop = Math.min(range.end(), end);
            if (stop <= start) {
                continue;
            }
            long firstFrame = (start - offset + frameSize - 1) / frameSize;
            long endFrame = (stop - offset) / frameSize;
            if (endFrame > firstFrame) {
                times.add(new TimeRange(seconds(firstFrame), seconds(endFrame)));
            }
        }
        return times;
    }

    /**
     * Waits until {@code bytes} are present contiguously from {@code position}, the data ends
     * sooner, the source fails or a live stream's retained window passes {@code position} (the
     * next read then throws), the spool closes, or {@code stop} says so after
     * {@link #wakeWaiters}. Consumes nothing.
     *
     * <p>When no byte at all arrives at {@code position} for a while, the download is elsewhere
     * (the playback ran into a hole a seek left): the source is then told to fetch from here.
     * Not at once, because at the edge of a running transfer the next bytes are on their way.
     */
    void awaitContiguous(long position, long bytes, BooleanSupplier stop) throws IOException {
        SpoolBuffer spool = spool();
        spool.addChangeListener(signal);
        try {
            long fetchAt = System.nanoTime() + FETCH_HINT_DELAY_NANOS;
            boolean hinted = false;
            while (!stop.getAsBoolean() && !spool.isClosed() && spool.failure().isEmpty()
                    && position >= spool.windowStart()) {
                long seen = changes();
                long present = spool.contiguousFrom(position);
                if (present >= Math.min(bytes, dataEnd() - position)) {
                    return;
                }
                long now = System.nanoTime();
                if (!hinted && present == 0 && now - fetchAt >= 0) {
                    source.seek(position);
                    hinted = true;
                }
                long wait = hinted || present > 0 ? SAFETY_WAIT_NANOS : Math.min(SAFETY_WAIT_NANOS, fetchAt - now);
                awaitChange(seen, wait);
            }
        } finally {
            spool.removeChangeListener(signal);
        }
    }

    /** Wakes {@link #awaitContiguous} to look again. Safe from any thread; never blocks for long. */
    void wakeWaiters() {
        lock.lock();
        try {
            changes++;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private long changes() {
        lock.lock();
        try {
            return changes;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until something changed after {@code seen}, at most {@code nanos}. */
    private void awaitChange(long seen, long nanos) throws InterruptedIOException {
        lock.lock();
        try {
            long left = nanos;
            while (changes == seen && left > 0) {
                left = changed.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while buffering " + location);
        } finally {
            lock.unlock();
        }
    }

    MediaInfo describe() {
        return new MediaInfo(location, audio.format(), duration(), resourceLength(),
                sourceInfo.rangeRequests() && !sourceInfo.live(), sourceInfo.live(), audio);
    }

    private OptionalLong resourceLength() {
        OptionalLong known = spool().length();
        return known.isPresent() ? known : sourceInfo.length();
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < a ? Long.MAX_VALUE : sum;
    }

    /** Stops the source; the spool goes with it unless someone else shares it. */
    @Override
    public void close() {
        source.close();
    }
}
