package dev.reel.core.source;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import okhttp3.Call;
import okhttp3.HttpUrl;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.tinylog.Logger;

/**
 * Fetches one URL with GET and {@code Range: bytes=N-} requests, checking every answer against
 * the first: the validators (ETag, Last-Modified) and the length must not change, and a 206 must
 * start where asked. Used by the download thread only.
 */
final class HttpFetcher implements Fetcher {

    private final HttpClients clients;
    private final HttpUrl url;
    private final String location;
    private String etag;
    private String lastModified;
    private long length = -1;
    private SourceInfo info;

    HttpFetcher(HttpClients clients, HttpUrl url) {
        this.clients = clients;
        this.url = url;
        this.location = url.toString();
    }

    @Override
    public String location() {
        return location;
    }

    @Override
    public SourceInfo info() {
        return info;
    }

    @Override
    public Transfer transfer(long position, long end, boolean fromStart) {
        long at = fromStart ? 0 : position;
        long stop = fromStart ? -1 : end;
        boolean ranged = at > 0 || stop >= 0;
        Request.Builder request = new Request.Builder().url(url).header("Accept-Encoding", "identity");
        if (ranged) {
            request.header("Range", "bytes=" + at + "-" + (stop >= 0 ? String.valueOf(stop - 1) : ""));
            String validator = ifRange();
            if (validator != null) {
                request.header("If-Range", validator);
            }
        }
        return new HttpTransfer(request.build(), at, ranged);
    }

    /** A strong ETag, else Last-Modified; a weak ETag never (RFC 9110 §13.1.5). */
    private String ifRange() {
        if (etag != null && !etag.startsWith("W/")) {
            return etag;
        }
        return lastModified;
    }

    /** {@code ranged}: the request asked for a range (and so a 200 means the server ignores ranges). */
    private Opening check(Response response, long at, boolean ranged) throws IOException {
        int code = response.code();
        if (code >= 300 && code < 400) {
            throw new SourceException("redirect to unsupported location "
                    + Objects.requireNonNullElse(response.header("Location"), "(none)") + " from "
                    + location);
        }
        if (code == 416) {
            return unsatisfiable(response, at, ranged);
        }
        if (code >= 400) {
            String message = "HTTP " + code + " from " + location;
            boolean heals = code >= 500 || code == 408 || code == 429;
            throw heals ? new IOException(message) : new SourceException(message);
        }
        if (code != 200 && code != 206) {
            throw new SourceException("unexpected HTTP " + code + " from " + location);
        }
        String encoding = response.header("Content-Encoding");
        if (encoding != null && !encoding.equalsIgnoreCase("identity")) {
            throw new SourceException("server sent a " + encoding + "-encoded body, not the file: "
                    + location);
        }
        ResponseBody body = response.body();
        long bodyLength = body == null ? -1 : body.contentLength();
        if (code == 200) {
            return whole(response, ranged, bodyLength);
        }
        return partial(response, at, bodyLength);
    }

    private Opening whole(Response response, boolean ranged, long bodyLength) throws IOException {
        if (info == null) {
            remember(response, bodyLength, !ranged && bodyLength >= 0
                    && "bytes".equalsIgnoreCase(response.header("Accept-Ranges")));
        } else {
            checkSame(response, bodyLength);
        }
        boolean noRanges = ranged || "none".equalsIgnoreCase(response.header("Accept-Ranges"));
        if (ranged) {
            Logger.info("{} ignored a range request; downloading it from the start", location);
        }
        return new Opening(0, bodyLength, optional(length), noRanges);
    }

    private Opening partial(Response response, long at, long bodyLength) throws IOException {
        ContentRange range;
        try {
            range = ContentRange.parse(Objects.requireNonNullElse(
                    response.header("Content-Range"), ""));
        } catch (IllegalArgumentException e) {
            throw new RangesUnusableException("206 with a bad Content-Range ("
                    + e.getMessage() + ") from " + location);
        }
        long total = range.completeLength().orElse(-1);
        if (info == null) {
            remember(response, total, true);
        } else {
            checkSame(response, -1);
            if (total >= 0 && length >= 0 && total != length) {
                throw changed("length " + length + " became " + total);
            }
        }
        long count = range.last() - range.first() + 1;
        if (range.first() != at || range.first() < 0 || (bodyLength >= 0 && bodyLength != count)) {
            throw new RangesUnusableException("206 for a range from byte " + at + " says "
                    + response.header("Content-Range") + " (" + bodyLength + " bytes) from "
                    + location);
        }
        return new Opening(at, range.last() + 1, optional(length), false);
    }

    private Opening unsatisfiable(Response response, long at, boolean ranged) throws IOException {
        String header = response.header("Content-Range");
        OptionalLong total = OptionalLong.empty();
        if (header != null) {
            try {
                total = ContentRange.parse(header).completeLength();
            } catch (IllegalArgumentException e) {
                Logger.debug("bad Content-Range on a 416: {}", header);
            }
        }
        // At or past the end: the resource ends there (reads past it find the end), not an error.
        boolean atEnd = ranged && total.isPresent() && total.getAsLong() <= at
                && (length < 0 || length == total.getAsLong());
        if (!atEnd) {
            throw new SourceException("HTTP 416 (range not satisfiable) for bytes=" + at + "- from "
                    + location);
        }
        if (info == null) {
            remember(response, total.getAsLong(), true);
        }
        return new Opening(at, at, total, false);
    }

    private void remember(Response response, long totalLength, boolean ranges) {
        etag = response.header("ETag");
        lastModified = response.header("Last-Modified");
        length = totalLength;
        info = new SourceInfo(location, optional(totalLength),
                Optional.ofNullable(response.header("Content-Type")), ranges, false);
    }

    private void checkSame(Response response, long wholeLength) throws SourceException {
        String newTag = response.header("ETag");
        if (etag != null && newTag != null && !etag.equals(newTag)) {
            throw changed("ETag " + etag + " became " + newTag);
        }
        String newModified = response.header("Last-Modified");
        if (lastModified != null && newModified != null && !lastModified.equals(newModified)) {
            throw changed("Last-Modified " + lastModified + " became " + newModified);
        }
        if (wholeLength >= 0 && length >= 0 && wholeLength != length) {
            throw changed("length " + length + " became " + wholeLength);
        }
    }

    private SourceException changed(String what) {
        return new SourceException("server changed the file while it was being read ("
                + what + "): " + location);
    }

    private static OptionalLong optional(long value) {
        return value >= 0 ? OptionalLong.of(value) : OptionalLong.empty();
    }

    /** One HTTP exchange. */
    private final class HttpTransfer implements Transfer {

        private final long at;
        private final boolean ranged;
        private volatile Call call;
        private volatile boolean cancelled;
        private Response response;
        private BufferedSource body;
        private boolean exhausted;

        HttpTransfer(Request request, long at, boolean ranged) {
            this.call = clients.forUrl(request.url()).newCall(request);
            this.at = at;
            this.ranged = ranged;
        }

        @Override
        public Opening open() throws IOException {
            response = call.execute();
            HttpUrl https = httpsRedirect(response);
            if (https != null) {
                response.close();
                call = clients.forUrl(https).newCall(response.request().newBuilder().url(https).build());
                if (cancelled) {
                    call.cancel();
                }
                response = call.execute();
            }
            Opening opening = check(response, at, ranged);
            ResponseBody responseBody = response.body();
            if (responseBody == null || opening.end() == opening.start()) {
                exhausted = true;
            } else {
                body = responseBody.source();
            }
            return opening;
        }

        /**
         * Where a redirect from http to https leads: the cleartext client leaves those to us, so
         * that plain http never loads the TLS machinery.
         */
        private HttpUrl httpsRedirect(Response response) {
            String target = response.header("Location");
            if (!response.isRedirect() || target == null || response.request().url().isHttps()) {
                return null;
            }
            HttpUrl resolved = response.request().url().resolve(target);
            return resolved != null && resolved.isHttps() ? resolved : null;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            if (exhausted) {
                return -1;
            }
            int n = body.read(dst);
            exhausted = n < 0;
            return n;
        }

        @Override
        public void cancel() {
            cancelled = true;
            call.cancel();
        }

        @Override
        public boolean cancelled() {
            return cancelled;
        }

        @Override
        public void close() {
            if (!exhausted) {
                // Closing an unread body would first try to drain it; drop the connection instead.
                call.cancel();
            }
            if (response != null) {
                response.close();
            }
        }
    }
}
