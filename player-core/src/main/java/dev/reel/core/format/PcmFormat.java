package dev.reel.core.format;

/**
 * The shape of PCM frames: encoding, sample rate, channels. Immutable. The format owner adds
 * frame size, conversion to {@code javax.sound} and parsing of {@code ENC:RATE:CHANNELS}.
 */
public record PcmFormat(PcmEncoding encoding, int sampleRate, int channels) {
}
