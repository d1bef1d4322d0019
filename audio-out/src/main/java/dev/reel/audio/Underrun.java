package dev.reel.audio;

/**
 * One underrun: the device ran dry because the input could not supply the next block in time.
 *
 * @param count how many underruns this writer has seen, this one included
 * @param gapMillis how long the device had nothing to play
 * @param sinceLastFeedMillis time from the last block handed to the device to the moment it ran
 *     dry: short means a slow feeder, long means a slow input (network)
 */
public record Underrun(long count, long gapMillis, long sinceLastFeedMillis) {
}
