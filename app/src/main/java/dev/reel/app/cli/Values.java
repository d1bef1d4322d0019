package dev.reel.app.cli;

import dev.reel.core.format.PcmFormat;
import dev.reel.core.format.RawPcm;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/** Parses option values; a bad one is a {@link UsageException} naming the option. */
final class Values {

    private static final Pattern DECIMAL = Pattern.compile("\\d+(\\.\\d*)?|\\.\\d+");

    private Values() {
    }

    /** A time in seconds: a non-negative decimal number ({@code 90}, {@code 12.5}). */
    static double seconds(String command, String option, String text) throws UsageException {
        OptionalDouble seconds = seconds(text);
        if (seconds.isEmpty()) {
            throw new UsageException(option + " takes seconds (a number >= 0), not '" + text + "'"
                    + Args.hint(command));
        }
        return seconds.getAsDouble();
    }

    /** A non-negative decimal number of seconds, or empty. */
    static OptionalDouble seconds(String text) {
        return DECIMAL.matcher(text).matches() ? OptionalDouble.of(Double.parseDouble(text)) : OptionalDouble.empty();
    }

    /** {@code ENC:RATE:CHANNELS}, as {@link RawPcm#parseSpec} reads it. */
    static PcmFormat format(String command, String text) throws UsageException {
        try {
            return RawPcm.parseSpec(text);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--format " + text + ": " + e.getMessage() + Args.hint(command));
        }
    }

    /** A TCP port, 0 for any free one. */
    static int port(String command, String text) throws UsageException {
        try {
            int port = Integer.parseInt(text);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // Falls through to the one message for every bad port.
        }
        throw new UsageException("--port takes 0..65535, not '" + text + "'" + Args.hint(command));
    }
}
