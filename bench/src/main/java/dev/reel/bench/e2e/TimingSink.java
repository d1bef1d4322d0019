package dev.reel.bench.e2e;

import dev.reel.audio.AudioException;
import dev.reel.audio.AudioSink;
import dev.reel.testkit.Signals;
import javax.sound.sampled.AudioFormat;

/**
 * An {@link AudioSink} that hands everything to a real one (a {@code LineSink}) and records in a
 * {@link WriteClock} when each block was handed over and which signal frame it began with — the
 * benchmark's "first block handed to the line". Threading as {@link AudioSink} says.
 */
final class TimingSink implements AudioSink {

    private final AudioSink line;
    private final WriteClock clock;
    private volatile int frameSize;

    TimingSink(AudioSink line, WriteClock clock) {
        this.line = line;
        this.clock = clock;
    }

    @Override
    public void prepare() throws AudioException {
        line.prepare();
    }

    @Override
    public boolean open(AudioFormat format, int bufferBytes) throws AudioException {
        frameSize = format.getFrameSize();
        boolean opened = line.open(format, bufferBytes);
        if (opened) {
            clock.record(System.nanoTime(), WriteClock.OPENED);
        }
        return opened;
    }

    @Override
    public int write(byte[] bytes, int offset, int len) throws AudioException {
        long now = System.nanoTime();
        clock.record(now, frameSize >= 4 && len >= 4 ? Signals.frameNumber(bytes, offset, frameSize) : -1);
        return line.write(bytes, offset, len);
    }

    @Override
    public void start() {
        line.start();
    }

    @Override
    public void stop() {
        line.stop();
    }

    @Override
    public void flush() {
        line.flush();
    }

    @Override
    public void drain() throws AudioException {
        line.drain();
    }

    @Override
    public long framesPlayed() {
        return line.framesPlayed();
    }

    @Override
    public boolean setGain(double linear) {
        return line.setGain(linear);
    }

    @Override
    public String describe() {
        return line.describe();
    }

    @Override
    public void close() {
        line.close();
    }
}
