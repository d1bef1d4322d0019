package dev.reel.audio;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Real-time behaviour against {@link PacedSink}, a test device that plays by the clock and keeps
 * what it played: underruns, restarting only with full blocks, and dead devices.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class PacedPlaybackTest {

    private static final AudioFormat S16 = LinePlaybackTest.S16;
    private static final int BLOCK_BYTES = 4410 * 4;

    @Test
    void aStalledInputIsReportedAsAnUnderrunAndNothingIsLost() throws Exception {
        byte[] pcm = LinePlaybackTest.random(44100 * 4, 21);
        TestInput in = new TestInput(pcm, 4096).stallAt(44100 * 4 * 2 / 5, Duration.ofMillis(500));
        PacedSink sink = new PacedSink();
        Events events = new Events();
        try (BlockWriter writer = new BlockWriter(sink, BlockWriterConfig.defaults(), events)) {
            writer.start(S16, in, 0);
            assertThat(events.awaitEnd()).isEqualTo("drained");
            assertThat(writer.underruns()).isEqualTo(events.underruns.size());
            assertThat(writer.audibleFrame()).isEqualTo(44100);
        }
        assertThat(events.underruns).isNotEmpty();
        Underrun first = events.underruns.get(0);
        assertThat(first.count()).isEqualTo(1);
        // 500 ms stall minus the block in hand and the 200 ms at the device.
        assertThat(first.gapMillis()).isBetween(100L, 500L);
        assertThat(first.sinceLastFeedMillis()).isBetween(50L, 400L);
        assertThat(sink.heard()).isEqualTo(pcm);
        List<Integer> starts = sink.queuedAtStart();
        assertThat(starts).hasSizeGreaterThanOrEqualTo(2);
        assertThat(starts.subList(0, starts.size() - 1)).allMatch(bytes -> bytes >= 2 * BLOCK_BYTES);
    }

    /**
     * The writer sleeps until the device has room for a whole block and then writes it: one write
     * per block that never finds the playing device full, and one counter reading per block (plus
     * a few for starting the device and the end).
     */
    @Test
    void eachBlockIsOneWriteThatFindsRoomAndOneCounterReading() throws Exception {
        int blocks = 20;
        byte[] pcm = LinePlaybackTest.random(BLOCK_BYTES * blocks, 31);
        PacedSink sink = new PacedSink();
        assertPlaysToTheLastFrame(sink, pcm);
        assertThat(sink.writes()).isEqualTo(blocks);
        assertThat(sink.writesThatWaited()).isZero();
        assertThat(sink.writesThatFoundItEmpty()).isZero();
        assertThat(sink.counterReads()).isBetween((long) blocks, blocks + 6L);
    }

    /** With a single block in flight the device is topped up before it runs dry, not after. */
    @Test
    void oneBlockInFlightPlaysWithoutUnderruns() throws Exception {
        byte[] pcm = LinePlaybackTest.random(BLOCK_BYTES * 10, 33);
        PacedSink sink = new PacedSink();
        Events events = new Events();
        try (BlockWriter writer = new BlockWriter(sink, new BlockWriterConfig(1, Duration.ofMillis(100)), events)) {
            writer.start(S16, new TestInput(pcm, 4096), 0);
            assertThat(events.awaitEnd()).isEqualTo("drained");
        }
        assertThat(events.underruns).isEmpty();
        assertThat(sink.writesThatFoundItEmpty()).isZero();
        assertThat(sink.heard()).isEqualTo(pcm);
    }

    /**
     * A device that begins late while the writer drains (PulseAudio restarting after an underrun)
     * and a drain that gives up when nothing moves, as Java's ALSA line does: the end is reported
     * only once everything was heard, at the last frame.
     */
    @Test
    void theEndIsReportedOnlyWhenEverythingWasHeardEvenIfTheDevicesDrainGaveUp() throws Exception {
        byte[] pcm = LinePlaybackTest.random(BLOCK_BYTES * 2, 32);
        assertPlaysToTheLastFrame(new PacedSink().startLatency(Duration.ofMillis(700))
                .impatientDrain(Duration.ofMillis(100)), pcm);
    }

    /** Plays {@code pcm} with the default blocks; the end comes at the last frame, all of it heard. */
    private static void assertPlaysToTheLastFrame(PacedSink sink, byte[] pcm) throws Exception {
        Events events = new Events();
        try (BlockWriter writer = new BlockWriter(sink, BlockWriterConfig.defaults(), events)) {
            writer.start(S16, new TestInput(pcm, 4096), 0);
            assertThat(events.awaitEnd()).isEqualTo("drained");
            assertThat(writer.audibleFrame()).isEqualTo(pcm.length / 4);
        }
        assertThat(sink.heard()).isEqualTo(pcm);
    }

    @Test
    void aDeviceThatStopsTakingDataIsReopenedAndPlaysOnFromTheAudibleFrame() throws Exception {
        assertReopenedOnceAndEverythingHeardOnce(new PacedSink().wedgeOpens(1),
                LinePlaybackTest.random(44100 * 4 / 2, 22));
    }

    @Test
    void aDeviceThatStopsMidwayIsReopenedWithoutRepeatingWhatWasHeard() throws Exception {
        assertReopenedOnceAndEverythingHeardOnce(new PacedSink().wedgeFirstAfter(44100 * 4 / 2),
                LinePlaybackTest.random(44100 * 4 * 2, 28));
    }

    /**
     * With one block in flight a block goes in as two halves, and the device plays the first half
     * before the second goes in: when that write fails, the reopened device goes on from the frame
     * last heard inside the block, and the writer then writes only the half not yet written.
     */
    @Test
    void aDeviceThatFailsInsideAHalfWrittenBlockIsReopenedWithoutRepeatingIt() throws Exception {
        assertReopenedOnceAndEverythingHeardOnce(new PacedSink().failWritesAfter(BLOCK_BYTES * 5 + BLOCK_BYTES / 2),
                LinePlaybackTest.random(BLOCK_BYTES * 10, 34), 1);
    }

    /**
     * A write that hangs until the watchdog closes the device, and then turns out to have taken
     * the whole block: the block is in the replay, and nothing of it is written again.
     */
    @Test
    void aWriteThatTookItsWholeBlockAsTheDeviceWasClosedIsNotWrittenAgain() throws Exception {
        assertReopenedOnceAndEverythingHeardOnce(new PacedSink().hangWritesAfter(BLOCK_BYTES * 2),
                LinePlaybackTest.random(BLOCK_BYTES * 6, 35));
    }

    /** A bug that throws in the writer's thread ends the playback with one line instead of leaving it silent. */
    @Test
    void aSinkThatThrowsEndsThePlaybackWithAFailure() throws Exception {
        PacedSink throwing = new PacedSink().throwOnWrite();
        Events events = new Events();
        try (BlockWriter writer = new BlockWriter(throwing, BlockWriterConfig.defaults(), events)) {
            writer.start(S16, new TestInput(LinePlaybackTest.random(BLOCK_BYTES * 4, 36)), 0);
            assertThat(events.awaitEnd()).isEqualTo("failed");
        }
        assertThat(events.failure.getMessage())
                .isEqualTo("the audio output failed: java.lang.IllegalStateException: broken sink");
    }

    private static void assertReopenedOnceAndEverythingHeardOnce(PacedSink sink, byte[] pcm) throws Exception {
        assertReopenedOnceAndEverythingHeardOnce(sink, pcm, 2);
    }

    private static void assertReopenedOnceAndEverythingHeardOnce(PacedSink sink, byte[] pcm, int blocks)
            throws Exception {
        Events events = new Events();
        BlockWriterConfig config = new BlockWriterConfig(blocks, Duration.ofMillis(100), Duration.ofMillis(300));
        try (BlockWriter writer = new BlockWriter(sink, config, events)) {
            writer.start(S16, new TestInput(pcm), 0);
            assertThat(events.awaitEnd()).isEqualTo("drained");
        }
        assertThat(sink.opens()).isEqualTo(2);
        assertThat(sink.heard()).isEqualTo(pcm);
    }

    @Test
    void aDeviceThatCannotBeReopenedFailsWithOneLine() throws Exception {
        PacedSink sink = new PacedSink().wedgeOpens(1).refuseOpensAfter(1);
        Events events = new Events();
        BlockWriterConfig config = new BlockWriterConfig(2, Duration.ofMillis(100), Duration.ofMillis(300));
        try (BlockWriter writer = new BlockWriter(sink, config, events)) {
            writer.start(S16, new TestInput(LinePlaybackTest.random(44100 * 4, 23)), 0);
            assertThat(events.awaitEnd()).isEqualTo("failed");
        }
        assertThat(events.failure.getMessage())
                .isEqualTo("paced test sink stopped playing (paced test sink is busy) and could not be reopened");
    }

    @Test
    void aDeviceThatTakesNoDataOnceReopenedFailsWithOneLineInsteadOfReopeningForever() throws Exception {
        assertFailsAfterOneReopen(new PacedSink().wedgeOpens(2));
    }

    @Test
    void aReopenedDeviceThatTakesNoneOfTheReplayFailsWithOneLineInsteadOfHanging() throws Exception {
        assertFailsAfterOneReopen(new PacedSink().wedgeFirstAfter(44100 * 4 / 2).wedgeOpens(2));
    }

    private static void assertFailsAfterOneReopen(PacedSink sink) throws Exception {
        Events events = new Events();
        BlockWriterConfig config = new BlockWriterConfig(2, Duration.ofMillis(100), Duration.ofMillis(300));
        try (BlockWriter writer = new BlockWriter(sink, config, events)) {
            writer.start(S16, new TestInput(LinePlaybackTest.random(44100 * 4 * 2, 29)), 0);
            assertThat(events.awaitEnd()).isEqualTo("failed");
        }
        assertThat(sink.opens()).isEqualTo(2);
        assertThat(events.failure.getMessage()).isEqualTo(
                "paced test sink stopped playing (no progress for PT0.3S) and took no data once reopened");
    }

    @Test
    void pausedPlaybackHoldsItsPositionAndResumesWhereItWas() throws Exception {
        byte[] pcm = LinePlaybackTest.random(44100 * 4 / 2, 24);
        TestInput in = new TestInput(pcm, 4096).holdAt(44100 * 4 / 4);
        PacedSink sink = new PacedSink();
        Events events = new Events();
        try (BlockWriter writer = new BlockWriter(sink, BlockWriterConfig.defaults(), events)) {
            writer.start(S16, in, 0);
            in.awaitHeld();
            writer.pause();
            long at = writer.audibleFrame();
            in.release();
            long later = writer.audibleFrame();
            assertThat(later).isEqualTo(at);
            writer.resume();
            assertThat(events.awaitEnd()).isEqualTo("drained");
        }
        assertThat(sink.heard()).isEqualTo(pcm);
    }

    @Test
    void aDeviceThatBeginsPlayingLateIsNotStarvedBeforeItPlays() throws Exception {
        byte[] pcm = LinePlaybackTest.random(44100 * 4, 25);
        // The input fills the blocks, then holds longer than they last but not as long as the
        // device takes to begin: nothing has been heard yet, so nothing ran dry.
        assertPlaysOnALateDeviceWithoutUnderruns(pcm,
                new TestInput(pcm, 4096).stallAt(2 * BLOCK_BYTES, Duration.ofMillis(400)));
    }

    @Test
    void anInputPacedJustAheadOfALateDeviceGivesNoUnderruns() throws Exception {
        byte[] pcm = LinePlaybackTest.random(44100 * 4, 26);
        assertPlaysOnALateDeviceWithoutUnderruns(pcm, new TestInput(pcm, 4096).paced(44100 * 4 * 1.05));
    }

    /** Plays {@code in} on a device that begins 700 ms after its start, as PulseAudio's null sink does. */
    private static void assertPlaysOnALateDeviceWithoutUnderruns(byte[] pcm, TestInput in) throws Exception {
        PacedSink sink = new PacedSink().startLatency(Duration.ofMillis(700));
        Events events = new Events();
        try (BlockWriter writer = new BlockWriter(sink, BlockWriterConfig.defaults(), events)) {
            writer.start(S16, in, 0);
            assertThat(events.awaitEnd()).isEqualTo("drained");
        }
        assertThat(events.underruns).isEmpty();
        assertThat(sink.heard()).isEqualTo(pcm);
    }

    @Test
    void anInputBlockedLongerThanTheStallTimeoutIsAnUnderrunNotADeadDevice() throws Exception {
        byte[] pcm = LinePlaybackTest.random(44100 * 4, 27);
        TestInput in = new TestInput(pcm, 4096).stallAt(44100 * 4 * 2 / 5, Duration.ofSeconds(4));
        // A device that begins 900 ms after each start, inside the 1 s stall timeout.
        PacedSink sink = new PacedSink().startLatency(Duration.ofMillis(900));
        Events events = new Events();
        BlockWriterConfig config = new BlockWriterConfig(2, Duration.ofMillis(100), Duration.ofSeconds(1));
        try (BlockWriter writer = new BlockWriter(sink, config, events)) {
            writer.start(S16, in, 0);
            assertThat(events.awaitEnd()).isEqualTo("drained");
            assertThat(writer.audibleFrame()).isEqualTo(44100);
        }
        assertThat(sink.opens()).isEqualTo(1);
        assertThat(events.underruns).hasSize(1);
        assertThat(sink.heard()).isEqualTo(pcm);
    }

    @Test
    void pausedPlaybackWritesNothingBeyondTheQueuedBlocks() throws Exception {
        byte[] pcm = LinePlaybackTest.random(44100 * 4 * 2, 28);
        PacedSink sink = new PacedSink();
        Events events = new Events();
        try (BlockWriter writer = new BlockWriter(sink, BlockWriterConfig.defaults(), events)) {
            writer.start(S16, new TestInput(pcm, 4096), 0);
            sink.awaitPlayed(BLOCK_BYTES);
            writer.pause();
            long heardAtPause = writer.audibleFrame() * 4;
            long writtenAtPause = sink.written();
            // Nothing to await: the check is that nothing happens while paused.
            assertThat(events.awaitEnd(500, TimeUnit.MILLISECONDS)).isNull();
            long writtenLater = sink.written();
            assertThat(writtenLater - heardAtPause).isLessThanOrEqualTo(2L * BLOCK_BYTES);
            assertThat(writtenLater - writtenAtPause).isLessThanOrEqualTo(BLOCK_BYTES);
            assertThat(writer.audibleFrame() * 4).isEqualTo(heardAtPause);
            writer.resume();
            assertThat(events.awaitEnd()).isEqualTo("drained");
        }
        assertThat(sink.heard()).isEqualTo(pcm);
        assertThat(sink.written()).isEqualTo(pcm.length);
    }

    @Test
    void aDeviceThatBeginsLateAfterAFlushIsNotTakenForDead() throws Exception {
        byte[] first = LinePlaybackTest.random(44100 * 4 * 2, 29);
        byte[] second = LinePlaybackTest.random(44100 * 4 / 2, 30);
        PacedSink sink = new PacedSink().startLatency(Duration.ofMillis(900));
        Events events = new Events();
        BlockWriterConfig config = new BlockWriterConfig(2, Duration.ofMillis(100), Duration.ofSeconds(1));
        try (BlockWriter writer = new BlockWriter(sink, config, events)) {
            writer.start(S16, new TestInput(first, 4096), 0);
            // Flushing 250 ms after the device began: out of step with anything since the start.
            sink.awaitPlayed(BLOCK_BYTES * 5 / 2);
            writer.flush(new TestInput(second, 4096), 100_000);
            assertThat(events.awaitEnd()).isEqualTo("drained");
            assertThat(writer.audibleFrame()).isEqualTo(100_000 + 22050);
        }
        assertThat(sink.opens()).isEqualTo(1);
        byte[] heard = sink.heard();
        assertThat(Arrays.copyOfRange(heard, heard.length - second.length, heard.length)).isEqualTo(second);
    }
}
