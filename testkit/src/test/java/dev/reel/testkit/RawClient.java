package dev.reel.testkit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** A plain-socket HTTP/1.1 client for tests that must see exactly what went over the wire. */
final class RawClient implements AutoCloseable {

    /** One response as read: status, headers (lower-case names), body, and whether it ended at EOF. */
    record Response(int status, Map<String, String> headers, byte[] body, boolean endedByEof) {
        String header(String name) {
            return headers.get(name);
        }
    }

    private final Socket socket;
    private final InputStream in;

    RawClient(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(10_000);
        in = socket.getInputStream();
    }

    /** Sends {@code GET}/{@code HEAD} with extra header lines and reads the response. */
    Response send(String method, String path, String... headerLines) throws IOException {
        StringBuilder request = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: 127.0.0.1\r\n");
        for (String line : headerLines) {
            request.append(line).append("\r\n");
        }
        socket.getOutputStream().write(request.append("\r\n").toString().getBytes(StandardCharsets.ISO_8859_1));
        return read(method.equals("HEAD"));
    }

    private Response read(boolean head) throws IOException {
        String statusLine = line();
        int status = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(); !line.isEmpty(); line = line()) {
            int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        if (head) {
            return new Response(status, headers, new byte[0], false);
        }
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        if ("chunked".equals(headers.get("transfer-encoding"))) {
            for (int size = Integer.parseInt(line(), 16); size > 0; size = Integer.parseInt(line(), 16)) {
                body.write(in.readNBytes(size));
                line();
            }
            line();
            return new Response(status, headers, body.toByteArray(), false);
        }
        String length = headers.get("content-length");
        if (length == null) {
            return new Response(status, headers, in.readAllBytes(), true);
        }
        byte[] bytes = in.readNBytes(Integer.parseInt(length));
        return new Response(status, headers, bytes, bytes.length < Integer.parseInt(length));
    }

    /** Everything until the server closes the connection. */
    byte[] rest() throws IOException {
        return in.readAllBytes();
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("EOF inside a response head");
            }
            line.write(b);
        }
        String text = line.toString(StandardCharsets.ISO_8859_1);
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
