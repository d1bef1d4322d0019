package dev.reel.testkit;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The head of one HTTP/1.1 request as a {@link RangeServer} reads it from a connection.
 *
 * @param headers header values by lower-case name (the last of repeated headers wins)
 */
record HttpRequest(String method, String target, String version, Map<String, String> headers) {

    private static final int MAX_LINE = 16 * 1024;
    private static final int MAX_HEADERS = 200;

    /** Reads the next request head and skips its body; null when the peer closed between requests. */
    static HttpRequest read(InputStream in) throws IOException {
        int first = in.read();
        while (first == '\r' || first == '\n') {
            first = in.read();
        }
        if (first < 0) {
            return null;
        }
        String requestLine = (char) first + readLine(in);
        String[] parts = requestLine.split(" ");
        if (parts.length != 3) {
            throw new IOException("malformed request line: " + requestLine);
        }
        Map<String, String> headers = new HashMap<>();
        for (String line = readLine(in); !line.isEmpty(); line = readLine(in)) {
            int colon = line.indexOf(':');
            if (colon <= 0 || headers.size() >= MAX_HEADERS) {
                throw new IOException("malformed header line: " + line);
            }
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        String contentLength = headers.get("content-length");
        if (contentLength != null) {
            in.skipNBytes(Long.parseLong(contentLength));
        }
        return new HttpRequest(parts[0], parts[1], parts[2], headers);
    }

    /** The target's path: without query, and without scheme and authority in absolute form. */
    String path() {
        String path = target;
        int scheme = path.indexOf("://");
        if (scheme >= 0) {
            int slash = path.indexOf('/', scheme + 3);
            path = slash < 0 ? "/" : path.substring(slash);
        }
        int query = path.indexOf('?');
        return query < 0 ? path : path.substring(0, query);
    }

    String header(String lowerCaseName) {
        return headers.get(lowerCaseName);
    }

    /** Whether the connection may carry another request after this one's response. */
    boolean keepAlive() {
        String connection = headers.getOrDefault("connection", "").toLowerCase(Locale.ROOT);
        if (version.equals("HTTP/1.0")) {
            return connection.contains("keep-alive");
        }
        return !connection.contains("close");
    }

    private static String readLine(InputStream in) throws IOException {
        byte[] line = new byte[256];
        int length = 0;
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("connection closed inside a request head");
            }
            if (length == MAX_LINE) {
                throw new IOException("request line longer than " + MAX_LINE + " bytes");
            }
            if (length == line.length) {
                line = Arrays.copyOf(line, line.length * 2);
            }
            line[length++] = (byte) b;
        }
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
        return new String(line, 0, length, StandardCharsets.ISO_8859_1);
    }
}
