package dev.reel.audio;

import javax.sound.sampled.AudioFormat;

/**
 * Receives what a {@link BlockWriter} reports. Called on the writer's thread ({@code reel-audio});
 * implementations must return quickly and never block.
 */
public interface AudioListener {

    /** The device is open and playing in {@code deviceFormat} (after any conversion). */
    default void started(AudioFormat deviceFormat) {
    }

    /** The first block after {@link BlockWriter#start} or a flush was handed to the device. */
    default void firstBlock(long frame) {
    }

    /** The device ran dry. */
    default void underrun(Underrun underrun) {
    }

    /** The input ended and every frame has been played. */
    default void drained() {
    }

    /** The device failed and could not be reopened; the writer has stopped. */
    default void failed(AudioException error) {
    }
}
