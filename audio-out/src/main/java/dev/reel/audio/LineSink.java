package dev.reel.audio;

import java.util.concurrent.atomic.AtomicInteger;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.BooleanControl;
import javax.sound.sampled.FloatControl;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;

/**
 * An {@link AudioSink} on a {@code javax.sound} {@code SourceDataLine} of the default mixer or of
 * a mixer chosen by name. A closed sink's line is kept for the next sink of its mixer, so that
 * only the first opening in a process pays for Java Sound's device lookup. Threading as
 * {@link AudioSink} says.
 */
public final class LineSink implements AudioSink {

    private final String mixerName;
    private volatile SourceDataLine line;
    private volatile boolean started;
    /** Writes and drains under way, which a close must not hand the line on from. */
    private final AtomicInteger inFlight = new AtomicInteger();

    /** @param mixerName a mixer's name as {@link AudioDevices#names()} lists it, or null for the default */
    public LineSink(String mixerName) {
        this.mixerName = mixerName;
    }

    /**
     * Looks up the mixer's line ahead of time (on the caller's thread), so that the first
     * {@link #open} of this or a later sink of the same mixer skips Java Sound's device
     * enumeration; loads the sound system in a fresh JVM.
     */
    @Override
    public void prepare() throws AudioException {
        LinePool.prepare(mixerName);
    }

    @Override
    public boolean open(AudioFormat format, int bufferBytes) throws AudioException {
        AudioFormat.Encoding encoding = format.getEncoding();
        // Java Sound lists µ-law, A-law and float lines but cannot open them on ALSA.
        if (!encoding.equals(AudioFormat.Encoding.PCM_SIGNED)
                && !encoding.equals(AudioFormat.Encoding.PCM_UNSIGNED)) {
            return false;
        }
        try {
            return openLine(format, bufferBytes);
        } catch (LineUnavailableException kept) {
            // A kept line may belong to a device that has gone since: look the line up afresh once.
            LinePool.forget(mixerName);
            try {
                return openLine(format, bufferBytes);
            } catch (LineUnavailableException | SecurityException e) {
                throw unavailable(mixerName, e);
            }
        } catch (SecurityException e) {
            throw unavailable(mixerName, e);
        }
    }

    private boolean openLine(AudioFormat format, int bufferBytes) throws AudioException, LineUnavailableException {
        SourceDataLine candidate = LinePool.take(mixerName, format);
        if (candidate == null) {
            return false;
        }
        boolean opened = false;
        try {
            candidate.open(format, bufferBytes);
            opened = true;
        } catch (IllegalArgumentException refused) {
            return false;
        } finally {
            if (!opened) {
                LinePool.give(mixerName, candidate);
            }
        }
        line = candidate;
        resetGain(candidate);
        return true;
    }

    /** Java Sound keeps a line's gain and mute across openings: a kept line starts unmuted at 0 dB. */
    private static void resetGain(SourceDataLine l) {
        if (l.isControlSupported(BooleanControl.Type.MUTE)) {
            ((BooleanControl) l.getControl(BooleanControl.Type.MUTE)).setValue(false);
        }
        if (l.isControlSupported(FloatControl.Type.MASTER_GAIN)) {
            FloatControl gain = (FloatControl) l.getControl(FloatControl.Type.MASTER_GAIN);
            gain.setValue(Math.max(gain.getMinimum(), Math.min(gain.getMaximum(), 0f)));
        }
    }

    @Override
    public int write(byte[] bytes, int offset, int len) throws AudioException {
        inFlight.incrementAndGet();
        try {
            SourceDataLine l = line;
            if (l == null || !l.isOpen()) {
                throw new AudioException(describe() + " is closed");
            }
            return l.write(bytes, offset, len);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new AudioException(describe() + " rejected a write: " + oneLine(e));
        } finally {
            inFlight.decrementAndGet();
        }
    }

    @Override
    public synchronized void start() {
        SourceDataLine l = line;
        if (l != null) {
            started = true;
            l.start();
        }
    }

    @Override
    public synchronized void stop() {
        SourceDataLine l = line;
        if (l != null) {
            started = false;
            l.stop();
        }
    }

    /**
     * Java's ALSA line leaves a stopped line unable to take data after a flush (the device is
     * dropped and prepared again only when it is running), so a stopped line is flushed running.
     */
    @Override
    public synchronized void flush() {
        SourceDataLine l = line;
        if (l == null) {
            return;
        }
        boolean wasStarted = started;
        if (!wasStarted) {
            l.start();
        }
        l.flush();
        if (!wasStarted) {
            l.stop();
        }
    }

    @Override
    public void drain() {
        inFlight.incrementAndGet();
        try {
            SourceDataLine l = line;
            if (l != null) {
                l.drain();
            }
        } finally {
            inFlight.decrementAndGet();
        }
    }

    /** Synchronized with {@link #close}, so a line given back for reuse is never read or set through this sink. */
    @Override
    public synchronized long framesPlayed() {
        SourceDataLine l = line;
        return l == null ? 0 : l.getLongFramePosition();
    }

    /**
     * Uses the line's master gain, but only for samples of 8 or 16 bits: Java's ALSA lines offer
     * the control for wider samples too and then ignore it.
     */
    @Override
    public synchronized boolean setGain(double linear) {
        SourceDataLine l = line;
        if (l == null || l.getFormat().getSampleSizeInBits() > 16
                || !l.isControlSupported(FloatControl.Type.MASTER_GAIN)) {
            return false;
        }
        FloatControl gain = (FloatControl) l.getControl(FloatControl.Type.MASTER_GAIN);
        boolean silent = linear <= 0;
        if (l.isControlSupported(BooleanControl.Type.MUTE)) {
            ((BooleanControl) l.getControl(BooleanControl.Type.MUTE)).setValue(silent);
        }
        float db = silent ? gain.getMinimum() : (float) (20 * Math.log10(linear));
        gain.setValue(Math.max(gain.getMinimum(), Math.min(gain.getMaximum(), db)));
        return true;
    }

    @Override
    public String describe() {
        return describe(mixerName);
    }

    static String describe(String mixerName) {
        return "audio device '" + (mixerName == null ? "default" : mixerName) + "'";
    }

    /** The one-line error for a device that Java Sound could not give or open. */
    static AudioException unavailable(String mixerName, Exception e) {
        return new AudioException(describe(mixerName) + " is busy or unavailable: " + oneLine(e));
    }

    /**
     * Closes the line and keeps it for the next opening, unless a write or drain was still in
     * it (a stalled device closed to wake its writer): a line another sink opens must not take
     * the tail of this one's write.
     */
    @Override
    public synchronized void close() {
        SourceDataLine l = line;
        line = null;
        if (l == null) {
            return;
        }
        if (inFlight.get() == 0) {
            LinePool.give(mixerName, l);
        } else {
            l.close();
        }
    }

    static String oneLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replaceAll("\\s+", " ").trim();
    }
}
