package dev.reel.testkit;

import java.util.Arrays;
import java.util.Optional;

/**
 * Deterministic test PCM in which every frame is distinguishable, so that a byte comparison of
 * what reached the device with the source says at which frame playback went wrong and where the
 * wrong bytes came from.
 *
 * <p>The signal is defined per byte offset {@code p} of the data (frame {@code i = p / F}, byte
 * {@code k = p % F} of a frame of {@code F} bytes): for frames of 4 bytes or more, the first four
 * bytes of frame {@code i} hold {@code i} as a little-endian 32-bit counter (16-bit stereo: left =
 * low half, right = high half), the other bytes a hash of {@code p}; for narrower frames every
 * byte is a hash of {@code p}. A few frames therefore locate themselves in the source. Stateless
 * and thread-safe.
 */
public final class Signals {

    /** How many bytes a segment's start must match to count as found (shorter segments: all). */
    private static final int LOCATE_BYTES = 64;

    private Signals() {
    }

    /** The signal's byte at data offset {@code offset} for frames of {@code frameSize} bytes. */
    public static byte byteAt(long offset, int frameSize) {
        if (frameSize >= 4) {
            int k = (int) (offset % frameSize);
            if (k < 4) {
                return (byte) ((offset / frameSize) >>> (8 * k));
            }
        }
        return (byte) mix(offset);
    }

    /** {@code frames} frames of the signal starting at frame {@code firstFrame}. */
    public static byte[] pcm(int frameSize, long firstFrame, int frames) {
        byte[] data = new byte[Math.multiplyExact(frameSize, frames)];
        fill(data, 0, firstFrame * frameSize, data.length, frameSize);
        return data;
    }

    /** The first {@code frames} frames of the signal. */
    public static byte[] pcm(int frameSize, int frames) {
        return pcm(frameSize, 0, frames);
    }

    /** The first {@code frames} frames of the signal as content computed on the fly (any size, no memory). */
    public static Content content(int frameSize, long frames) {
        long length = Math.multiplyExact(frameSize, frames);
        return new Content() {
            @Override
            public long length() {
                return length;
            }

            @Override
            public void read(long position, byte[] buffer, int offset, int count) {
                fill(buffer, offset, position, count, frameSize);
            }
        };
    }

    /**
     * The frame number the counter of the frame at {@code offset} of {@code data} says, for frames
     * of 4 bytes or more.
     */
    public static long frameNumber(byte[] data, int offset, int frameSize) {
        if (frameSize < 4) {
            throw new IllegalArgumentException("frames of " + frameSize + " bytes carry no counter");
        }
        return (data[offset] & 0xFFL) | (data[offset + 1] & 0xFFL) << 8 | (data[offset + 2] & 0xFFL) << 16
                | (data[offset + 3] & 0xFFL) << 24;
    }

    /**
     * Where the start of {@code segment} (from {@code segmentOffset}) occurs in {@code source}: the
     * first offset at or after {@code from} where its first 64 bytes (or all, if fewer remain)
     * match, or -1.
     */
    public static long locate(byte[] source, int from, byte[] segment, int segmentOffset) {
        int length = Math.min(LOCATE_BYTES, segment.length - segmentOffset);
        if (length <= 0) {
            return -1;
        }
        byte first = segment[segmentOffset];
        for (int i = Math.max(0, from); i <= source.length - length; i++) {
            if (source[i] == first && Arrays.equals(source, i, i + length, segment, segmentOffset, segmentOffset + length)) {
                return i;
            }
        }
        return -1;
    }

    /** Where {@code segment} begins in {@code source}, or -1. */
    public static long locate(byte[] source, byte[] segment) {
        return locate(source, 0, segment, 0);
    }

    /**
     * Compares what was played with what should have been: empty when equal, else one line that
     * names the first wrong frame and, when it can be found, which source frame was played there
     * instead.
     */
    public static Optional<String> compare(byte[] expected, byte[] actual, int frameSize) {
        int mismatch = Arrays.mismatch(expected, actual);
        if (mismatch < 0) {
            return Optional.empty();
        }
        long expectedFrames = expected.length / frameSize;
        long actualFrames = actual.length / frameSize;
        int frame = mismatch / frameSize;
        String sizes = " (expected " + expectedFrames + " frames / " + expected.length + " bytes, got "
                + actualFrames + " frames / " + actual.length + " bytes)";
        if (mismatch == actual.length) {
            return Optional.of("output ends early at frame " + frame + sizes);
        }
        if (mismatch == expected.length) {
            return Optional.of("output has " + (actual.length - expected.length) + " extra bytes after frame "
                    + frame + ", starting like source offset "
                    + locate(expected, 0, actual, mismatch) + sizes);
        }
        int frameStart = frame * frameSize;
        long found = locate(expected, 0, actual, frameStart);
        String origin = found < 0
                ? "bytes found nowhere in the source"
                : found % frameSize == 0
                        ? "source frame " + found / frameSize + " played instead"
                        : "source bytes from offset " + found + " (not frame-aligned) played instead";
        return Optional.of("first wrong frame " + frame + " (byte " + mismatch + "): " + origin + sizes);
    }

    private static void fill(byte[] buffer, int offset, long position, int count, int frameSize) {
        if (frameSize < 4) {
            for (int i = 0; i < count; i++) {
                buffer[offset + i] = (byte) mix(position + i);
            }
            return;
        }
        long frame = position / frameSize;
        int k = (int) (position % frameSize);
        for (int i = 0; i < count; i++) {
            buffer[offset + i] = k < 4 ? (byte) (frame >>> (8 * k)) : (byte) mix(position + i);
            if (++k == frameSize) {
                k = 0;
                frame++;
            }
        }
    }

    /** SplitMix64's finaliser: a cheap hash whose low byte looks random from one offset to the next. */
    private static long mix(long value) {
        long z = value + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
