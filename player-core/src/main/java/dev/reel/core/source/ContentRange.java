package dev.reel.core.source;

import java.util.OptionalLong;

/**
 * A parsed {@code Content-Range} header of a 206 ({@code bytes 100-199/1000}) or 416
 * ({@code bytes *}{@code /1000}) answer (RFC 9110 §14.4). Immutable.
 *
 * @param first first byte position, or -1 for an unsatisfied range ({@code bytes *}{@code /N})
 * @param last last byte position (inclusive), or -1 for an unsatisfied range
 * @param completeLength the resource's length, empty for {@code /*}
 */
public record ContentRange(long first, long last, OptionalLong completeLength) {

    private static final int SHOWN_MAX = 80;

    /** True for {@code bytes *}{@code /N}: no range, only the length. */
    public boolean isUnsatisfied() {
        return first < 0;
    }

    /** Bytes in the range ({@code last - first + 1}), 0 when unsatisfied. */
    public long length() {
        return isUnsatisfied() ? 0 : last - first + 1;
    }

    /**
     * Parses the header value strictly: the unit {@code bytes} (case-insensitive), one space,
     * decimal positions without signs, {@code first <= last < complete}; optional spaces only
     * around the whole value.
     *
     * @throws IllegalArgumentException when the header is malformed (one line)
     */
    public static ContentRange parse(String header) {
        String value = header.strip();
        if (value.length() < 6 || !value.regionMatches(true, 0, "bytes ", 0, 6)) {
            throw bad(header, "not in bytes");
        }
        String spec = value.substring(6);
        int slash = spec.indexOf('/');
        if (slash < 0) {
            throw bad(header, "no '/' before the complete length");
        }
        String range = spec.substring(0, slash);
        String complete = spec.substring(slash + 1);
        OptionalLong completeLength = complete.equals("*")
                ? OptionalLong.empty()
                : OptionalLong.of(number(header, complete, "complete length"));
        if (range.equals("*")) {
            if (completeLength.isEmpty()) {
                throw bad(header, "neither a range nor a complete length");
            }
            return new ContentRange(-1, -1, completeLength);
        }
        int dash = range.indexOf('-');
        if (dash < 0) {
            throw bad(header, "no '-' in the range");
        }
        long first = number(header, range.substring(0, dash), "first position");
        long last = number(header, range.substring(dash + 1), "last position");
        if (last < first) {
            throw bad(header, "last position before the first");
        }
        if (completeLength.isPresent() && last >= completeLength.getAsLong()) {
            throw bad(header, "range ends past the complete length");
        }
        return new ContentRange(first, last, completeLength);
    }

    /** A non-negative decimal of at most 18 digits, so it cannot overflow a long. */
    private static long number(String header, String digits, String what) {
        if (digits.isEmpty() || digits.length() > 18) {
            throw bad(header, digits.isEmpty() ? "no " + what : what + " too large");
        }
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                throw bad(header, what + " is not a number");
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    private static IllegalArgumentException bad(String header, String problem) {
        StringBuilder shown = new StringBuilder();
        for (int i = 0; i < header.length() && i < SHOWN_MAX; i++) {
            char c = header.charAt(i);
            shown.append(Character.isISOControl(c) ? '?' : c);
        }
        if (header.length() > SHOWN_MAX) {
            shown.append('…');
        }
        return new IllegalArgumentException(
                "malformed Content-Range '" + shown + "': " + problem);
    }
}
