package dev.reel.audio;

import java.util.ArrayList;
import java.util.List;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.Line;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.SourceDataLine;

/**
 * The audio devices (mixers offering a {@code SourceDataLine}) of this machine, by name.
 * Stateless; safe from any thread.
 */
public final class AudioDevices {

    private static final Line.Info SOURCE_LINE = new Line.Info(SourceDataLine.class);

    private AudioDevices() {
    }

    /** The names of the mixers that can play, in the order Java Sound lists them. */
    public static List<String> names() {
        List<String> names = new ArrayList<>();
        for (Mixer.Info info : AudioSystem.getMixerInfo()) {
            if (AudioSystem.getMixer(info).isLineSupported(SOURCE_LINE)) {
                names.add(info.getName());
            }
        }
        return names;
    }

    /** The playing mixer called {@code name}, or null. */
    static Mixer mixer(String name) {
        for (Mixer.Info info : AudioSystem.getMixerInfo()) {
            Mixer mixer = AudioSystem.getMixer(info);
            if (info.getName().equals(name) && mixer.isLineSupported(SOURCE_LINE)) {
                return mixer;
            }
        }
        return null;
    }
}
