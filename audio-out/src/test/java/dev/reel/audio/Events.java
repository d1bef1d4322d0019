package dev.reel.audio;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioFormat;

/** Records what a {@link BlockWriter} reports, for tests to await. */
final class Events implements AudioListener {

    final List<Underrun> underruns = new CopyOnWriteArrayList<>();
    final List<Long> firstBlocks = new CopyOnWriteArrayList<>();
    private final LinkedBlockingQueue<String> ends = new LinkedBlockingQueue<>();
    volatile AudioFormat started;
    volatile AudioException failure;

    @Override
    public void started(AudioFormat deviceFormat) {
        started = deviceFormat;
    }

    @Override
    public void firstBlock(long frame) {
        firstBlocks.add(frame);
    }

    @Override
    public void underrun(Underrun underrun) {
        underruns.add(underrun);
    }

    @Override
    public void drained() {
        ends.add("drained");
    }

    @Override
    public void failed(AudioException error) {
        failure = error;
        ends.add("failed");
    }

    /** The next end event within {@code timeout}, or null: lets a test wait a while for nothing to end. */
    String awaitEnd(long timeout, TimeUnit unit) throws InterruptedException {
        return ends.poll(timeout, unit);
    }

    /** The next end event ("drained" or "failed"); fails the test after 10 s. */
    String awaitEnd() throws InterruptedException {
        String end = ends.poll(10, TimeUnit.SECONDS);
        if (end == null) {
            throw new AssertionError("no drained or failed event within 10 s");
        }
        return end;
    }
}
