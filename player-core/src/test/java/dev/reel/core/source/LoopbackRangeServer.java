package dev.reel.core.source;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A small HTTP/1.1 server on 127.0.0.1 serving one byte array with or without range support,
 * with knobs for faults: cut every response after N bytes, stall after N bytes, change the file.
 * One request per connection. Logs every request. Thread-safe.
 */
final class LoopbackRangeServer implements AutoCloseable {

    /** One request as received. */
    record Logged(String method, String range, String ifRange) {
    }

    private final ServerSocket server;
    private final List<Logged> log = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    private final CountDownLatch stalled = new CountDownLatch(1);
    private final CountDownLatch closing = new CountDownLatch(1);
    private volatile byte[] data;
    private volatile String etag;
    private volatile String lastModified;
    private volatile boolean ranges = true;
    private volatile boolean advertiseRanges = true;
    private volatile int cutAfter = -1;
    private volatile int stallAfter = -1;
    private volatile int stallCount;

    LoopbackRangeServer(byte[] data) throws IOException {
        this.data = data;
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::acceptLoop, "test-range-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    String url(String path) {
        return "http://127.0.0.1:" + server.getLocalPort() + path;
    }

    LoopbackRangeServer etag(String value) {
        etag = value;
        return this;
    }

    LoopbackRangeServer lastModified(String value) {
        lastModified = value;
        return this;
    }

    /** Whether Range requests are honoured (and advertised). */
    LoopbackRangeServer ranges(boolean honour) {
        ranges = honour;
        advertiseRanges = honour;
        return this;
    }

    /** Each response breaks its connection after this many body bytes. */
    LoopbackRangeServer cutAfter(int bytes) {
        cutAfter = bytes;
        return this;
    }

    /** The first {@code count} responses stop sending after {@code bytes} and stay silent. */
    LoopbackRangeServer stallAfter(int bytes, int count) {
        stallAfter = bytes;
        stallCount = count;
        return this;
    }

    /** Serves another version of the file from now on. */
    void change(byte[] newData, String newEtag, String newLastModified) {
        data = newData;
        etag = newEtag;
        lastModified = newLastModified;
    }

    List<Logged> requests() {
        return new ArrayList<>(log);
    }

    List<String> rangeHeaders() {
        return log.stream().map(Logged::range).toList();
    }

    boolean awaitStall(long seconds) throws InterruptedException {
        return stalled.await(seconds, TimeUnit.SECONDS);
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                open.add(socket);
                Thread handler = new Thread(() -> serve(socket), "test-range-conn");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            BufferedReader in = new BufferedReader(
                    new InputStreamReader(socket.getInputStream(), StandardCharsets.ISO_8859_1));
            String requestLine = in.readLine();
            if (requestLine == null) {
                return;
            }
            Map<String, String> headers = new HashMap<>();
            for (String line = in.readLine(); line != null && !line.isEmpty(); line = in.readLine()) {
                int colon = line.indexOf(':');
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        line.substring(colon + 1).trim());
            }
            log.add(new Logged(requestLine.split(" ")[0], headers.get("range"),
                    headers.get("if-range")));
            respond(socket.getOutputStream(), headers);
        } catch (IOException e) {
            // the client went away: nothing to answer
        } finally {
            open.remove(socket);
        }
    }

    private void respond(OutputStream out, Map<String, String> headers) throws IOException {
        byte[] body = data;
        String tag = etag;
        String modified = lastModified;
        String range = headers.get("range");
        String ifRange = headers.get("if-range");
        boolean validatorOk = ifRange == null || ifRange.equals(tag) || ifRange.equals(modified);
        StringBuilder head = new StringBuilder();
        int start = 0;
        int end = body.length;
        if (ranges && range != null && validatorOk) {
            String spec = range.substring("bytes=".length());
            int dash = spec.indexOf('-');
            start = Integer.parseInt(spec.substring(0, dash));
            if (dash < spec.length() - 1) {
                end = Math.min(body.length, Integer.parseInt(spec.substring(dash + 1)) + 1);
            }
            if (start >= body.length) {
                head.append("HTTP/1.1 416 Range Not Satisfiable\r\nContent-Range: bytes */")
                        .append(body.length).append("\r\nContent-Length: 0\r\n");
                finish(out, head, tag, modified);
                return;
            }
            head.append("HTTP/1.1 206 Partial Content\r\nContent-Range: bytes ").append(start)
                    .append('-').append(end - 1).append('/').append(body.length).append("\r\n");
        } else {
            head.append("HTTP/1.1 200 OK\r\n");
        }
        head.append("Content-Length: ").append(end - start).append("\r\n")
                .append("Content-Type: audio/wav\r\n");
        finish(out, head, tag, modified);
        int count = end - start;
        int cut = cutAfter;
        if (stallAfter >= 0 && stallCount > 0) {
            stallCount--;
            out.write(body, start, Math.min(stallAfter, count));
            out.flush();
            stalled.countDown();
            try {
                closing.await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        out.write(body, start, cut >= 0 ? Math.min(cut, count) : count);
        out.flush();
    }

    private void finish(OutputStream out, StringBuilder head, String tag, String modified)
            throws IOException {
        if (advertiseRanges) {
            head.append("Accept-Ranges: bytes\r\n");
        }
        if (tag != null) {
            head.append("ETag: ").append(tag).append("\r\n");
        }
        if (modified != null) {
            head.append("Last-Modified: ").append(modified).append("\r\n");
        }
        head.append("Connection: close\r\n\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    @Override
    public void close() throws IOException {
        closing.countDown();
        server.close();
        for (Socket socket : open) {
            socket.close();
        }
    }
}
