package dev.reel.testkit;

import java.util.Locale;

/**
 * One parsed single-range {@code Range: bytes=…} header (RFC 9110 §14.1.2).
 *
 * @param first the first position of {@code bytes=first-last}, or -1 for a suffix range
 * @param last the last position (inclusive), or -1 when open ({@code bytes=first-})
 * @param suffixLength the {@code n} of {@code bytes=-n}, or -1 when not a suffix range
 */
record RangeHeader(long first, long last, long suffixLength) {

    /**
     * The range, or null when the header is not one syntactically valid byte range (other units,
     * several ranges, garbage, {@code first > last}); a server ignores such a header.
     */
    static RangeHeader parse(String value) {
        int eq = value.indexOf('=');
        if (eq < 0 || !value.substring(0, eq).trim().toLowerCase(Locale.ROOT).equals("bytes")) {
            return null;
        }
        String spec = value.substring(eq + 1).trim();
        int dash = spec.indexOf('-');
        if (dash < 0 || spec.indexOf(',') >= 0) {
            return null;
        }
        String from = spec.substring(0, dash).trim();
        String to = spec.substring(dash + 1).trim();
        if (from.isEmpty()) {
            long suffix = digits(to);
            return suffix < 0 ? null : new RangeHeader(-1, -1, suffix);
        }
        long first = digits(from);
        if (first < 0) {
            return null;
        }
        if (to.isEmpty()) {
            return new RangeHeader(first, -1, -1);
        }
        long last = digits(to);
        return last < first ? null : new RangeHeader(first, last, -1);
    }

    /** The decimal value, {@link Long#MAX_VALUE} when it overflows, -1 when not all digits. */
    private static long digits(String text) {
        if (text.isEmpty()) {
            return -1;
        }
        long value = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value > (Long.MAX_VALUE - 9) / 10 ? Long.MAX_VALUE : value * 10 + (c - '0');
        }
        return value;
    }

    /**
     * The satisfiable part {@code {start, endInclusive}} of this range in a resource of
     * {@code length} bytes, or null when it is unsatisfiable (answer 416).
     */
    long[] resolve(long length) {
        if (suffixLength >= 0) {
            if (suffixLength == 0 || length == 0) {
                return null;
            }
            return new long[] {Math.max(0, length - suffixLength), length - 1};
        }
        if (first >= length) {
            return null;
        }
        long end = last < 0 ? length - 1 : Math.min(last, length - 1);
        return new long[] {first, end};
    }
}
