package dev.reel.core.player;

import dev.reel.core.format.PcmFormat;
import java.util.Optional;

/**
 * What to play: a location (http(s) URL, {@code file:} URL or path), a raw format that overrides
 * the header or the server's type, and where to start.
 */
public record MediaRequest(String location, Optional<PcmFormat> rawFormat, double startSeconds) {

    public static MediaRequest of(String location) {
        return new MediaRequest(location, Optional.empty(), 0);
    }
}
