package dev.reel.app.gui;

import dev.reel.core.format.PcmFormat;
import java.util.Locale;

/** Formats times, sizes and rates for people. Pure functions, any thread. */
final class Texts {

    private Texts() {
    }

    /** {@code 1:05}, {@code 1:02:03}; {@code --:--} for an unknown (NaN or negative) time. */
    static String time(double seconds) {
        if (Double.isNaN(seconds) || Double.isInfinite(seconds) || seconds < 0) {
            return "--:--";
        }
        long total = (long) Math.floor(seconds);
        long h = total / 3600;
        long m = (total / 60) % 60;
        long s = total % 60;
        return h > 0 ? String.format(Locale.ROOT, "%d:%02d:%02d", h, m, s)
                : String.format(Locale.ROOT, "%d:%02d", m, s);
    }

    /** {@code 512 B}, {@code 1.5 kB}, {@code 10.6 MB}, {@code 2.1 GB} (decimal units). */
    static String bytes(long bytes) {
        if (bytes < 1000) {
            return bytes + " B";
        }
        String[] units = {"kB", "MB", "GB", "TB"};
        double value = bytes;
        int unit = -1;
        while (value >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        return String.format(Locale.ROOT, value < 10 ? "%.1f %s" : "%.0f %s", value, units[unit]);
    }

    static String rate(double bytesPerSecond) {
        return bytes(Math.round(bytesPerSecond)) + "/s";
    }

    /** "44.1 kHz · 16-bit · stereo". */
    static String format(PcmFormat format) {
        return format.describe();
    }
}
