package dev.reel.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Objects;

/**
 * The bytes of one served resource, read at any position. Implementations are immutable and safe
 * for concurrent reads from many connections; large ones (a file, a synthetic multi-GiB signal)
 * never hold the whole resource in memory.
 */
public interface Content {

    /** The resource's length in bytes. */
    long length();

    /**
     * Copies {@code length} bytes starting at {@code position} into {@code buffer}; the caller
     * guarantees {@code position + length <= length()}.
     */
    void read(long position, byte[] buffer, int offset, int length) throws IOException;

    /** All bytes, for resources small enough to fit in an array. */
    default byte[] toByteArray() {
        if (length() > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException("content of " + length() + " bytes does not fit in an array");
        }
        byte[] all = new byte[(int) length()];
        try {
            read(0, all, 0, all.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return all;
    }

    /** Content held in memory; the array is not copied, so the caller must not change it. */
    static Content of(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        return new Content() {
            @Override
            public long length() {
                return bytes.length;
            }

            @Override
            public void read(long position, byte[] buffer, int offset, int length) {
                System.arraycopy(bytes, (int) position, buffer, offset, length);
            }
        };
    }

    /** The current bytes of a file, read positionally on each access (the file may be large). */
    static Content of(Path file) throws IOException {
        long size = Files.size(file);
        return new Content() {
            @Override
            public long length() {
                return size;
            }

            @Override
            public void read(long position, byte[] buffer, int offset, int length) throws IOException {
                try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                    ByteBuffer target = ByteBuffer.wrap(buffer, offset, length);
                    while (target.hasRemaining()) {
                        if (channel.read(target, position + target.position() - offset) < 0) {
                            throw new IOException(file + " is shorter than " + size + " bytes");
                        }
                    }
                }
            }
        };
    }

    /** {@code head} followed by {@code tail}: a header in memory before a synthetic body. */
    static Content concat(Content head, Content tail) {
        long headLength = head.length();
        long total = headLength + tail.length();
        return new Content() {
            @Override
            public long length() {
                return total;
            }

            @Override
            public void read(long position, byte[] buffer, int offset, int length) throws IOException {
                int fromHead = (int) Math.max(0, Math.min(length, headLength - position));
                if (fromHead > 0) {
                    head.read(position, buffer, offset, fromHead);
                }
                if (fromHead < length) {
                    tail.read(position + fromHead - headLength, buffer, offset + fromHead, length - fromHead);
                }
            }
        };
    }
}
