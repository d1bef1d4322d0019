package dev.reel.app.gui;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.prefs.Preferences;

/**
 * The URLs played lately, newest first, kept between runs in {@code java.util.prefs}. JavaFX
 * thread only; it never flushes, so no disk I/O happens here: the preferences API writes back
 * on its own thread and at exit.
 */
final class RecentUrls {

    static final int LIMIT = 30;
    private static final String KEY = "recent.";

    private final Preferences prefs;
    private final List<String> urls = new ArrayList<>();

    RecentUrls(Preferences prefs) {
        this.prefs = prefs;
        for (int i = 0; i < LIMIT; i++) {
            String url = prefs.get(KEY + i, null);
            if (url == null) {
                break;
            }
            urls.add(url);
        }
    }

    List<String> all() {
        return List.copyOf(urls);
    }

    /** Moves {@code url} to the front, adding it if new. */
    void add(String url) {
        urls.remove(url);
        urls.add(0, url);
        if (urls.size() > LIMIT) {
            urls.subList(LIMIT, urls.size()).clear();
        }
        for (int i = 0; i < LIMIT; i++) {
            if (i < urls.size()) {
                prefs.put(KEY + i, urls.get(i));
            } else {
                prefs.remove(KEY + i);
            }
        }
    }

    /**
     * The recent URLs containing every word of {@code typed} (case-insensitive), those starting
     * with it first, at most {@code max}; none for blank input.
     */
    List<String> matching(String typed, int max) {
        String query = typed.trim().toLowerCase(Locale.ROOT);
        if (query.isEmpty()) {
            return List.of();
        }
        List<String> starts = new ArrayList<>();
        List<String> contains = new ArrayList<>();
        for (String url : urls) {
            String lower = url.toLowerCase(Locale.ROOT);
            if (lower.equals(query)) {
                continue;
            }
            if (lower.startsWith(query) || lower.startsWith("http://" + query) || lower.startsWith("https://" + query)) {
                starts.add(url);
            } else if (containsAll(lower, query.split("\\s+"))) {
                contains.add(url);
            }
        }
        starts.addAll(contains);
        return starts.subList(0, Math.min(max, starts.size()));
    }

    private static boolean containsAll(String text, String[] words) {
        for (String word : words) {
            if (!text.contains(word)) {
                return false;
            }
        }
        return true;
    }
}
