package dev.reel.core.source;

import dev.reel.core.spool.ByteRange;
import java.util.List;

/** Arithmetic on a spool's sorted, coalesced present ranges: where the holes are. */
final class Holes {

    private Holes() {
    }

    /** The first absent offset at or after {@code from}. */
    static long firstMissing(List<ByteRange> present, long from) {
        long at = from;
        for (ByteRange range : present) {
            if (range.start() > at) {
                break;
            }
            if (range.end() > at) {
                at = range.end();
            }
        }
        return at;
    }

    /** The start of the first present byte at or after {@code from}, or {@code Long.MAX_VALUE}. */
    static long nextPresent(List<ByteRange> present, long from) {
        for (ByteRange range : present) {
            if (range.end() > from) {
                return Math.max(range.start(), from);
            }
        }
        return Long.MAX_VALUE;
    }
}
