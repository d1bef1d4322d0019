package dev.reel.core.player;

import dev.reel.core.format.AudioInfo;
import dev.reel.core.format.PcmFormat;
import dev.reel.core.format.RawPcm;
import dev.reel.core.format.WavParser;
import dev.reel.core.source.HttpSourceOptions;
import dev.reel.core.source.Source;
import dev.reel.core.source.SourceException;
import dev.reel.core.source.SourceInfo;
import dev.reel.core.source.Sources;
import dev.reel.core.spool.SpoolCache;
import dev.reel.core.spool.SpoolReader;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.ReadableByteChannel;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;

/**
 * Opens a medium: starts its source, waits for what the source says, and chooses the format —
 * the request's raw format wins, then an {@code audio/L8|L16|L24} Content-Type, then the WAV
 * header read through a spool reader. A request that starts later than 0 s fetches only a probe
 * of {@link #PROBE_BYTES} for the header and then tells the source where playback starts, so that
 * little before the start is downloaded. Blocks the calling thread; a {@link Cancellation} wakes
 * it.
 */
final class MediaOpener {

    /** The first request of a medium opened at a later start: enough for any usual WAV header. */
    static final long PROBE_BYTES = 64 * 1024;

    private MediaOpener() {
    }

    /**
     * @throws SourceException the source failed or the location is unusable
     * @throws dev.reel.core.format.FormatException the data is not audio Reel can play
     * @throws CancellationException {@code cancel} was cancelled
     */
    static Medium open(MediaRequest request, SpoolCache cache, Cancellation cancel) throws IOException {
        return open(request, cache, HttpSourceOptions.DEFAULT, cancel);
    }

    /** Opens {@code request} with HTTP sources that use {@code http}. */
    static Medium open(MediaRequest request, SpoolCache cache, HttpSourceOptions http, Cancellation cancel)
            throws IOException {
        HttpSourceOptions options = request.startSeconds() > 0 ? http.withFirstRequestLimit(PROBE_BYTES) : http;
        return open(Sources.open(request.location(), cache, options), request, cancel);
    }

    /** Opens the medium of an already open {@code source}, which it closes when it fails. */
    static Medium open(Source source, MediaRequest request, Cancellation cancel) throws IOException {
        cancel.register(source);
        try {
            source.start();
            SourceInfo info = awaitInfo(source, cancel);
            AudioInfo audio = readFormat(source, info, request, cancel);
            throwIfCancelled(cancel);
            Medium medium = new Medium(request.location(), source, info, audio);
            if (request.startSeconds() > 0) {
                source.seek(medium.byteOf(medium.frameAt(request.startSeconds())));
            }
            return medium;
        } catch (IOException | RuntimeException e) {
            source.close();
            throw e;
        }
    }

    private static SourceInfo awaitInfo(Source source, Cancellation cancel) throws IOException {
        CompletableFuture<SourceInfo> info = source.info();
        try {
            CompletableFuture.anyOf(info, cancel.signal()).get();
            throwIfCancelled(cancel);
            return info.get();
        } catch (ExecutionException e) {
            throwIfCancelled(cancel);
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new SourceException(String.valueOf(e.getCause().getMessage()), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while opening " + source);
        }
    }

    private static AudioInfo readFormat(Source source, SourceInfo info, MediaRequest request,
            Cancellation cancel) throws IOException {
        Optional<PcmFormat> raw = request.rawFormat();
        if (raw.isEmpty() && info.contentType().isPresent()) {
            raw = RawPcm.fromContentType(info.contentType().get());
        }
        if (raw.isPresent()) {
            return RawPcm.audioInfo(raw.get(), info.length());
        }
        SpoolReader header = source.spool().newReader();
        cancel.register(header);
        // Past a probe the source fetches nothing until told where: a header longer than the probe says so.
        long fetchFrom = request.startSeconds() > 0 ? PROBE_BYTES : Long.MAX_VALUE;
        try (header) {
            return WavParser.parse(new FetchingChannel(source, header, fetchFrom));
        } catch (IOException | RuntimeException e) {
            throwIfCancelled(cancel);
            throw e;
        }
    }

    /**
     * Reads the header through {@code reader}, telling {@code source} to fetch where a read at or
     * after {@code fetchFrom} finds nothing yet: a source that fetched a probe waits for a seek,
     * and a header longer than the probe must not wait for it forever. Reads inside the probe
     * wait for it without a word, which would end the source's wait too early.
     */
    private record FetchingChannel(Source source, SpoolReader reader, long fetchFrom)
            implements ReadableByteChannel {

        @Override
        public int read(ByteBuffer dst) throws IOException {
            long position = reader.position();
            if (position >= fetchFrom && source.spool().contiguousFrom(position) == 0) {
                source.seek(position);
            }
            return reader.read(dst);
        }

        @Override
        public boolean isOpen() {
            return reader.isOpen();
        }

        @Override
        public void close() {
            reader.close();
        }
    }

    private static void throwIfCancelled(Cancellation cancel) {
        if (cancel.isCancelled()) {
            throw new CancellationException("open cancelled");
        }
    }
}
