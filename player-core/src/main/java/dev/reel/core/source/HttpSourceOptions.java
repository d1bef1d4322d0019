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
 */
public record HttpSourceOptions(Duration connectTimeout, Duration readTimeout, Duration lookAhead,
        long minLookAheadBytes, RetryPolicy retry) {

    /** 10 s connect, 20 s read, 1 s (at least 64 KiB) look-ahead, {@link RetryPolicy#DEFAULT}. */
    public static final HttpSourceOptions DEFAULT = new HttpSourceOptions(Duration.ofSeconds(10),
            Duration.ofSeconds(20), Duration.ofSeconds(1), 64 * 1024, RetryPolicy.DEFAULT);

    public HttpSourceOptions withTimeouts(Duration connect, Duration read) {
        return new HttpSourceOptions(connect, read, lookAhead, minLookAheadBytes, retry);
    }

    public HttpSourceOptions withRetry(RetryPolicy policy) {
        return new HttpSourceOptions(connectTimeout, readTimeout, lookAhead, minLookAheadBytes,
                policy);
    }

    public HttpSourceOptions withLookAhead(Duration time, long minBytes) {
        return new HttpSourceOptions(connectTimeout, readTimeout, time, minBytes, retry);
    }
}
