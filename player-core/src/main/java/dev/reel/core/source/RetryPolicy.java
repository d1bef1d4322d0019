package dev.reel.core.source;

import java.time.Duration;

/**
 * How a source retries a transfer that broke: exponential backoff from {@code initialDelay} by
 * {@code factor}, capped at {@code maxDelay}. Nobody waiting, it gives up after
 * {@code maxAttempts} failures in a row; while a consumer is playing it never gives up and keeps
 * the capped delay. A transfer that stored at least {@link #PROGRESS_BYTES} new bytes before it
 * broke ends the run of failures, so a server that cuts often but serves between the cuts is
 * resumed after the initial delay every time. Immutable.
 *
 * @param initialDelay delay before the first retry
 * @param factor growth of the delay per failed attempt (at least 1)
 * @param maxDelay the cap on the delay
 * @param maxAttempts failures in a row tolerated while nobody is playing
 */
public record RetryPolicy(Duration initialDelay, double factor, Duration maxDelay, int maxAttempts) {

    /** 250 ms, doubling, at most 5 s, 6 attempts. */
    public static final RetryPolicy DEFAULT =
            new RetryPolicy(Duration.ofMillis(250), 2, Duration.ofSeconds(5), 6);

    /**
     * New bytes a broken transfer must have stored to count as progress: more than a TCP initial
     * window (10 segments), so the connection carried data past its first round trip.
     */
    public static final long PROGRESS_BYTES = 16 * 1024;

    public RetryPolicy {
        if (initialDelay.isNegative() || maxDelay.compareTo(initialDelay) < 0 || factor < 1
                || maxAttempts < 0) {
            throw new IllegalArgumentException("bad retry policy " + initialDelay + " x" + factor
                    + " max " + maxDelay + ", " + maxAttempts + " attempts");
        }
    }

    /** Whether to try again after {@code failures} failures in a row (1 after the first). */
    public boolean retries(int failures, boolean playing) {
        return playing || failures <= maxAttempts;
    }

    /**
     * The failures in a row once a transfer broke after storing {@code newBytes} new bytes, when
     * {@code failures} preceded it: 1 after progress, else one more.
     */
    public int failuresAfter(int failures, long newBytes) {
        return newBytes >= PROGRESS_BYTES ? 1 : failures + 1;
    }

    /** The delay before the attempt that follows {@code failures} failures in a row. */
    public Duration delay(int failures) {
        double nanos = initialDelay.toNanos() * Math.pow(factor, Math.max(0, failures - 1));
        return nanos >= maxDelay.toNanos() ? maxDelay : Duration.ofNanos((long) nanos);
    }
}
