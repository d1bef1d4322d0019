package dev.reel.core.spool;

import java.io.IOException;

/** A read's timeout passed before any byte at its position arrived. */
public final class SpoolTimeoutException extends IOException {

    private static final long serialVersionUID = 1L;

    public SpoolTimeoutException(long position, long timeoutNanos) {
        super("no bytes at position " + position + " within " + timeoutNanos / 1_000_000 + " ms");
    }
}
