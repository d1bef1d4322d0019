package dev.reel.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The command line's output queue against streams that take their text at once, slowly, not at
 * all or with an exception. Stdout and stderr write into one recorder here, so that the order
 * across them shows.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class OutputQueueTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final StalledOutput stalled = new StalledOutput();

    @AfterEach
    void release() {
        stalled.release();
    }

    @Test
    void writesEverythingInTheOrderItWasQueuedAcrossBothStreams() {
        Recorder both = new Recorder(0);
        OutputQueue queue = new OutputQueue(both.printStream(), both.printStream());

        StringBuilder expected = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            queue.out(i + "\n", false);
            queue.err("e" + i + "\n", true);
            expected.append(i).append('\n').append('e').append(i).append('\n');
        }

        assertThat(queue.flush(WAIT)).isTrue();
        assertThat(both.text()).isEqualTo(expected.toString());
    }

    @Test
    void aReaderThatDoesNotReadHoldsUpNoOneAndUpdatesWaitAsOne() throws Exception {
        OutputQueue queue = new OutputQueue(stalled.printStream(), stalled.printStream());
        queue.out("ready\n", false);
        assertThat(stalled.awaitWriter(WAIT)).isTrue();

        long started = System.nanoTime();
        for (int i = 0; i < 100_000; i++) {
            queue.out("position " + i + "\n", true);
        }
        queue.out("paused\n", false);
        queue.out("position a\n", true);
        queue.out("position b\n", true);
        assertThat(System.nanoTime() - started).isLessThan(TimeUnit.SECONDS.toNanos(5));
        assertThat(queue.flush(Duration.ofMillis(100))).isFalse();

        stalled.release();
        assertThat(queue.flush(WAIT)).isTrue();
        assertThat(stalled.text()).isEqualTo("ready\nposition 99999\npaused\nposition b\n");
    }

    @Test
    void anUpdateReplacesOnlyTheLastPieceWaitingSoNothingOvertakes() throws Exception {
        OutputQueue queue = new OutputQueue(stalled.printStream(), stalled.printStream());
        queue.out("first\n", false);
        assertThat(stalled.awaitWriter(WAIT)).isTrue();

        queue.out("P1\n", true);
        queue.out("P2\n", true);
        queue.err("reel: unknown command\n", false);
        queue.out("P3\n", true);
        queue.err("\rline 1", true);
        queue.out("P4\n", true);
        queue.out("P5\n", true);

        stalled.release();
        assertThat(queue.flush(WAIT)).isTrue();
        assertThat(stalled.text()).isEqualTo("first\nP2\nreel: unknown command\nP3\n\rline 1P5\n");
    }

    @Test
    void beyondItsLimitItDropsTextAndSaysWhereAndHowMuch() throws Exception {
        OutputQueue queue = new OutputQueue(stalled.printStream(), stalled.printStream());
        queue.out("first\n", false);
        assertThat(stalled.awaitWriter(WAIT)).isTrue();

        for (int i = 0; i < OutputQueue.MAX_WAITING + 7; i++) {
            queue.out(i + "\n", false);
        }
        queue.out("position\n", true);

        stalled.release();
        assertThat(queue.flush(WAIT)).isTrue();
        String[] lines = stalled.text().split("\n");
        assertThat(lines).hasSize(2 + OutputQueue.MAX_WAITING);
        assertThat(lines[OutputQueue.MAX_WAITING]).isEqualTo(String.valueOf(OutputQueue.MAX_WAITING - 1));
        assertThat(lines[OutputQueue.MAX_WAITING + 1])
                .isEqualTo("reel: 8 lines of output were dropped here: nothing read them");
    }

    @Test
    void theEndWaitsForASlowReaderAsLongAsItReads() {
        Recorder slow = new Recorder(150);
        OutputQueue queue = new OutputQueue(slow.printStream(), slow.printStream());
        for (int i = 0; i < 10; i++) {
            queue.out(i + "\n", false);
        }

        assertThat(queue.flush(Duration.ofMillis(600))).isTrue();
        assertThat(slow.text()).endsWith("8\n9\n");
    }

    @Test
    void aStreamThatThrowsLosesItsPieceAndTheNextOneIsWritten() {
        Recorder once = new Recorder(0);
        once.failNext.set(true);
        OutputQueue queue = new OutputQueue(once.printStream(), once.printStream());
        queue.out("lost\n", false);
        queue.flush(WAIT);

        queue.out("written\n", false);

        assertThat(queue.flush(WAIT)).isTrue();
        assertThat(once.text()).isEqualTo("written\n");
    }

    @Test
    void itsThreadEndsWhenThereIsNothingToWriteAndComesBack() throws Exception {
        Recorder recorder = new Recorder(0);
        OutputQueue queue = new OutputQueue(recorder.printStream(), recorder.printStream());
        queue.out("one\n", false);
        assertThat(queue.flush(WAIT)).isTrue();
        Thread first = recorder.writer;

        first.join(WAIT.toMillis());
        assertThat(first.isAlive()).isFalse();

        queue.out("two\n", false);
        assertThat(queue.flush(WAIT)).isTrue();
        assertThat(recorder.text()).isEqualTo("one\ntwo\n");
        assertThat(recorder.writer).isNotSameAs(first);
    }

    /** Keeps what it is given, a while after each write if asked, and notes the writing thread. */
    private static final class Recorder extends OutputStream {

        private final StringBuilder text = new StringBuilder();
        private final long delayMillis;
        final AtomicBoolean failNext = new AtomicBoolean();
        volatile Thread writer;

        Recorder(long delayMillis) {
            this.delayMillis = delayMillis;
        }

        PrintStream printStream() {
            return new PrintStream(this, true, StandardCharsets.UTF_8);
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) {
            writer = Thread.currentThread();
            if (failNext.getAndSet(false)) {
                throw new IllegalStateException("a broken stream");
            }
            synchronized (text) {
                text.append(new String(b, off, len, StandardCharsets.UTF_8));
            }
            if (delayMillis > 0) {
                try {
                    Thread.sleep(delayMillis);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        String text() {
            synchronized (text) {
                return text.toString();
            }
        }
    }
}
