package dev.reel.core.source;

import dev.reel.core.spool.SpoolBuffer;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.tinylog.Logger;

/**
 * A live, unbounded source: the raw bytes a connected peer sends, read on a
 * {@code reel-socket-N} thread into a spool (give it a retention limit). The resource ends when
 * the peer closes. It cannot seek; methods are safe from any thread and never block.
 */
public final class SocketSource implements Source {

    private static final AtomicInteger THREADS = new AtomicInteger();

    private final Socket socket;
    private final SpoolBuffer spool;
    private final String location;
    private final CompletableFuture<SourceInfo> info;
    private final StateHolder state = new StateHolder();
    private final AtomicLong bytes = new AtomicLong();
    private final Thread thread;
    private volatile boolean closed;

    /** Takes over {@code socket} and {@code spool}; {@link #close} closes both. */
    public SocketSource(Socket socket, SpoolBuffer spool) {
        this.socket = socket;
        this.spool = spool;
        this.location = "tcp://" + socket.getInetAddress().getHostAddress() + ":" + socket.getPort();
        this.info = CompletableFuture.completedFuture(new SourceInfo(location, OptionalLong.empty(),
                Optional.empty(), false, true));
        this.thread = new Thread(this::run, "reel-socket-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
    }

    @Override
    public SpoolBuffer spool() {
        return spool;
    }

    @Override
    public synchronized void start() {
        if (thread.getState() == Thread.State.NEW && !closed) {
            thread.start();
        }
    }

    /** A live source plays what arrives; seeking is the spool's business (its retained window). */
    @Override
    public void seek(long position) {
        Logger.debug("seek to {} ignored by live source {}", position, location);
    }

    @Override
    public CompletableFuture<SourceInfo> info() {
        return info;
    }

    /** A peer cannot be asked again: there is nothing to retry. */
    @Override
    public void setPlaying(boolean playing) {
        Logger.debug("live source {} is {}", location, playing ? "playing" : "idle");
    }

    @Override
    public SourceState state() {
        return state.get();
    }

    @Override
    public void addStateListener(Consumer<SourceState> listener) {
        state.add(listener);
    }

    @Override
    public void removeStateListener(Consumer<SourceState> listener) {
        state.remove(listener);
    }

    @Override
    public SourceStats stats() {
        return new SourceStats(bytes.get(), 1);
    }

    private void run() {
        byte[] chunk = new byte[64 * 1024];
        long position = 0;
        try (InputStream in = socket.getInputStream()) {
            state.set(SourceState.TRANSFERRING);
            int n;
            while ((n = in.read(chunk)) >= 0) {
                spool.write(position, ByteBuffer.wrap(chunk, 0, n));
                position += n;
                bytes.addAndGet(n);
            }
            spool.setLength(position);
            state.set(SourceState.COMPLETE);
        } catch (IOException e) {
            if (!closed) {
                SourceException failure = new SourceException("connection from " + location
                        + " failed after " + position + " bytes: " + e.getMessage(), e);
                Logger.warn(failure.getMessage());
                spool.fail(failure);
                state.set(SourceState.FAILED);
            }
        }
    }

    @Override
    public void close() {
        closed = true;
        state.set(SourceState.CLOSED);
        try {
            socket.close();
        } catch (IOException e) {
            Logger.debug(e, "closing {}", location);
        }
        spool.close();
    }
}
