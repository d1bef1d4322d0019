package dev.reel.core.spool;

/** How a {@link SpoolBuffer} stores bytes. The spool owner defines the fields. */
public record SpoolConfig(long memoryLimit) {

    public static SpoolConfig defaults() {
        return new SpoolConfig(8L << 20);
    }
}
