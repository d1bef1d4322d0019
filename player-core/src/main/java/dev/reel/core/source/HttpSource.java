package dev.reel.core.source;

import dev.reel.core.spool.SpoolBuffer;
import dev.reel.core.spool.SpoolCache;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import okhttp3.HttpUrl;

/**
 * Fills a spool from an http(s) URL with OkHttp on its own {@code reel-download-N} thread:
 * range requests where the consumer seeks, resumption after drops, then the holes seeks left.
 * Its {@link SpoolFiller} does the work. Methods are safe from any thread and never block;
 * {@link #close} also closes the spool. Cached in a {@link SpoolCache}, it stops downloading
 * while nobody holds its spool ({@link SourceState#RESTING}) and goes on from the first missing
 * byte when someone does.
 */
public final class HttpSource implements Source, SpoolCache.Idler {

    private final SpoolBuffer spool;
    private final SpoolFiller filler;

    /**
     * @param url an http or https URL
     * @param spool the spool to fill, owned by this source from now on
     */
    public HttpSource(HttpUrl url, SpoolBuffer spool, HttpSourceOptions options) {
        this.spool = spool;
        this.filler = new SpoolFiller(
                new HttpFetcher(new HttpClients(options.connectTimeout(), options.readTimeout()), url),
                spool, options.retry(), options.lookAhead(), options.minLookAheadBytes(),
                options.firstRequestLimit());
    }

    /**
     * @throws SourceException when {@code url} is not an http or https URL
     */
    public static HttpSource open(String url, SpoolBuffer spool, HttpSourceOptions options)
            throws SourceException {
        HttpUrl parsed = HttpUrl.parse(url);
        if (parsed == null) {
            throw new SourceException("not an http(s) URL: " + url);
        }
        return new HttpSource(parsed, spool, options);
    }

    @Override
    public SpoolBuffer spool() {
        return spool;
    }

    @Override
    public void start() {
        filler.start();
    }

    @Override
    public void seek(long position) {
        filler.seek(position);
    }

    @Override
    public CompletableFuture<SourceInfo> info() {
        return filler.info();
    }

    @Override
    public void rest() {
        filler.rest(true);
    }

    @Override
    public void wake() {
        filler.rest(false);
    }

    @Override
    public void setPlaying(boolean playing) {
        filler.setPlaying(playing);
    }

    @Override
    public SourceState state() {
        return filler.state().get();
    }

    @Override
    public void addStateListener(Consumer<SourceState> listener) {
        filler.state().add(listener);
    }

    @Override
    public void removeStateListener(Consumer<SourceState> listener) {
        filler.state().remove(listener);
    }

    @Override
    public SourceStats stats() {
        return filler.stats();
    }

    @Override
    public void close() {
        filler.close();
        spool.close();
    }
}
