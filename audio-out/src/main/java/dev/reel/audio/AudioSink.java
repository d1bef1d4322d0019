package dev.reel.audio;

import javax.sound.sampled.AudioFormat;

/**
 * Where a {@link BlockWriter} sends PCM: a device line or a file.
 *
 * <p>{@link #open}, {@link #write} and {@link #drain} are called by one writer thread, and so is
 * {@link #close}, except that a writer may close a device that stopped taking data from another
 * thread to wake the blocked {@code write}, and closes a sink it never started from its caller's.
 * {@link #start}, {@link #stop}, {@link #flush}, {@link #framesPlayed} and
 * {@link #setGain} may be called from any thread, also while a {@code write} blocks; {@link #prepare}
 * from any thread at any time.
 */
public interface AudioSink extends AutoCloseable {

    /**
     * Does ahead of time what {@link #open} can do without knowing the format (load the sound
     * system, find the device), so that a later opening is quick. Optional; runs on the caller's
     * thread and may be called from any thread, before or between openings. Does nothing by
     * default.
     *
     * @throws AudioException when the device is missing
     */
    default void prepare() throws AudioException {
    }

    /**
     * Opens the sink in {@code format}, stopped, with room for about {@code bufferBytes} queued
     * bytes. A sink may be opened again after {@link #close}.
     *
     * @return false when the sink refuses this format (the caller may try another)
     * @throws AudioException when the device is missing or busy
     */
    boolean open(AudioFormat format, int bufferBytes) throws AudioException;

    /**
     * Queues {@code len} bytes (whole frames), blocking while the queue is full.
     *
     * @return the bytes queued; fewer than {@code len} only when {@link #flush}, {@link #close}
     *     or a stopped device cut the write short
     * @throws AudioException when the device failed
     */
    int write(byte[] bytes, int offset, int len) throws AudioException;

    /** Starts (or resumes) playing what is queued. */
    void start();

    /** Stops playing; what is queued stays queued. */
    void stop();

    /** Discards what is queued at once and makes a blocked {@link #write} return. */
    void flush();

    /** Blocks until everything queued has been played, or a {@link #flush} cuts it short. */
    void drain() throws AudioException;

    /** Frames played since {@link #open}, counted by the device. */
    long framesPlayed();

    /**
     * Sets the output gain ({@code 0} silent, {@code 1} unchanged).
     *
     * @return false when the sink has no gain control (the writer then scales the samples)
     */
    boolean setGain(double linear);

    /** A name for messages, like {@code audio device 'default'}. */
    String describe();

    /** Closes the device or file; safe to call more than once. */
    @Override
    void close();
}
