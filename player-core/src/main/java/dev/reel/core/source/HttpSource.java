package dev.reel.core.source;

import dev.reel.core.spool.SpoolBuffer;
import okhttp3.HttpUrl;

/**
 * Fills a spool from an http(s) URL with OkHttp on its own {@code reel-download-N} thread:
 * range requests where the consumer seeks, resumption after drops, then the holes seeks left.
 * Methods are safe from any thread and never block; {@link #close} also closes the spool.
 */
public final class HttpSource extends FilledSource {

    /**
     * @param url an http or https URL
     * @param spool the spool to fill, owned by this source from now on
     */
    public HttpSource(HttpUrl url, SpoolBuffer spool, HttpSourceOptions options) {
        super(spool, new SpoolFiller(
                new HttpFetcher(HttpClients.client(options.connectTimeout(), options.readTimeout()),
                        url),
                spool, options.retry(), options.lookAhead(), options.minLookAheadBytes()));
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
}
