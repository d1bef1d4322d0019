package dev.reel.testkit;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One request a {@link RangeServer} answered (or began to answer), as its request log records it
 * once the response ends.
 *
 * @param connection the server's number for the TCP connection (a reused keep-alive connection
 *     keeps its number)
 * @param method the request method
 * @param path the request path without its query
 * @param headers the request headers, names in lower case
 * @param status the status sent, or 0 when the connection failed before the status line
 * @param bodyStart the resource offset of the first body byte sent, or -1 without a body
 * @param bodyBytes the body bytes written to the socket (garbage beyond a promised length included)
 * @param complete whether the whole promised body went out (false when cut, stalled out or refused)
 * @param startNanos {@link System#nanoTime()} when the request had been read
 * @param endNanos {@link System#nanoTime()} when the response ended
 */
public record Exchange(int connection, String method, String path, Map<String, String> headers, int status,
        long bodyStart, long bodyBytes, boolean complete, long startNanos, long endNanos) {

    public Exchange {
        headers = Map.copyOf(headers);
    }

    /** A request header by case-insensitive name. */
    public Optional<String> header(String name) {
        return Optional.ofNullable(headers.get(name.toLowerCase(Locale.ROOT)));
    }

    /** The {@code Range} header, if the request had one. */
    public Optional<String> range() {
        return header("range");
    }

    /** The {@code If-Range} header, if the request had one. */
    public Optional<String> ifRange() {
        return header("if-range");
    }

    /** The first byte position of a {@code bytes=N-…} range request, or -1 for none or a suffix range. */
    public long rangeStart() {
        return range().map(RangeHeader::parse).map(RangeHeader::first).orElse(-1L);
    }
}
