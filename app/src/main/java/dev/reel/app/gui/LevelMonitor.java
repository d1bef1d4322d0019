package dev.reel.app.gui;

import dev.reel.core.format.PcmFormat;
import dev.reel.core.player.Tap;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.DoubleSupplier;
import java.util.function.Supplier;
import org.tinylog.Logger;

/**
 * Measures the levels of the frames just before the audible position, 25 times a second, on its
 * own thread and through its own cursor into the media (the player's tap), so the player's reads
 * are never disturbed. The schedule is a display refresh, not a wait for a condition. Results go
 * to a consumer on the monitor's thread.
 */
final class LevelMonitor implements AutoCloseable {

    private static final long PERIOD_MILLIS = 40;

    private final DoubleSupplier audibleSeconds;
    private final Consumer<Levels> out;
    private final ScheduledExecutorService thread = Daemons.scheduler("reel-levels");
    private volatile Tap tap;
    private volatile boolean closed;
    /** The audible position moves about 20 times a second: still for longer means paused. */
    private static final int STILL_TICKS_FOR_SILENCE = 4;

    private double lastSeconds = Double.NaN;
    private int stillTicks;
    private ByteBuffer buffer = ByteBuffer.allocate(0);

    /**
     * Opens the tap with {@code opener} on the monitor's thread, then measures; without a tap
     * (nothing open any more) it does nothing.
     *
     * @param audibleSeconds the audible position, read from the monitor's thread
     */
    LevelMonitor(Supplier<Optional<Tap>> opener, DoubleSupplier audibleSeconds, Consumer<Levels> out) {
        this.audibleSeconds = audibleSeconds;
        this.out = out;
        thread.execute(() -> open(opener));
    }

    private void open(Supplier<Optional<Tap>> opener) {
        Optional<Tap> opened = opener.get();
        if (opened.isEmpty()) {
            return;
        }
        tap = opened.get();
        if (closed) {
            tap.close();
            return;
        }
        thread.scheduleWithFixedDelay(this::measure, 0, PERIOD_MILLIS, TimeUnit.MILLISECONDS);
    }

    private void measure() {
        Tap t = tap;
        double seconds = audibleSeconds.getAsDouble();
        if (t == null || closed) {
            return;
        }
        PcmFormat format = t.audio().format();
        if (seconds == lastSeconds) {
            if (++stillTicks == STILL_TICKS_FOR_SILENCE) {
                out.accept(Levels.silence(format.channels()));
            }
            return;
        }
        lastSeconds = seconds;
        stillTicks = 0;
        try {
            out.accept(Levels.measure(format, read(t, seconds)));
        } catch (IOException e) {
            if (!closed) {
                Logger.info("level meter stopped: {}", e.getMessage());
                close();
            }
        }
    }

    /** The whole frames of the last period before {@code seconds}. */
    private ByteBuffer read(Tap t, double seconds) throws IOException {
        PcmFormat format = t.audio().format();
        int frameSize = format.frameSize();
        long endFrame = (long) Math.floor(Math.max(0, seconds) * format.sampleRate());
        if (t.audio().dataLength().isPresent()) {
            endFrame = Math.min(endFrame, t.audio().dataLength().getAsLong() / frameSize);
        }
        long startFrame = Math.max(0, endFrame - format.sampleRate() * PERIOD_MILLIS / 1000);
        int length = (int) ((endFrame - startFrame) * frameSize);
        if (buffer.capacity() < length) {
            buffer = ByteBuffer.allocate(length);
        }
        buffer.clear().limit(length);
        t.reader().position(t.audio().dataOffset() + startFrame * frameSize);
        int n = 0;
        while (buffer.hasRemaining() && n >= 0) {
            n = t.reader().read(buffer);
        }
        buffer.flip();
        buffer.limit(buffer.limit() - buffer.limit() % frameSize);
        return buffer;
    }

    @Override
    public void close() {
        closed = true;
        thread.shutdownNow();
        Tap t = tap;
        if (t != null) {
            t.close();
        }
    }
}
