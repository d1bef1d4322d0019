package dev.reel.core.format;

import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Raw PCM: headerless sample data whose format comes from outside, either the command line's
 * {@code --format ENC:RATE:CHANNELS} or an {@code audio/L8|L16|L24} media type (RFC 2586,
 * RFC 3551: big-endian signed, L8 unsigned). Stateless and thread-safe.
 */
public final class RawPcm {

    private static final String SPEC_SHAPE = "ENC:RATE:CHANNELS, e.g. s16le:44100:2";

    private RawPcm() {
    }

    /**
     * Parses {@code s16le:44100:2}.
     *
     * @throws IllegalArgumentException with a one-line message for the user naming the bad part
     */
    public static PcmFormat parseSpec(String spec) {
        String[] parts = spec.strip().split(":", -1);
        if (parts.length != 3) {
            throw new IllegalArgumentException(
                    "format '" + spec + "' is not " + SPEC_SHAPE);
        }
        String prefix = "format '" + spec + "': ";
        PcmEncoding encoding;
        try {
            encoding = PcmEncoding.parse(parts[0]);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(prefix + e.getMessage(), e);
        }
        long rate = wholeNumber(parts[1]);
        if (rate < 0) {
            throw new IllegalArgumentException(
                    prefix + "sample rate '" + parts[1] + "' is not a whole number");
        }
        long channels = wholeNumber(parts[2]);
        if (channels < 0) {
            throw new IllegalArgumentException(
                    prefix + "channel count '" + parts[2] + "' is not a whole number");
        }
        String problem = PcmFormat.problem(rate, channels);
        if (problem != null) {
            throw new IllegalArgumentException(prefix + problem);
        }
        return new PcmFormat(encoding, (int) rate, (int) channels);
    }

    /**
     * The format of an {@code audio/L16;rate=44100;channels=2} media type; empty for other types
     * (and for null). Names are case-insensitive; values may be quoted; {@code channels} defaults
     * to 1.
     *
     * @throws FormatException an {@code audio/L*} type without a usable rate, or with bad
     *     parameters (one line)
     */
    public static Optional<PcmFormat> fromContentType(String contentType) throws FormatException {
        if (contentType == null) {
            return Optional.empty();
        }
        MediaType type = MediaType.parse(contentType);
        if (type == null || !type.type().equals("audio")) {
            return Optional.empty();
        }
        PcmEncoding encoding = switch (type.subtype()) {
            case "l8" -> PcmEncoding.U8;
            case "l16" -> PcmEncoding.S16BE;
            case "l24" -> PcmEncoding.S24BE;
            default -> null;
        };
        if (encoding == null) {
            return Optional.empty();
        }
        String name = "audio/" + type.subtype().toUpperCase(Locale.ROOT);
        if (type.malformed() != null) {
            throw new FormatException(name + " has a malformed parameter list ("
                    + type.malformed() + ")");
        }
        String rateText = type.parameter("rate");
        if (rateText == null) {
            throw new FormatException(name + " has no rate parameter");
        }
        String channelsText = type.parameter("channels");
        long rate = wholeNumber(rateText);
        if (rate < 0) {
            throw new FormatException(name + " rate '" + MediaType.shown(rateText)
                    + "' is not a whole number");
        }
        long channels = channelsText == null ? 1 : wholeNumber(channelsText);
        if (channels < 0) {
            throw new FormatException(name + " channels '" + MediaType.shown(channelsText)
                    + "' is not a whole number");
        }
        String problem = PcmFormat.problem(rate, channels);
        if (problem != null) {
            throw new FormatException(name + ": " + problem);
        }
        return Optional.of(new PcmFormat(encoding, (int) rate, (int) channels));
    }

    /**
     * The description of a raw resource: samples from byte 0, as many as the resource holds.
     *
     * @param resourceLength the resource's size in bytes, empty when unknown (live streams)
     */
    public static AudioInfo audioInfo(PcmFormat format, OptionalLong resourceLength) {
        return new AudioInfo(format, 0, resourceLength, 0);
    }

    /** The value of 1 to 10 ASCII digits (so no overflow), or -1 when it is not that. */
    private static long wholeNumber(String text) {
        String digits = text.strip();
        if (digits.isEmpty() || digits.length() > 10) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }
}
