package dev.reel.core.source;

/** Where a source's transfer stands; observed through {@link Source#addStateListener}. */
public enum SourceState {
    /** Not started, or the first request is under way. */
    CONNECTING,
    /** Bytes are arriving. */
    TRANSFERRING,
    /** A transfer broke; the source waits out its backoff and tries again. */
    RECONNECTING,
    /** Every byte of the resource is in the spool (or a live peer closed). */
    COMPLETE,
    /** The source gave up; the spool's readers get its {@link SourceException}. */
    FAILED,
    /** Closed by its owner. */
    CLOSED
}
