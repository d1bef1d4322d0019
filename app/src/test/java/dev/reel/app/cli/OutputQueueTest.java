package dev.reel.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The command line's output queue against streams that take their text at once or not at all. */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class OutputQueueTest {

    private static final Duration WAIT = Duration.ofSeconds(5);

    private final StalledOutput stalled = new StalledOutput();
    private final ByteArrayOutputStream errBytes = new ByteArrayOutputStream();
    private final PrintStream err = new PrintStream(errBytes, true, StandardCharsets.UTF_8);

    @AfterEach
    void release() {
        stalled.release();
    }

    @Test
    void writesEverythingInOrderAcrossBothStreams() {
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        OutputQueue queue = new OutputQueue(new PrintStream(outBytes, true, StandardCharsets.UTF_8), err);

        for (int i = 0; i < 500; i++) {
            queue.out(i + "\n", false);
            queue.err("e" + i + "\n", i % 2 == 0);
        }

        assertThat(queue.flush(WAIT)).isTrue();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < 500; i++) {
            out.append(i).append('\n');
        }
        assertThat(outBytes.toString(StandardCharsets.UTF_8)).isEqualTo(out.toString());
        assertThat(errBytes.toString(StandardCharsets.UTF_8)).startsWith("e0\n").endsWith("e499\n");
    }

    @Test
    void aReaderThatDoesNotReadHoldsUpNoOneAndUpdatesWaitAsOne() throws Exception {
        OutputQueue queue = new OutputQueue(stalled.printStream(), err);
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
    void anUpdateReplacesNoneOfTheOtherStream() throws Exception {
        OutputQueue queue = new OutputQueue(stalled.printStream(), err);
        queue.out("first\n", false);
        assertThat(stalled.awaitWriter(WAIT)).isTrue();

        queue.out("out 1\n", true);
        queue.err("\rline 1", true);
        queue.out("out 2\n", true);
        queue.err("\rline 2", true);
        queue.err("\n", false);
        queue.err("\rline 3", true);

        stalled.release();
        assertThat(queue.flush(WAIT)).isTrue();
        assertThat(stalled.text()).isEqualTo("first\nout 2\n");
        assertThat(errBytes.toString(StandardCharsets.UTF_8)).isEqualTo("\rline 2\n\rline 3");
    }

    @Test
    void beyondItsLimitItDropsTextAndSaysHowMuch() throws Exception {
        OutputQueue queue = new OutputQueue(stalled.printStream(), err);
        queue.out("first\n", false);
        assertThat(stalled.awaitWriter(WAIT)).isTrue();

        for (int i = 0; i < OutputQueue.MAX_WAITING + 7; i++) {
            queue.out(i + "\n", false);
        }

        stalled.release();
        assertThat(queue.flush(WAIT)).isTrue();
        assertThat(stalled.text().split("\n")).hasSize(1 + OutputQueue.MAX_WAITING)
                .endsWith(String.valueOf(OutputQueue.MAX_WAITING - 1));
        assertThat(errBytes.toString(StandardCharsets.UTF_8))
                .isEqualTo("reel: 7 lines of output were dropped: nothing read them" + System.lineSeparator());
    }

    @Test
    void itsThreadEndsWhenThereIsNothingToWriteAndComesBack() throws Exception {
        ByteArrayOutputStream outBytes = new ByteArrayOutputStream();
        OutputQueue queue = new OutputQueue(new PrintStream(outBytes, true, StandardCharsets.UTF_8), err);
        queue.out("one\n", false);
        assertThat(queue.flush(WAIT)).isTrue();

        long deadline = System.nanoTime() + WAIT.toNanos();
        while (writerAlive() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(writerAlive()).isFalse();

        queue.out("two\n", false);
        assertThat(queue.flush(WAIT)).isTrue();
        assertThat(outBytes.toString(StandardCharsets.UTF_8)).isEqualTo("one\ntwo\n");
    }

    private static boolean writerAlive() {
        return Thread.getAllStackTraces().keySet().stream().anyMatch(t -> t.getName().equals("reel-output"));
    }
}
