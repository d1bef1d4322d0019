package dev.reel.audio;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.BooleanControl;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.FloatControl;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.SourceDataLine;

/**
 * An {@link AudioSink} on a {@code javax.sound} {@code SourceDataLine} of the default mixer or of
 * a mixer chosen by name. Threading as {@link AudioSink} says.
 */
public final class LineSink implements AudioSink {

    private final String mixerName;
    private volatile SourceDataLine line;
    private volatile boolean started;

    /** @param mixerName a mixer's name as {@link AudioDevices#names()} lists it, or null for the default */
    public LineSink(String mixerName) {
        this.mixerName = mixerName;
    }

    @Override
    public boolean open(AudioFormat format, int bufferBytes) throws AudioException {
        AudioFormat.Encoding encoding = format.getEncoding();
        // Java Sound lists µ-law, A-law and float lines but cannot open them on ALSA.
        if (!encoding.equals(AudioFormat.Encoding.PCM_SIGNED)
                && !encoding.equals(AudioFormat.Encoding.PCM_UNSIGNED)) {
            return false;
        }
        DataLine.Info info = new DataLine.Info(SourceDataLine.class, format);
        Mixer mixer = mixerName == null ? null : AudioDevices.mixer(mixerName);
        if (mixerName != null && mixer == null) {
            throw new AudioException(describe() + " not found (devices: "
                    + String.join(", ", AudioDevices.names()) + ")");
        }
        try {
            if (mixer == null ? !AudioSystem.isLineSupported(info) : !mixer.isLineSupported(info)) {
                return false;
            }
            SourceDataLine opened = (SourceDataLine) (mixer == null ? AudioSystem.getLine(info) : mixer.getLine(info));
            opened.open(format, bufferBytes);
            line = opened;
            return true;
        } catch (IllegalArgumentException refused) {
            return false;
        } catch (LineUnavailableException | SecurityException e) {
            throw new AudioException(describe() + " is busy or unavailable: " + oneLine(e));
        }
    }

    @Override
    public int write(byte[] bytes, int offset, int len) throws AudioException {
        SourceDataLine l = line;
        if (l == null || !l.isOpen()) {
            throw new AudioException(describe() + " is closed");
        }
        try {
            return l.write(bytes, offset, len);
        } catch (IllegalArgumentException | IllegalStateException e) {
            throw new AudioException(describe() + " rejected a write: " + oneLine(e));
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
        SourceDataLine l = line;
        if (l != null) {
            l.drain();
        }
    }

    @Override
    public long framesPlayed() {
        SourceDataLine l = line;
        return l == null ? 0 : l.getLongFramePosition();
    }

    /**
     * Uses the line's master gain, but only for samples of 8 or 16 bits: Java's ALSA lines offer
     * the control for wider samples too and then ignore it.
     */
    @Override
    public boolean setGain(double linear) {
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
        return "audio device '" + (mixerName == null ? "default" : mixerName) + "'";
    }

    @Override
    public void close() {
        SourceDataLine l = line;
        line = null;
        if (l != null) {
            l.close();
        }
    }

    private static String oneLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.replaceAll("\\s+", " ").trim();
    }
}
