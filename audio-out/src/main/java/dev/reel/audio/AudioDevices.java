package dev.reel.audio;

import java.util.List;

/** The audio devices (mixers offering a {@code SourceDataLine}) of this machine, by name. */
public final class AudioDevices {

    private AudioDevices() {
    }

    public static List<String> names() {
        throw new UnsupportedOperationException("stub: audio-out owner");
    }
}
