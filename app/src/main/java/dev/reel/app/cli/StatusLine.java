package dev.reel.app.cli;

import dev.reel.core.format.PcmFormat;
import dev.reel.core.player.PlayerState;
import java.util.Locale;
import java.util.OptionalDouble;

/** The text of {@code reel play}'s human status line: state, position, duration, format. */
final class StatusLine {

    private StatusLine() {
    }

    /** {@code playing 0:12.5 / 3:20.0  s16le 44100 Hz 2 ch}; {@code format} may be null. */
    static String text(PlayerState state, double position, OptionalDouble duration, PcmFormat format) {
        StringBuilder line = new StringBuilder(state.name().toLowerCase(Locale.ROOT)).append(' ')
                .append(clock(position));
        duration.ifPresent(d -> line.append(" / ").append(clock(d)));
        if (format != null) {
            line.append("  ").append(EventJson.encoding(format)).append(' ')
                    .append(format.sampleRate()).append(" Hz ").append(format.channels()).append(" ch");
        }
        return line.toString();
    }

    /** {@code 1:02:03.4}, {@code 2:03.4}. */
    static String clock(double seconds) {
        long tenths = Math.round(seconds * 10);
        long whole = tenths / 10;
        long hours = whole / 3600;
        long minutes = whole / 60 % 60;
        String tail = twoDigits(whole % 60) + "." + tenths % 10;
        return hours > 0 ? hours + ":" + twoDigits(minutes) + ":" + tail : minutes + ":" + tail;
    }

    private static String twoDigits(long n) {
        return (n < 10 ? "0" : "") + n;
    }
}
