package dev.reel.audio;

/**
 * Where a {@link BlockWriter} sends PCM: a device line or a file. Driven by one writer thread,
 * except where a method says otherwise.
 */
public interface AudioSink extends AutoCloseable {
    // The audio-out owner defines the methods (open, write, pause, resume, flush, drain,
    // frames played, close).
}
