package dev.reel.core.faults;

import dev.reel.testkit.Signals;
import java.util.Arrays;
import java.util.Optional;

/**
 * Judges what reached the device against the source's data: exactly the data, or the data up to
 * some frame followed by the data from a seek's target frame on. Every verdict is one line that
 * names the first wrong frame. Stateless.
 */
final class Played {

    private Played() {
    }

    /** Empty when {@code captured} is exactly {@code data}, else what is wrong. */
    static Optional<String> exactly(byte[] data, byte[] captured, int frameSize) {
        return Signals.compare(data, captured, frameSize);
    }

    /**
     * Empty when {@code captured} is a whole-frame prefix of {@code data} followed by
     * {@code data} from frame {@code target} to its end (or, with {@code complete} false, to
     * anywhere before its end): what a seek to {@code target} may sound like, and nothing else.
     */
    static Optional<String> jumpingTo(byte[] data, byte[] captured, long target, int frameSize, boolean complete) {
        long targetByte = target * frameSize;
        int mismatch = Arrays.mismatch(data, captured);
        if (mismatch < 0) {
            return Optional.of("the seek to frame " + target + " was not heard: output is the whole source");
        }
        int prefix = mismatch - mismatch % frameSize;
        if (prefix > targetByte) {
            return Optional.of("played frame " + prefix / frameSize + " past the seek target " + target + " before jumping: "
                    + Signals.compare(Arrays.copyOf(data, captured.length), captured, frameSize).orElse(""));
        }
        byte[] rest = Arrays.copyOfRange(captured, prefix, captured.length);
        byte[] expected = Arrays.copyOfRange(data, (int) targetByte, data.length);
        if (!complete && rest.length <= expected.length) {
            expected = Arrays.copyOf(expected, rest.length);
        }
        return Signals.compare(expected, rest, frameSize)
                .map(m -> "after " + prefix / frameSize + " frames from the start, expected frames from " + target + ": " + m);
    }

    /**
     * Empty when {@code captured} is a whole-frame prefix of {@code data}: what a clean failure may
     * have played.
     */
    static Optional<String> prefixOf(byte[] data, byte[] captured, int frameSize) {
        if (captured.length % frameSize != 0) {
            return Optional.of("output ends inside a frame: " + captured.length + " bytes");
        }
        if (captured.length > data.length) {
            return Optional.of("output is longer than the source: " + captured.length + " > " + data.length);
        }
        return Signals.compare(Arrays.copyOf(data, captured.length), captured, frameSize);
    }
}
