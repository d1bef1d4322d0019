package dev.reel.core.player;

/** A span of the media's timeline in seconds, {@code [start, end)}. */
public record TimeRange(double start, double end) {
}
