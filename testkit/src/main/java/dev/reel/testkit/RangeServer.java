package dev.reel.testkit;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * A real HTTP/1.1 server on 127.0.0.1 for tests and benchmarks: serves registered
 * {@link Resource}s with RFC 9110 single-range support ({@code Range}, {@code If-Range}, 206, 416),
 * HEAD and keep-alive, misbehaves on demand per resource ({@link Faults}), can die and come back
 * on the same port, and logs every exchange ({@link #log()}).
 *
 * <p>Thread-safe: every method may be called from any thread while requests are served. Each
 * connection runs on its own daemon thread; {@link #close()} stops them all within a second.
 */
public final class RangeServer implements AutoCloseable {

    private static final DateTimeFormatter HTTP_DATE =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US).withZone(ZoneOffset.UTC);
    private static final int CHUNK = 16 * 1024;
    private static final byte[] CRLF = {'\r', '\n'};
    private static final byte GARBAGE = 0x5A;

    private final Map<String, Served> resources = new ConcurrentHashMap<>();
    private final Set<Connection> connections = ConcurrentHashMap.newKeySet();
    private final AtomicInteger connectionIds = new AtomicInteger();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<Exchange> log = new ArrayList<>();
    private long bodyBytesSent;
    private int port;
    private ServerSocket listener;
    private Thread acceptor;
    private boolean closed;

    private RangeServer() {
    }

    /** Starts a server on an ephemeral port of 127.0.0.1. */
    public static RangeServer start() throws IOException {
        return start(0);
    }

    /** Starts a server on {@code port} of 127.0.0.1 (0: an ephemeral port). */
    public static RangeServer start(int port) throws IOException {
        RangeServer server = new RangeServer();
        server.port = port;
        server.restart();
        return server;
    }

    /** The port, the same across {@link #stop()} and {@link #restart()}. */
    public int port() {
        lock.lock();
        try {
            return port;
        } finally {
            lock.unlock();
        }
    }

    /** {@code http://127.0.0.1:PORT} followed by {@code path}. */
    public String url(String path) {
        return "http://127.0.0.1:" + port() + path;
    }

    public URI uri(String path) {
        return URI.create(url(path));
    }

    /** Serves {@code resource} at its path from now on, replacing any earlier one and its faults. */
    public Resource add(Resource resource) {
        resources.put(resource.path(), new Served(resource));
        return resource;
    }

    /** Serves {@code bytes} (not copied) at {@code path} with a unique strong ETag. */
    public Resource add(String path, byte[] bytes, String contentType) {
        return add(Resource.of(path, bytes, contentType));
    }

    public void remove(String path) {
        resources.remove(path);
    }

    /**
     * Makes the following responses for {@code path} misbehave as {@code faults} say; resets the
     * resource's request count (for {@link Faults#changeAfterRequests()}) and its one stall.
     */
    public void setFaults(String path, Faults faults) {
        Served served = resources.get(path);
        if (served == null) {
            throw new IllegalArgumentException("no resource at " + path);
        }
        served.setFaults(faults);
    }

    /** The exchanges so far, in the order their responses ended. */
    public List<Exchange> log() {
        lock.lock();
        try {
            return List.copyOf(log);
        } finally {
            lock.unlock();
        }
    }

    /** The exchanges so far for {@code path}. */
    public List<Exchange> log(String path) {
        return log().stream().filter(e -> e.path().equals(path)).toList();
    }

    /**
     * The responses in flight now, as exchanges with {@code endNanos} 0 and the body bytes sent so
     * far; together with {@link #log()} they account for every body byte sent.
     */
    public List<Exchange> active() {
        List<Exchange> active = new ArrayList<>();
        for (Connection connection : connections) {
            Response response = connection.current;
            if (response != null) {
                active.add(response.toExchange(connection.id, 0));
            }
        }
        return active;
    }

    /** Forgets the log and resets {@link #bodyBytesSent()}. */
    public void clearLog() {
        lock.lock();
        try {
            log.clear();
            bodyBytesSent = 0;
        } finally {
            lock.unlock();
        }
    }

    /** Body bytes written to sockets since start or {@link #clearLog()}, responses in flight included. */
    public long bodyBytesSent() {
        lock.lock();
        try {
            return bodyBytesSent;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Waits until the log satisfies {@code condition}; returns whether it did within {@code timeout}.
     */
    public boolean awaitLog(Predicate<List<Exchange>> condition, Duration timeout) throws InterruptedException {
        return await(() -> condition.test(List.copyOf(log)), timeout);
    }

    /**
     * Waits until the log holds at least {@code count} exchanges and returns it. A response's
     * exchange is logged just after its last byte went out, so a client may see the response
     * before the log does: wait with this rather than reading {@link #log()} at once.
     *
     * @throws IllegalStateException when they do not arrive within {@code timeout}
     */
    public List<Exchange> awaitExchanges(int count, Duration timeout) throws InterruptedException {
        if (!awaitLog(log -> log.size() >= count, timeout)) {
            throw new IllegalStateException("only " + log().size() + " of " + count + " exchanges within " + timeout);
        }
        return log();
    }

    /**
     * Waits until an exchange that satisfies {@code condition} has ended or is in flight; returns
     * whether one did within {@code timeout}. For a request whose answer is still streaming.
     */
    public boolean awaitExchange(Predicate<Exchange> condition, Duration timeout) throws InterruptedException {
        return await(() -> log.stream().anyMatch(condition) || active().stream().anyMatch(condition), timeout);
    }

    /** Waits until at least {@code bytes} body bytes have been sent; returns whether they were within {@code timeout}. */
    public boolean awaitBodyBytes(long bytes, Duration timeout) throws InterruptedException {
        return await(() -> bodyBytesSent >= bytes, timeout);
    }

    /** Waits until the server listens (after an {@link #outage}); returns whether it did within {@code timeout}. */
    public boolean awaitRunning(Duration timeout) throws InterruptedException {
        return await(() -> listener != null, timeout);
    }

    /** Waits under the lock until {@code condition} holds, which it tests whenever the server's state changes. */
    private boolean await(BooleanSupplier condition, Duration timeout) throws InterruptedException {
        long remaining = timeout.toNanos();
        lock.lock();
        try {
            while (!condition.getAsBoolean()) {
                if (remaining <= 0) {
                    return false;
                }
                remaining = changed.awaitNanos(remaining);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    /** Whether the server accepts connections now. */
    public boolean running() {
        lock.lock();
        try {
            return listener != null;
        } finally {
            lock.unlock();
        }
    }

    /**
     * The server dies: it stops listening and drops every connection mid-response. The resources,
     * faults and log stay, ready for {@link #restart()}.
     */
    public void stop() {
        ServerSocket oldListener;
        Thread oldAcceptor;
        lock.lock();
        try {
            oldListener = listener;
            oldAcceptor = acceptor;
            listener = null;
            acceptor = null;
        } finally {
            lock.unlock();
        }
        if (oldListener != null) {
            closeQuietly(oldListener);
            join(oldAcceptor);
        }
        List<Connection> dropped = List.copyOf(connections);
        dropped.forEach(Connection::kill);
        dropped.forEach(c -> join(c.thread));
    }

    /** Listens again on the same port after {@link #stop()}; does nothing while running. */
    public void restart() throws IOException {
        lock.lock();
        try {
            if (closed) {
                throw new IllegalStateException("server is closed");
            }
            if (listener != null) {
                return;
            }
            ServerSocket socket = new ServerSocket();
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
            port = socket.getLocalPort();
            listener = socket;
            acceptor = new Thread(() -> acceptLoop(socket), "range-server-accept-" + port);
            acceptor.setDaemon(true);
            acceptor.start();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Dies now and comes back on the same port after {@code downtime} (unless closed meanwhile). */
    public void outage(Duration downtime) {
        stop();
        Thread revive = new Thread(() -> {
            try {
                Thread.sleep(downtime.toMillis());
                restart();
            } catch (InterruptedException | IOException | IllegalStateException e) {
                // closed meanwhile, or the port was taken: the server stays down
            }
        }, "range-server-revive-" + port());
        revive.setDaemon(true);
        revive.start();
    }

    /** Stops everything; the server cannot restart. */
    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
        } finally {
            lock.unlock();
        }
        stop();
    }

    private void acceptLoop(ServerSocket socket) {
        while (true) {
            Socket client;
            try {
                client = socket.accept();
            } catch (IOException e) {
                return;
            }
            Connection connection = new Connection(client, connectionIds.incrementAndGet());
            connections.add(connection);
            connection.thread.start();
        }
    }

    private void record(Exchange exchange) {
        lock.lock();
        try {
            log.add(exchange);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void countBody(long bytes) {
        lock.lock();
        try {
            bodyBytesSent += bytes;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private static void join(Thread thread) {
        if (thread == null || thread == Thread.currentThread()) {
            return;
        }
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // closing to stop: nothing left to do with the failure
        }
    }

    private static boolean ifRangeMatches(String ifRange, Resource resource) {
        if (ifRange == null) {
            return true;
        }
        String value = ifRange.trim();
        if (value.startsWith("W/")) {
            return false;
        }
        if (value.startsWith("\"")) {
            String etag = resource.etag();
            return etag != null && !etag.startsWith("W/") && etag.equals(value);
        }
        if (resource.lastModified() == null) {
            return false;
        }
        try {
            return ZonedDateTime.parse(value, HTTP_DATE).toInstant().equals(resource.lastModified());
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 206 -> "Partial Content";
            case 301 -> "Moved Permanently";
            case 302 -> "Found";
            case 400 -> "Bad Request";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 416 -> "Range Not Satisfiable";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> "Status";
        };
    }

    /** One resource as served: the resource, its current faults and the state those faults keep. */
    private static final class Served {
        final Resource resource;
        volatile Faults faults = Faults.NONE;
        final AtomicInteger requests = new AtomicInteger();
        final AtomicBoolean stalled = new AtomicBoolean();

        Served(Resource resource) {
            this.resource = resource;
        }

        synchronized void setFaults(Faults newFaults) {
            requests.set(0);
            stalled.set(false);
            faults = newFaults;
        }
    }

    /**
     * What one request is answered with, and what the log will say about it. Written by its
     * connection's thread; {@link #active()} reads the volatile fields from others.
     */
    private static final class Response {
        final HttpRequest request;
        final long startNanos = System.nanoTime();
        volatile int status;
        Faults faults = Faults.NONE;
        final List<String> headers = new ArrayList<>();
        Content content;
        volatile long from = -1;
        long to;
        volatile boolean body;
        boolean keepAlive;
        volatile long bodyBytes;
        volatile boolean complete;

        Response(HttpRequest request) {
            this.request = request;
        }

        /** The log entry; {@code endNanos} 0 for a response still in flight. */
        Exchange toExchange(int connection, long endNanos) {
            return new Exchange(connection, request.method(), request.path(), request.headers(), status,
                    bodyBytes > 0 || body ? from : -1, bodyBytes, complete, startNanos, endNanos);
        }

        void header(String name, Object value) {
            headers.add(name + ": " + value);
        }

        byte[] head() {
            StringBuilder text = new StringBuilder("HTTP/1.1 ").append(status).append(' ').append(reason(status)).append("\r\n");
            headers.forEach(h -> text.append(h).append("\r\n"));
            return text.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1);
        }
    }

    /** One client connection and its daemon thread. */
    private final class Connection implements Runnable {
        final Socket socket;
        final int id;
        final Thread thread;
        volatile Response current;

        Connection(Socket socket, int id) {
            this.socket = socket;
            this.id = id;
            this.thread = new Thread(this, "range-server-conn-" + id);
            thread.setDaemon(true);
        }

        void kill() {
            closeQuietly(socket);
            thread.interrupt();
        }

        @Override
        public void run() {
            try (socket) {
                socket.setTcpNoDelay(true);
                InputStream in = new BufferedInputStream(socket.getInputStream());
                OutputStream out = socket.getOutputStream();
                while (true) {
                    HttpRequest request = HttpRequest.read(in);
                    if (request == null || !exchange(request, out)) {
                        return;
                    }
                }
            } catch (IOException | InterruptedException e) {
                // the peer went away, a fault closed the connection, or the server stopped
            } finally {
                connections.remove(this);
            }
        }

        /** Answers one request; returns whether the connection can carry another. */
        private boolean exchange(HttpRequest request, OutputStream out) throws IOException, InterruptedException {
            Response response = new Response(request);
            current = response;
            try {
                Served served = resources.get(request.path());
                plan(request, served, response);
                if (!response.keepAlive) {
                    response.header("Connection", "close");
                }
                out.write(response.head());
                if (!response.body) {
                    response.complete = true;
                    return response.keepAlive;
                }
                boolean usable = response.status >= 300 ? sendPlain(out, response) : send(out, response, served);
                return usable && response.keepAlive;
            } finally {
                current = null;
                record(response.toExchange(id, System.nanoTime()));
            }
        }

        private void plan(HttpRequest request, Served served, Response response) throws InterruptedException {
            response.keepAlive = request.keepAlive();
            response.header("Date", HTTP_DATE.format(Instant.now()));
            response.header("Server", "reel-testkit");
            if (served == null) {
                text(response, 404, "no resource at " + request.path());
                return;
            }
            boolean head = request.method().equals("HEAD");
            if (!head && !request.method().equals("GET")) {
                response.header("Allow", "GET, HEAD");
                text(response, 405, request.method() + " is not allowed");
                return;
            }
            int number = served.requests.incrementAndGet();
            Faults faults = served.faults.forRequest(number);
            response.faults = faults;
            if (faults.latencyMillis() > 0) {
                Thread.sleep(faults.latencyMillis());
            }
            if (faults.status() != 0) {
                text(response, faults.status(), "fault: status " + faults.status());
                return;
            }
            if (faults.redirectLocation() != null) {
                response.status = 302;
                response.header("Location", faults.redirectLocation());
                response.header("Content-Length", 0);
                return;
            }
            Resource resource = faults.changeAfterRequests() > 0 && number > faults.changeAfterRequests()
                    ? served.resource.changedTo(faults.changedContent())
                    : served.resource;
            long length = resource.content().length();
            response.content = resource.content();
            response.status = 200;
            response.from = 0;
            response.to = length;
            if (resource.contentType() != null) {
                response.header("Content-Type", resource.contentType());
            }
            if (!faults.ignoreRanges()) {
                response.header("Accept-Ranges", "bytes");
            }
            if (resource.etag() != null) {
                response.header("ETag", resource.etag());
            }
            if (resource.lastModified() != null) {
                response.header("Last-Modified", HTTP_DATE.format(resource.lastModified()));
            }
            String range = request.header("range");
            RangeHeader parsed = range == null ? null : RangeHeader.parse(range);
            if (parsed != null && !faults.ignoreRanges() && !faults.advertiseRangesButSendAll()
                    && ifRangeMatches(request.header("if-range"), resource)) {
                long[] span = parsed.resolve(length);
                if (span == null) {
                    response.status = 416;
                    response.header("Content-Range", "bytes */" + length);
                    response.header("Content-Length", 0);
                    response.from = -1;
                    return;
                }
                long first = Math.max(0, Math.min(length - 1, span[0] + faults.rangeShift()));
                long last = Math.max(first, Math.min(length - 1, span[1] + faults.rangeShift()));
                response.status = 206;
                response.from = first;
                response.to = last + 1;
                response.header("Content-Range", "bytes " + first + "-" + last + "/" + length);
            }
            if (faults.chunked()) {
                response.header("Transfer-Encoding", "chunked");
            } else {
                response.header("Content-Length", response.to - response.from);
            }
            response.body = !head;
        }

        private void text(Response response, int status, String message) {
            byte[] bytes = (message + "\n").getBytes(StandardCharsets.UTF_8);
            response.status = status;
            response.content = Content.of(bytes);
            response.from = 0;
            response.to = bytes.length;
            response.header("Content-Type", "text/plain; charset=utf-8");
            response.header("Content-Length", bytes.length);
            response.body = true;
        }

        /**
         * Writes the body with the faults that apply to it; returns whether the connection is
         * still usable afterwards (when not, the caller logs the exchange and then closes it).
         */
        private boolean send(OutputStream out, Response response, Served served)
                throws IOException, InterruptedException {
            Faults faults = response.faults;
            byte[] buffer = new byte[CHUNK];
            long end = Math.max(response.from, response.to + Math.min(0, faults.bodyLengthError()));
            long position = response.from;
            long rate = faults.bytesPerSecond();
            long paceStart = System.nanoTime();
            while (position < end) {
                int n = (int) Math.min(CHUNK, end - position);
                if (faults.cutEvery() > 0) {
                    n = (int) Math.min(n, faults.cutEvery() - response.bodyBytes);
                    if (n == 0) {
                        return false;
                    }
                }
                long stallAt = faults.stallAt();
                if (stallAt >= position && stallAt < position + n && !served.stalled.get()) {
                    if (stallAt > position) {
                        n = (int) (stallAt - position);
                    } else if (served.stalled.compareAndSet(false, true)) {
                        Thread.sleep(faults.stallMillis());
                        paceStart += TimeUnit.MILLISECONDS.toNanos(faults.stallMillis());
                    }
                }
                if (rate > 0) {
                    n = (int) Math.min(n, Math.max(1, rate / 50));
                }
                response.content.read(position, buffer, 0, n);
                writeBody(out, buffer, n, faults.chunked());
                position += n;
                response.bodyBytes += n;
                countBody(n);
                if (rate > 0) {
                    long due = paceStart + (long) (response.bodyBytes * 1e9 / rate);
                    long wait = due - System.nanoTime();
                    if (wait > 0) {
                        TimeUnit.NANOSECONDS.sleep(wait);
                    }
                }
            }
            if (faults.bodyLengthError() < 0) {
                return false;
            }
            if (faults.bodyLengthError() > 0) {
                byte[] garbage = new byte[(int) Math.min(CHUNK, faults.bodyLengthError())];
                Arrays.fill(garbage, GARBAGE);
                for (long left = faults.bodyLengthError(); left > 0; left -= garbage.length) {
                    int n = (int) Math.min(garbage.length, left);
                    writeBody(out, garbage, n, faults.chunked());
                    response.bodyBytes += n;
                    countBody(n);
                }
            }
            if (faults.chunked()) {
                out.write("0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            }
            response.complete = true;
            return faults.bodyLengthError() == 0;
        }

        private boolean sendPlain(OutputStream out, Response response) throws IOException {
            byte[] bytes = response.content.toByteArray();
            out.write(bytes);
            response.bodyBytes = bytes.length;
            response.complete = true;
            countBody(bytes.length);
            return true;
        }

        private void writeBody(OutputStream out, byte[] buffer, int n, boolean chunked) throws IOException {
            if (chunked) {
                out.write((Integer.toHexString(n) + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
                out.write(buffer, 0, n);
                out.write(CRLF);
            } else {
                out.write(buffer, 0, n);
            }
        }
    }
}
