package dev.reel.core.source;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * What a source learnt about its resource.
 *
 * @param location the URL or path, for messages
 * @param length total length in bytes, when known
 * @param contentType the media type as the server sent it ({@code audio/L16;rate=8000}), if any
 * @param rangeRequests whether any position can be fetched directly (a file, a server with ranges)
 * @param live an unbounded source (a socket) that cannot seek back beyond its retention
 */
public record SourceInfo(String location, OptionalLong length, Optional<String> contentType,
        boolean rangeRequests, boolean live) {
}
