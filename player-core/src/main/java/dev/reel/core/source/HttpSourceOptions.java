package dev.reel.core.source;

import java.time.Duration;

/**
 * How an {@link HttpSource} talks to its server.
 *
 * @param connectTimeout limit on opening a connection (DNS, TCP, TLS)
 * @param readTimeout limit on waiting for the next bytes; a stall longer than this is a drop
 * @param lookAhead a seek to bytes the running transfer will deliver within this much time (at
 *     the measured rate) waits for them instead of starting a new request
 * @param minLookAheadBytes the look-ahead in bytes is never below this
 * @param retry how drops are retried
 * @param firstRequestLimit 0: the first request is a plain GET of the whole resource; otherwise it
 *     asks for the first this many bytes only ({@code Range: bytes=0-(limit-1)}), for a consumer
 *     that reads a header and then seeks elsewhere: after those bytes the source fetches nothing
 *     until the consumer's first {@link Source#seek}, and then fetches from there
 */
public record HttpSourceOptions(Duration connectTimeout, Duration readTimeout, Duration lookAhead,
        long minLookAheadBytes, RetryPolicy retry, long firstRequestLimit) {

    /**
     * 10 s connect, 20 s read, 1 s (at least 64 KiB) look-ahead, {@link RetryPolicy#DEFAULT}, a
     * plain first GET.
     */
    public static final HttpSourceOptions DEFAULT = new HttpSourceOptions(Duration.ofSeconds(10),
            Duration.ofSeconds(20), Duration.ofSeconds(1), 64 * 1024, RetryPolicy.DEFAULT, 0);

    public HttpSourceOptions {
        if (firstRequestLimit < 0) {
            throw new IllegalArgumentException("negative first request limit " + firstRequestLimit);
        }
    }

    public HttpSourceOptions withTimeouts(Duration connect, Duration read) {
        return new HttpSourceOptions(connect, read, lookAhead, minLookAheadBytes, retry,
                firstRequestLimit);
    }

    public HttpSourceOptions withRetry(RetryPolicy policy) {
        return new HttpSourceOptions(connectTimeout, readTimeout, lookAhead, minLookAheadBytes,
                policy, firstRequestLimit);
    }

    public HttpSourceOptions withLookAhead(Duration time, long minBytes) {
        return new HttpSourceOptions(connectTimeout, readTimeout, time, minBytes, retry,
                firstRequestLimit);
    }

    /** These options with a first request for the first {@code bytes} only (0: a plain GET). */
    public HttpSourceOptions withFirstRequestLimit(long bytes) {
        return new HttpSourceOptions(connectTimeout, readTimeout, lookAhead, minLookAheadBytes,
                retry, bytes);
    }
}
