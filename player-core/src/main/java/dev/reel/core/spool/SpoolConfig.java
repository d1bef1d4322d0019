package dev.reel.core.spool;

import java.nio.file.Path;

/**
 * How a {@link SpoolBuffer} stores bytes.
 *
 * @param memoryLimit bytes kept in memory before spilling to a temp file
 * @param directory the private cache directory for spill files
 * @param retention for live (unbounded) resources, bytes kept behind the newest; 0 keeps all
 */
public record SpoolConfig(long memoryLimit, Path directory, long retention) {
}
