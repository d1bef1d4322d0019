package dev.reel.core.spool;

import java.io.IOException;

/** A read asked for bytes of a live resource that were already released. */
public final class RetentionException extends IOException {

    private static final long serialVersionUID = 1L;

    private final long position;
    private final long windowStart;

    public RetentionException(long position, long windowStart) {
        super("position " + position + " is no longer retained (window starts at " + windowStart + ")");
        this.position = position;
        this.windowStart = windowStart;
    }

    public long position() {
        return position;
    }

    /** The oldest position still retained when the read failed. */
    public long windowStart() {
        return windowStart;
    }
}
