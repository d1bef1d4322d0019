package dev.reel.core.spool;

/** A half-open range of byte offsets {@code [start, end)} in one resource. */
public record ByteRange(long start, long end) {

    public ByteRange {
        if (start < 0 || end < start) {
            throw new IllegalArgumentException("bad range [" + start + ", " + end + ")");
        }
    }

    public long length() {
        return end - start;
    }
}
