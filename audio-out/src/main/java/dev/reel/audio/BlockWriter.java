package dev.reel.audio;

import javax.sound.sampled.AudioFormat;

/**
 * The double-buffering pump: pulls whole-frame blocks from a {@link PcmInput} on its own thread
 * ({@code reel-audio}) and keeps a few of them in flight at an {@link AudioSink}.
 *
 * <p>All methods are safe from any thread and return promptly; the listener is called on the
 * writer's thread. Frame numbers are in the caller's coordinates: {@link #start} and
 * {@link #flush} say which frame the input's next byte belongs to.
 */
public final class BlockWriter implements AutoCloseable {

    public BlockWriter(AudioSink sink, BlockWriterConfig config, AudioListener listener) {
        throw new UnsupportedOperationException("stub: audio-out owner");
    }

    /**
     * Opens the sink (converting what it refuses) and starts pumping {@code input}, whose first
     * byte is frame {@code startFrame}. Blocks only while the device opens.
     *
     * @throws AudioException when no device format can be opened
     */
    public void start(AudioFormat format, PcmInput input, long startFrame) throws AudioException {
        throw new UnsupportedOperationException("stub");
    }

    /** Stops the device; queued audio is kept. */
    public void pause() {
        throw new UnsupportedOperationException("stub");
    }

    public void resume() {
        throw new UnsupportedOperationException("stub");
    }

    /**
     * Discards queued audio at once, closes the current input (waking a blocked read, whose
     * bytes are dropped) and continues with {@code next}, whose first byte is frame
     * {@code nextFrame}. Also restarts a writer that has drained.
     */
    public void flush(PcmInput next, long nextFrame) {
        throw new UnsupportedOperationException("stub");
    }

    /** Volume 0..100 percent. */
    public void setVolume(int percent) {
        throw new UnsupportedOperationException("stub");
    }

    public void setMuted(boolean muted) {
        throw new UnsupportedOperationException("stub");
    }

    /** The frame the listener hears now, from the device's frame counter. */
    public long audibleFrame() {
        throw new UnsupportedOperationException("stub");
    }

    /** The format the device was opened in, or null before {@link #start}. */
    public AudioFormat deviceFormat() {
        throw new UnsupportedOperationException("stub");
    }

    /** Stops the thread, closes the input and the sink. */
    @Override
    public void close() {
        throw new UnsupportedOperationException("stub");
    }
}
