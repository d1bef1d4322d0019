package dev.reel.app.gui;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Turns what a drop or the clipboard carries into locations to play: files as absolute paths,
 * else the URLs of a browser's {@code text/uri-list}, else the URLs in plain text. Pure, any thread.
 */
final class Locations {

    private Locations() {
    }

    /** @param files dropped files, or null; @param url a URL list, or null; @param text plain text, or null */
    static List<String> of(List<File> files, String url, String text) {
        List<String> out = new ArrayList<>();
        if (files != null) {
            for (File file : files) {
                out.add(file.getAbsolutePath());
            }
        }
        if (out.isEmpty() && url != null) {
            addUrls(url, out);
        }
        if (out.isEmpty() && text != null) {
            addUrls(text, out);
        }
        return out;
    }

    /** Adds each line (or word) that is an http(s) or file URL; {@code #} lines are uri-list comments. */
    private static void addUrls(String text, List<String> out) {
        for (String line : text.split("\\R")) {
            String trimmed = line.trim();
            if (trimmed.startsWith("#")) {
                continue;
            }
            for (String word : trimmed.split("\\s+")) {
                if (isUrl(word)) {
                    out.add(word);
                }
            }
        }
    }

    static boolean isUrl(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return (lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("file:"))
                && lower.length() > "file:".length() + 1;
    }

    /** A local file whose name says raw PCM ({@code .raw}, {@code .pcm}): it needs a format to play. */
    static boolean isRawPcmFile(String location) {
        String lower = location.toLowerCase(Locale.ROOT);
        return !lower.startsWith("http://") && !lower.startsWith("https://")
                && (lower.endsWith(".raw") || lower.endsWith(".pcm"));
    }
}
