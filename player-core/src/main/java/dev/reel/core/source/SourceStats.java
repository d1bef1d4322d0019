package dev.reel.core.source;

/**
 * What a source has transferred so far, for benchmarks and diagnostics.
 *
 * @param bytesFetched bytes received from the network, file or socket (including any discarded)
 * @param requests requests (or file reads) started
 */
public record SourceStats(long bytesFetched, int requests) {
}
