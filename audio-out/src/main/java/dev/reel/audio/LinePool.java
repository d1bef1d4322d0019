package dev.reel.audio;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.SourceDataLine;

/**
 * Closed {@code SourceDataLine} objects kept for the next opening, by mixer. Java Sound finds a
 * line by asking every mixer provider for its devices again (a native enumeration of ALSA's cards,
 * several milliseconds even in a warm JVM, and most of a line's opening), while a closed line can
 * simply be opened again, in any format its mixer plays. A line is taken while open and given back
 * when closed, so no two sinks share one. Safe from any thread.
 */
final class LinePool {

    /** Lines kept per mixer: enough for a player and a preview opening at once. */
    private static final int KEPT_PER_MIXER = 2;
    /** The format a line is looked up with ahead of time; it is opened in any other its mixer plays. */
    private static final AudioFormat PROBE = new AudioFormat(44100, 16, 2, true, false);

    private static final Map<String, Deque<SourceDataLine>> IDLE = new HashMap<>();
    /** One lock per mixer held while preparing, so that a second preparation waits for the first. */
    private static final Map<String, Object> PREPARING = new HashMap<>();

    private LinePool() {
    }

    /**
     * Looks up a line of {@code mixerName} (null: the default) now, unless one is kept already, so
     * that the next {@link #take} is quick.
     */
    static void prepare(String mixerName) throws AudioException {
        Object preparing;
        synchronized (IDLE) {
            preparing = PREPARING.computeIfAbsent(key(mixerName), name -> new Object());
        }
        synchronized (preparing) {
            synchronized (IDLE) {
                if (!idle(mixerName).isEmpty()) {
                    return;
                }
            }
            SourceDataLine line = lookUp(mixerName, new DataLine.Info(SourceDataLine.class, PROBE));
            if (line != null) {
                give(mixerName, line);
            }
        }
    }

    /**
     * A closed line of {@code mixerName} (null: the default) that plays {@code format}: a kept one
     * when it does, else one looked up for the format.
     *
     * @return null when the mixer does not play {@code format}
     * @throws AudioException when the named mixer does not exist
     */
    static SourceDataLine take(String mixerName, AudioFormat format) throws AudioException {
        synchronized (IDLE) {
            for (var kept = idle(mixerName).iterator(); kept.hasNext(); ) {
                SourceDataLine line = kept.next();
                if (((DataLine.Info) line.getLineInfo()).isFormatSupported(format)) {
                    kept.remove();
                    return line;
                }
            }
        }
        return lookUp(mixerName, new DataLine.Info(SourceDataLine.class, format));
    }

    /** Keeps {@code line}, closed, for a later {@link #take}; closes it first if need be. */
    static void give(String mixerName, SourceDataLine line) {
        line.close();
        synchronized (IDLE) {
            Deque<SourceDataLine> kept = idle(mixerName);
            if (kept.size() < KEPT_PER_MIXER && !kept.contains(line)) {
                kept.push(line);
            }
        }
    }

    /** Forgets the kept lines of {@code mixerName}: one of them failed to open, the device may be gone. */
    static void forget(String mixerName) {
        synchronized (IDLE) {
            idle(mixerName).clear();
        }
    }

    private static Deque<SourceDataLine> idle(String mixerName) {
        return IDLE.computeIfAbsent(key(mixerName), name -> new ArrayDeque<>());
    }

    private static String key(String mixerName) {
        return mixerName == null ? "" : mixerName;
    }

    private static SourceDataLine lookUp(String mixerName, DataLine.Info info) throws AudioException {
        Mixer mixer = mixerName == null ? null : AudioDevices.mixer(mixerName);
        if (mixerName != null && mixer == null) {
            throw new AudioException(LineSink.describe(mixerName) + " not found (devices: "
                    + String.join(", ", AudioDevices.names()) + ")");
        }
        try {
            // No isLineSupported first: getLine refuses an unsupported line itself, and
            // AudioSystem.isLineSupported asks every mixer of every provider (the port mixers'
            // native enumeration too) where getLine stops at the first that plays the line.
            return JavaSound.call(() -> (SourceDataLine) (mixer == null
                    ? AudioSystem.getLine(info)
                    : mixer.getLine(info)));
        } catch (IllegalArgumentException refused) {
            return null;
        } catch (LineUnavailableException | SecurityException e) {
            throw LineSink.unavailable(mixerName, e);
        }
    }
}
