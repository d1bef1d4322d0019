package dev.reel.app.cli;

import java.io.ByteArrayOutputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A stream whose reader does not read until {@link #release}: every write blocks till then, as on a
 * full pipe nobody reads or a terminal stopped with Ctrl-S. It keeps what was written afterwards.
 */
final class StalledOutput extends OutputStream {

    private final CountDownLatch released = new CountDownLatch(1);
    private final CountDownLatch writing = new CountDownLatch(1);
    private final ByteArrayOutputStream written = new ByteArrayOutputStream();

    PrintStream printStream() {
        return new PrintStream(this, true, StandardCharsets.UTF_8);
    }

    @Override
    public void write(int b) throws InterruptedIOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] b, int off, int len) throws InterruptedIOException {
        writing.countDown();
        try {
            released.await();
        } catch (InterruptedException e) {
            throw new InterruptedIOException();
        }
        synchronized (written) {
            written.write(b, off, len);
            written.notifyAll();
        }
    }

    /** Waits until what was written contains {@code fragment}; false when it did not within {@code timeout}. */
    boolean awaitText(String fragment, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (written) {
            while (!written.toString(StandardCharsets.UTF_8).contains(fragment)) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(written, left);
            }
            return true;
        }
    }

    /** Waits until a writer is stuck in this stream; false when none came within {@code timeout}. */
    boolean awaitWriter(Duration timeout) throws InterruptedException {
        return writing.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Lets every write through, from now on. */
    void release() {
        released.countDown();
    }

    String text() {
        synchronized (written) {
            return written.toString(StandardCharsets.UTF_8);
        }
    }
}
