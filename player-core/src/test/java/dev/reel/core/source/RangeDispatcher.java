package dev.reel.core.source;

import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.RecordedRequest;
import okio.Buffer;

/**
 * Serves one byte array from a MockWebServer with optional range support and validators; the
 * first response can be throttled so that a test seeks while it runs. Thread-safe enough for
 * one client.
 */
final class RangeDispatcher extends Dispatcher {

    private final byte[] data;
    private volatile String etag;
    private volatile String lastModified;
    private volatile boolean ranges = true;
    private volatile boolean throttleFirst;
    private volatile boolean first = true;

    RangeDispatcher(byte[] data) {
        this.data = data;
    }

    RangeDispatcher etag(String value) {
        etag = value;
        return this;
    }

    RangeDispatcher lastModified(String value) {
        lastModified = value;
        return this;
    }

    RangeDispatcher ranges(boolean honour) {
        ranges = honour;
        return this;
    }

    /** The first response sends 16 KiB per 50 ms. */
    RangeDispatcher throttleFirst() {
        throttleFirst = true;
        return this;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        MockResponse response = new MockResponse().setHeader("Content-Type", "audio/wav");
        if (etag != null) {
            response.setHeader("ETag", etag);
        }
        if (lastModified != null) {
            response.setHeader("Last-Modified", lastModified);
        }
        String range = request.getHeader("Range");
        int start = 0;
        if (ranges) {
            response.setHeader("Accept-Ranges", "bytes");
        }
        if (ranges && range != null) {
            start = Integer.parseInt(range.substring("bytes=".length(), range.length() - 1));
            response.setResponseCode(206).setHeader("Content-Range",
                    "bytes " + start + "-" + (data.length - 1) + "/" + data.length);
        }
        response.setBody(new Buffer().write(Arrays.copyOfRange(data, start, data.length)));
        if (first && throttleFirst) {
            response.throttleBody(16 * 1024, 50, TimeUnit.MILLISECONDS);
        }
        first = false;
        return response;
    }
}
