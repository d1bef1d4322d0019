package dev.reel.core.spool;

import java.nio.ByteBuffer;

/** A known resource for tests: the byte at position {@code p} is a function of {@code p}. */
final class Bytes {

    private Bytes() {
    }

    static byte at(long p) {
        return (byte) (p * 31 + (p >>> 8) * 7 + (p >>> 16));
    }

    static ByteBuffer chunk(long position, int length) {
        byte[] b = new byte[length];
        for (int i = 0; i < length; i++) {
            b[i] = at(position + i);
        }
        return ByteBuffer.wrap(b);
    }

    /** Asserts-free check: the first position in {@code buf[0, n)} that differs, or -1. */
    static long firstWrong(long position, ByteBuffer buf, int n) {
        for (int i = 0; i < n; i++) {
            if (buf.get(i) != at(position + i)) {
                return position + i;
            }
        }
        return -1;
    }
}
