package dev.reel.core.source;

import dev.reel.core.spool.SpoolCache;
import java.net.URI;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Locale;
import okhttp3.HttpUrl;

/** Opens the right {@link Source} for a location: an http(s) URL, a {@code file:} URL or a path. */
public final class Sources {

    private Sources() {
    }

    /** {@link #open(String, SpoolCache, HttpSourceOptions)} with {@link HttpSourceOptions#DEFAULT}. */
    public static Source open(String location, SpoolCache cache) throws SourceException {
        return open(location, cache, HttpSourceOptions.DEFAULT);
    }

    /**
     * Opens {@code location}, not yet started. An http(s) URL shares its spool and download
     * through {@code cache} with every other open of the same URL (closing the returned source
     * releases this share; the cache closes the download when it evicts the spool). A
     * {@code file:} URL or a path opens a {@link FileSource}, which reads the file in place.
     *
     * @throws SourceException for an unsupported scheme or a missing file (one line)
     */
    public static Source open(String location, SpoolCache cache, HttpSourceOptions options)
            throws SourceException {
        String scheme = scheme(location);
        switch (scheme) {
            case "http", "https" -> {
                HttpUrl url = HttpUrl.parse(location);
                if (url == null) {
                    throw new SourceException("malformed URL: " + location);
                }
                SpoolCache.Lease<HttpSource> lease = cache.acquire(url.toString(),
                        spool -> new HttpSource(url, spool, options));
                return new SharedSource(lease);
            }
            case "file" -> {
                try {
                    return FileSource.open(Path.of(URI.create(location)));
                } catch (IllegalArgumentException e) {
                    throw new SourceException("malformed file URL: " + location, e);
                }
            }
            case "" -> {
                try {
                    return FileSource.open(Path.of(location));
                } catch (InvalidPathException e) {
                    throw new SourceException("not a valid path: " + location, e);
                }
            }
            default -> throw new SourceException("unsupported scheme " + scheme + ": in " + location
                    + " (use http, https, file or a path)");
        }
    }

    /** The lower-case URI scheme, or "" for a path (a Windows drive letter is no scheme). */
    private static String scheme(String location) {
        int colon = location.indexOf(':');
        if (colon < 2) {
            return "";
        }
        String scheme = location.substring(0, colon);
        for (int i = 0; i < scheme.length(); i++) {
            char c = scheme.charAt(i);
            boolean ok = Character.isLetter(c) || (i > 0 && (Character.isDigit(c) || "+-.".indexOf(c) >= 0));
            if (!ok || c > 127) {
                return "";
            }
        }
        return scheme.toLowerCase(Locale.ROOT);
    }
}
