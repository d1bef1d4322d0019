package dev.reel.core.format;

import java.math.BigDecimal;
import java.util.Objects;
import javax.sound.sampled.AudioFormat;

/**
 * The shape of PCM frames: encoding, sample rate, channels. Immutable and always valid: the
 * constructor rejects rates and channel counts outside {@code 1..}{@link #MAX_SAMPLE_RATE} and
 * {@code 1..}{@link #MAX_CHANNELS}.
 */
public record PcmFormat(PcmEncoding encoding, int sampleRate, int channels) {

    /** Highest accepted sample rate: above every real-world rate (768 kHz DXD/DSD-PCM) with room. */
    public static final int MAX_SAMPLE_RATE = 1_536_000;

    /** Highest accepted channel count: more than any layout WAV names (18 speakers) or uses. */
    public static final int MAX_CHANNELS = 256;

    /**
     * @throws IllegalArgumentException one line, when the rate or channel count is out of range
     */
    public PcmFormat {
        Objects.requireNonNull(encoding, "encoding");
        String problem = problem(sampleRate, channels);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /**
     * What is wrong with this rate and channel count, as one line, or null when both are fine.
     * Parsers call it to raise their own exception type with the same words.
     */
    static String problem(long sampleRate, long channels) {
        if (sampleRate <= 0 || sampleRate > MAX_SAMPLE_RATE) {
            return "sample rate " + sampleRate + " Hz is outside 1.." + MAX_SAMPLE_RATE;
        }
        if (channels <= 0 || channels > MAX_CHANNELS) {
            return channels + " channels is outside 1.." + MAX_CHANNELS;
        }
        return null;
    }

    /** Bytes in one frame (one sample of every channel). */
    public int frameSize() {
        return encoding.bytesPerSample() * channels;
    }

    public long bytesPerSecond() {
        return (long) frameSize() * sampleRate;
    }

    /** The equivalent {@code javax.sound} format (which a line may or may not accept). */
    public AudioFormat toAudioFormat() {
        AudioFormat.Encoding soundEncoding = switch (encoding.kind()) {
            case UNSIGNED -> AudioFormat.Encoding.PCM_UNSIGNED;
            case SIGNED -> AudioFormat.Encoding.PCM_SIGNED;
            case FLOAT -> AudioFormat.Encoding.PCM_FLOAT;
            case ALAW -> AudioFormat.Encoding.ALAW;
            case ULAW -> AudioFormat.Encoding.ULAW;
        };
        return new AudioFormat(soundEncoding, sampleRate, encoding.bitsPerSample(), channels,
                frameSize(), sampleRate, encoding.isBigEndian());
    }

    /** For people: {@code 44.1 kHz · 16-bit · stereo}. */
    public String describe() {
        return rateText() + " · " + sampleText() + " · " + channelText();
    }

    private String rateText() {
        if (sampleRate < 1000) {
            return sampleRate + " Hz";
        }
        return BigDecimal.valueOf(sampleRate, 3).stripTrailingZeros().toPlainString() + " kHz";
    }

    private String sampleText() {
        return switch (encoding.kind()) {
            case UNSIGNED -> encoding.bitsPerSample() + "-bit unsigned";
            case SIGNED -> encoding.bitsPerSample() + "-bit";
            case FLOAT -> encoding.bitsPerSample() + "-bit float";
            case ALAW -> "A-law";
            case ULAW -> "µ-law";
        };
    }

    private String channelText() {
        return switch (channels) {
            case 1 -> "mono";
            case 2 -> "stereo";
            default -> channels + " channels";
        };
    }
}
