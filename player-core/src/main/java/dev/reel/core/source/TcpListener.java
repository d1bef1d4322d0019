package dev.reel.core.source;

import dev.reel.core.spool.SpoolBuffer;
import dev.reel.core.spool.SpoolConfig;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import org.tinylog.Logger;

/**
 * Accepts raw-PCM TCP connections, one at a time, each as a live {@link SocketSource}. Binds
 * 127.0.0.1 unless told otherwise. {@link #accept} blocks its caller; {@link #close} (from any
 * thread) wakes it with an exception.
 */
public final class TcpListener implements AutoCloseable {

    /** Bytes a live spool keeps behind the newest: about 45 s of 44.1 kHz 16-bit stereo. */
    public static final long DEFAULT_RETENTION = 8L << 20;

    private final ServerSocket server;
    private final SpoolConfig spoolConfig;

    private TcpListener(ServerSocket server, SpoolConfig spoolConfig) {
        this.server = server;
        this.spoolConfig = spoolConfig;
    }

    /** Binds {@code host:port} (port 0 picks a free one), spools with the default settings. */
    public static TcpListener bind(String host, int port) throws SourceException {
        return bind(host, port, new SpoolConfig(8L << 20, null, DEFAULT_RETENTION));
    }

    /**
     * @param host an address or name to bind; null or empty means 127.0.0.1
     * @param spoolConfig for each connection's spool (its retention bounds a live stream)
     * @throws SourceException when the address cannot be bound (one line)
     */
    public static TcpListener bind(String host, int port, SpoolConfig spoolConfig)
            throws SourceException {
        String name = host == null || host.isEmpty() ? "127.0.0.1" : host;
        ServerSocket server = null;
        try {
            server = new ServerSocket();
            server.bind(new InetSocketAddress(InetAddress.getByName(name), port), 1);
            return new TcpListener(server, spoolConfig);
        } catch (IOException e) {
            if (server != null) {
                try {
                    server.close();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw new SourceException("cannot listen on " + name + ":" + port + ": "
                    + e.getMessage(), e);
        }
    }

    /** The bound port. */
    public int port() {
        return server.getLocalPort();
    }

    /** Blocks until the next peer connects; returns its started source. */
    public Source accept() throws SourceException {
        try {
            Socket socket = server.accept();
            SocketSource source = new SocketSource(socket, new SpoolBuffer(spoolConfig));
            source.start();
            return source;
        } catch (IOException e) {
            throw new SourceException("listening on port " + port() + " failed: " + e.getMessage(),
                    e);
        }
    }

    @Override
    public void close() {
        try {
            server.close();
        } catch (IOException e) {
            Logger.debug(e, "closing the listener on port {}", port());
        }
    }
}
