package dev.reel.core.spool;

/**
 * Bytes per second over the last few seconds, in 250 ms buckets. Not thread-safe: the spool calls
 * it under its bookkeeping lock.
 */
final class RateMeter {

    private static final long BUCKET_NANOS = 250_000_000L;
    private static final int BUCKETS = 12;

    private final long[] bytes = new long[BUCKETS];
    private final long[] bucketIds = new long[BUCKETS];
    private long firstBucket = -1;

    void record(long n, long nowNanos) {
        long id = nowNanos / BUCKET_NANOS;
        int slot = (int) Math.floorMod(id, (long) BUCKETS);
        if (bucketIds[slot] != id) {
            bucketIds[slot] = id;
            bytes[slot] = 0;
        }
        bytes[slot] += n;
        if (firstBucket < 0) {
            firstBucket = id;
        }
    }

    double bytesPerSecond(long nowNanos) {
        if (firstBucket < 0) {
            return 0;
        }
        long now = nowNanos / BUCKET_NANOS;
        long oldest = Math.max(firstBucket, now - BUCKETS + 1);
        long sum = 0;
        for (int i = 0; i < BUCKETS; i++) {
            if (bucketIds[i] >= oldest && bucketIds[i] <= now) {
                sum += bytes[i];
            }
        }
        long spanNanos = Math.max(BUCKET_NANOS, nowNanos - oldest * BUCKET_NANOS);
        return sum * 1e9 / spanNanos;
    }
}
