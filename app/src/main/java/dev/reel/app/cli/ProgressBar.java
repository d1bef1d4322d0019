package dev.reel.app.cli;

import java.util.Locale;
import java.util.OptionalLong;

/** The text of {@code reel save}'s progress bar. */
final class ProgressBar {

    private static final int WIDTH = 30;

    private ProgressBar() {
    }

    /** {@code [#########.....]  60%  6.0 / 10.0 MB  1.5 MB/s}; without a total, no bar. */
    static String text(long done, OptionalLong total, double bytesPerSecond) {
        StringBuilder line = new StringBuilder();
        if (total.isPresent() && total.getAsLong() > 0) {
            long all = total.getAsLong();
            int filled = (int) Math.min(WIDTH, done * WIDTH / all);
            line.append('[').append("#".repeat(filled)).append(".".repeat(WIDTH - filled)).append("] ")
                    .append(String.format(Locale.ROOT, "%3d%%  ", Math.min(100, done * 100 / all)))
                    .append(megabytes(done)).append(" / ").append(megabytes(all)).append(" MB");
        } else {
            line.append(megabytes(done)).append(" MB");
        }
        return line.append(String.format(Locale.ROOT, "  %.1f MB/s", bytesPerSecond / 1e6)).toString();
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1e6);
    }
}
