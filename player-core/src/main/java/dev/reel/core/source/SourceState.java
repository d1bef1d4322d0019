package dev.reel.core.source;

/** Where a source's transfer stands; observed through {@link Source#addStateListener}. */
public enum SourceState {
    /** Not started, or a request is under way (the first, or the first after {@link #RESTING}). */
    CONNECTING,
    /** Bytes are arriving. */
    TRANSFERRING,
    /**
     * No transfer runs, though bytes are missing, because nobody wants them for now: nobody holds
     * the download (a cached source rests), or a source that fetched a header probe waits to be
     * told where to read. It goes on ({@link #CONNECTING}) when someone does.
     */
    RESTING,
    /** A transfer broke; the source waits out its backoff and tries again. */
    RECONNECTING,
    /** Every byte of the resource is in the spool (or a live peer closed). */
    COMPLETE,
    /** The source gave up; the spool's readers get its {@link SourceException}. */
    FAILED,
    /** Closed by its owner. */
    CLOSED
}
