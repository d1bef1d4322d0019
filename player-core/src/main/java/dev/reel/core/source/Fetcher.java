package dev.reel.core.source;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.OptionalLong;

/**
 * Opens byte streams of one resource from a position: the seam between the download loop and
 * the protocol ({@link HttpFetcher}). Used by one {@link SpoolFiller} thread;
 * {@link Transfer#cancel} may come from any thread.
 */
interface Fetcher {

    /**
     * A transfer from {@code position} (or from 0 when {@code fromStart}) up to {@code end}
     * (exclusive; -1: to the resource's end), not yet started. {@code fromStart} ignores {@code end}.
     */
    Transfer transfer(long position, long end, boolean fromStart);

    /** What the first opened transfer said about the resource. */
    SourceInfo info();

    /** The location, for messages. */
    String location();

    /** One request: opened, read to its end, closed. */
    interface Transfer extends Closeable {

        /**
         * Blocks until the bytes start; a {@link SourceException} cannot heal, any other
         * {@link IOException} may be retried.
         */
        Opening open() throws IOException;

        /** Reads the next bytes into {@code dst}; -1 at the end of this transfer. */
        int read(ByteBuffer dst) throws IOException;

        /** Aborts a blocked {@link #open} or {@link #read}; safe from any thread. */
        void cancel();

        boolean cancelled();

        @Override
        void close();
    }

    /**
     * How an opened transfer lines up with the resource.
     *
     * @param start the true offset of its first byte
     * @param end the offset after its last byte, -1 when it runs to an unknown end
     * @param length the resource's total length, when known
     * @param sequential ranges cannot be used: the bytes come from 0, and so must every later
     *     transfer
     */
    record Opening(long start, long end, OptionalLong length, boolean sequential) {
    }

    /** A 206 that does not start where asked: ranges cannot be trusted, use one download from 0. */
    final class RangesUnusableException extends IOException {

        private static final long serialVersionUID = 1L;

        RangesUnusableException(String message) {
            super(message);
        }
    }
}
