package dev.reel.core.player;

import dev.reel.core.spool.SpoolCache;
import java.io.IOException;

/**
 * Reads what a medium is without playing it, for {@code reel info}: opens its source, reads its
 * header the way the {@link Player} does, and closes the source. Blocks the calling thread
 * (for as long as the source takes to answer); safe from any thread.
 */
public final class MediaProbe {

    private MediaProbe() {
    }

    /**
     * @throws dev.reel.core.source.SourceException the source failed or the location is unusable
     * @throws dev.reel.core.format.FormatException the data is not audio Reel can play
     */
    public static MediaInfo probe(MediaRequest request, SpoolCache cache) throws IOException {
        try (Medium medium = MediaOpener.open(request, cache, new Cancellation())) {
            return medium.describe();
        }
    }

    /** {@link #probe(MediaRequest, SpoolCache)} through a spool cache of its own. */
    public static MediaInfo probe(MediaRequest request) throws IOException {
        try (SpoolCache cache = new SpoolCache()) {
            return probe(request, cache);
        }
    }
}
