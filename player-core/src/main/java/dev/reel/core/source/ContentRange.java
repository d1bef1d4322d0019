package dev.reel.core.source;

import java.util.OptionalLong;

/**
 * A parsed {@code Content-Range} header of a 206 ({@code bytes 100-199/1000}) or 416
 * ({@code bytes *}{@code /1000}) answer (RFC 9110 §14.4).
 *
 * @param first first byte position, or -1 for an unsatisfied range ({@code bytes *}{@code /N})
 * @param last last byte position (inclusive), or -1 for an unsatisfied range
 * @param completeLength the resource's length, empty for {@code /*}
 */
public record ContentRange(long first, long last, OptionalLong completeLength) {

    /**
     * @throws IllegalArgumentException when the header is malformed (one line)
     */
    public static ContentRange parse(String header) {
        throw new UnsupportedOperationException("stub: format owner");
    }
}
