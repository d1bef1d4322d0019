package dev.reel.audio;

import java.util.ArrayList;
import java.util.List;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioFormat.Encoding;

/**
 * The device formats to try for a source format, best first: the source itself, then lossless
 * equivalents (little-endian, signed 8-bit, 24 in 32 bits, G.711 expanded to 16 bits, float as
 * 32-bit integers), then 16-bit little-endian, and only then fewer (or, for mono, two) channels.
 * The sample rate never changes. Stateless.
 */
final class FormatNegotiation {

    private FormatNegotiation() {
    }

    static List<AudioFormat> candidates(AudioFormat source) {
        List<AudioFormat> out = new ArrayList<>();
        Encoding e = source.getEncoding();
        int bits = source.getSampleSizeInBits();
        int channels = source.getChannels();
        boolean integer = e.equals(Encoding.PCM_SIGNED) || e.equals(Encoding.PCM_UNSIGNED);
        if (integer) {
            add(out, source);
            if (bits > 8) {
                add(out, new AudioFormat(e, source.getSampleRate(), bits, channels,
                        source.getFrameSize(), source.getFrameRate(), false));
            }
            if (bits == 8) {
                add(out, signedLe(source, 8, channels));
            }
            if (bits == 24) {
                add(out, signedLe(source, 32, channels));
            }
        } else if (e.equals(Encoding.PCM_FLOAT)) {
            add(out, signedLe(source, 32, channels));
            add(out, signedLe(source, 24, channels));
        }
        add(out, signedLe(source, 16, channels));
        if (channels > 2) {
            add(out, signedLe(source, 16, 2));
        }
        if (channels == 1) {
            add(out, signedLe(source, 16, 2));
        } else {
            add(out, signedLe(source, 16, 1));
        }
        return out;
    }

    static AudioFormat signedLe(AudioFormat source, int bits, int channels) {
        return new AudioFormat(Encoding.PCM_SIGNED, source.getSampleRate(), bits, channels,
                channels * (bits / 8), source.getSampleRate(), false);
    }

    private static void add(List<AudioFormat> out, AudioFormat format) {
        for (AudioFormat f : out) {
            if (f.matches(format) && f.getEncoding().equals(format.getEncoding())
                    && f.getFrameSize() == format.getFrameSize()) {
                return;
            }
        }
        out.add(format);
    }
}
