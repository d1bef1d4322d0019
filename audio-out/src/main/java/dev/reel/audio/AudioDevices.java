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
        for (Mixer mixer : playing()) {
            names.add(mixer.getMixerInfo().getName());
        }
        return names;
    }

    /** The playing mixer called {@code name}, or null. */
    static Mixer mixer(String name) {
        for (Mixer mixer : playing()) {
            if (mixer.getMixerInfo().getName().equals(name)) {
                return mixer;
            }
        }
        return null;
    }

    /** The mixers that offer a {@code SourceDataLine}, in Java Sound's order. */
    private static List<Mixer> playing() {
        return JavaSound.call(() -> {
            List<Mixer> mixers = new ArrayList<>();
            for (Mixer.Info info : AudioSystem.getMixerInfo()) {
                Mixer mixer = AudioSystem.getMixer(info);
                if (mixer.isLineSupported(SOURCE_LINE)) {
                    mixers.add(mixer);
                }
            }
            return mixers;
        });
    }
}
