package dev.reel.core.player;

import dev.reel.audio.BlockWriter;
import dev.reel.core.format.FormatException;
import dev.reel.core.spool.ByteRange;
import dev.reel.core.spool.RetentionException;
import dev.reel.core.spool.SpoolBuffer;
import dev.reel.core.spool.SpoolCache;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CancellationException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.tinylog.Logger;

/**
 * The player thread's loop: takes {@link Command}s from one queue, owns the state machine and
 * the current {@link Playback}, and sends {@link PlayerEvent}s. Everything but {@link #submit},
 * {@link #supersede}, {@link #state} and {@link #current} runs on the player thread.
 *
 * <p>Timers (position reports while playing, throttled download reports, giving up on a device
 * that does not answer) are deadlines of the queue's timed wait, so an idle or paused player
 * sleeps in {@code take()}, and so does a playing one without position events once the download
 * has been reported. The loop never waits for a device: a playback whose output is still being
 * prepared waits for {@link Command.OutputPrepared}, and one whose device is being opened (by the
 * {@link OutputOpener}) for {@link Command.WriterStarted}, buffering and answering every command
 * meanwhile.
 */
final class PlayerEngine implements Runnable {

    private static final long DOWNLOAD_INTERVAL_NANOS = TimeUnit.MILLISECONDS.toNanos(250);

    private final PlayerConfig config;
    private final SpoolCache cache;
    private final Consumer<PlayerEvent> events;
    private final BlockingQueue<Command> queue = new LinkedBlockingQueue<>();
    private final NextSink nextSink;
    private final OutputOpener outputOpener = new OutputOpener(this::submit);
    /** Counts opens, stops and the close, so that a newer one can abandon an older open. */
    private final AtomicLong generation = new AtomicLong();

    private volatile PlayerState state = PlayerState.IDLE;
    private volatile Playback current;
    private volatile Cancellation opening;
    private volatile long openingGeneration;
    private int volume = 100;
    private boolean muted;
    private boolean running = true;
    private long nextPositionTick = Playback.NO_DEADLINE;
    private long lastPositionFrame = -1;
    private long lastDownloadReport;

    PlayerEngine(PlayerConfig config, SpoolCache cache, Consumer<PlayerEvent> events) {
        this.config = config;
        this.cache = cache;
        this.events = events;
        this.nextSink = new NextSink(config.sinkFactory(), () -> submit(new Command.OutputPrepared()));
    }

    // Callers' side: any thread, never blocks.

    void submit(Command command) {
        queue.add(command);
    }

    /**
     * A new open, a stop or the close was requested: abandons the open in progress (closing its
     * source wakes it) and returns the generation of the new request.
     */
    long supersede() {
        long next = generation.incrementAndGet();
        Cancellation inProgress = opening;
        if (inProgress != null && openingGeneration < next) {
            inProgress.cancel();
        }
        return next;
    }

    PlayerState state() {
        return state;
    }

    Playback current() {
        return current;
    }

    // The player thread.

    @Override
    public void run() {
        try {
            while (running) {
                Command command = next();
                if (command != null) {
                    handleSafely(command);
                }
                runTimers();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            closeCurrent();
            nextSink.close();
            outputOpener.close();
        }
    }

    private Command next() throws InterruptedException {
        long deadline = nextDeadline();
        if (deadline == Playback.NO_DEADLINE) {
            return coalesce(queue.take());
        }
        long wait = deadline - System.nanoTime();
        Command command = wait > 0 ? queue.poll(wait, TimeUnit.NANOSECONDS) : queue.poll();
        return command == null ? null : coalesce(command);
    }

    /** Seeks in a row collapse into one: only where the last one lands matters. */
    private Command coalesce(Command command) {
        if (!(command instanceof Command.Seek seek)) {
            return command;
        }
        while (queue.peek() instanceof Command.Seek following) {
            queue.remove();
            seek = seek.then(following);
        }
        return seek;
    }

    private long nextDeadline() {
        long deadline = Playback.NO_DEADLINE;
        if (nextPositionTick != Playback.NO_DEADLINE) {
            deadline = nextPositionTick;
        }
        Playback p = current;
        if (p != null) {
            deadline = earlier(deadline, p.downloadDue);
            deadline = earlier(deadline, p.outputDue);
        }
        return deadline;
    }

    private static long earlier(long deadline, long other) {
        if (other == Playback.NO_DEADLINE) {
            return deadline;
        }
        return deadline == Playback.NO_DEADLINE || other - deadline < 0 ? other : deadline;
    }

    private void handleSafely(Command command) {
        try {
            handle(command);
        } catch (RuntimeException e) {
            Logger.error(e, "player failed on {}", command);
            fail(PlayerEvent.Error.Kind.SOURCE, "internal error: " + oneLine(e));
        }
    }

    private void handle(Command command) {
        if (command instanceof Command.Open open) {
            open(open);
        } else if (command instanceof Command.Seek seek) {
            seek(seek);
        } else if (command instanceof Command.Pause) {
            pause();
        } else if (command instanceof Command.Resume) {
            resume();
        } else if (command instanceof Command.Toggle) {
            toggle();
        } else if (command instanceof Command.Stop) {
            closeCurrent();
            setState(PlayerState.IDLE);
        } else if (command instanceof Command.Volume v) {
            volume = Math.max(0, Math.min(100, v.percent()));
            withWriter(writer -> writer.setVolume(volume));
        } else if (command instanceof Command.Mute m) {
            muted = m.muted();
            withWriter(writer -> writer.setMuted(muted));
        } else if (command instanceof Command.Close) {
            running = false;
        } else if (command instanceof Command.OutputPrepared) {
            outputPrepared();
        } else {
            handleReport(command);
        }
    }

    /** The writer's, the inputs' and the spool's reports; those of a replaced playback are stale. */
    private void handleReport(Command command) {
        Playback p = current;
        if (p == null) {
            return;
        }
        if (command instanceof Command.WriterStarted started) {
            if (started.playback() == p) {
                writerStarted(p);
            }
        } else if (command instanceof Command.FirstBlock first) {
            if (first.playback() == p && p.input != null && first.frame() == p.input.startFrame()) {
                p.setPrimed(true);
                p.buffering = false;
                updateState(p);
            }
        } else if (command instanceof Command.WriterUnderrun u) {
            if (u.playback() == p) {
                events.accept(new PlayerEvent.Underrun(u.underrun().count(), u.underrun().gapMillis()));
            }
        } else if (command instanceof Command.Drained d) {
            if (d.playback() == p && p.input != null && p.input.reachedEnd() && !p.ended) {
                ended(p);
            }
        } else if (command instanceof Command.WriterFailed f) {
            if (f.playback() == p) {
                fail(PlayerEvent.Error.Kind.AUDIO, oneLine(f.error()));
            }
        } else if (command instanceof Command.Starving s) {
            if (s.input() == p.input) {
                setBuffering(p, true);
            }
        } else if (command instanceof Command.Refilled r) {
            if (r.input() == p.input) {
                setBuffering(p, false);
            }
        } else if (command instanceof Command.InputFailed f) {
            if (f.input() != p.input) {
                return;
            }
            if (f.error() instanceof RetentionException lost && p.medium.live()) {
                Logger.info("{} fell behind the retained stream; playing on from byte {}",
                        p.medium.describe().location(), lost.windowStart());
                restartAt(p, p.medium.frameAtOrAfter(lost.windowStart()));
            } else {
                fail(f.error());
            }
        } else if (command instanceof Command.SpoolChanged c) {
            if (c.playback() == p && p.downloadDue == Playback.NO_DEADLINE) {
                p.downloadDue = Math.max(System.nanoTime(), lastDownloadReport + DOWNLOAD_INTERVAL_NANOS);
            }
        }
    }

    private void open(Command.Open command) {
        closeCurrent();
        if (command.generation() != generation.get()) {
            if (command.source() != null) {
                command.source().close();
            }
            return;
        }
        setState(PlayerState.OPENING);
        nextSink.prepare();
        Cancellation cancel = new Cancellation();
        openingGeneration = command.generation();
        opening = cancel;
        if (command.generation() != generation.get()) {
            cancel.cancel();
        }
        Medium medium;
        try {
            medium = command.source() == null
                    ? MediaOpener.open(command.request(), cache, config.http(), cancel)
                    : MediaOpener.open(command.source(), command.request(), cancel);
        } catch (CancellationException e) {
            return;
        } catch (IOException e) {
            if (!cancel.isCancelled()) {
                fail(e);
            }
            return;
        } finally {
            opening = null;
        }
        if (cancel.isCancelled()) {
            medium.close();
            return;
        }
        Playback p = new Playback(medium, this::submit);
        current = p;
        events.accept(ready(medium.describe()));
        reportDownload(p);
        p.startFrame = medium.frameAt(command.request().startSeconds());
        p.position = p.startFrame;
        p.wantPlay = command.play();
        if (command.play()) {
            startWriter(p);
        } else {
            updateState(p);
        }
    }

    private static PlayerEvent.Ready ready(MediaInfo info) {
        return new PlayerEvent.Ready(info.location(), info.format(), info.duration(), info.size(),
                info.seekable());
    }

    /**
     * Has the writer started on the prepared output by the {@link OutputOpener}, buffering until
     * {@link Command.WriterStarted}; while the output is still being prepared, waits for
     * {@link Command.OutputPrepared} first. Never blocks; gives up on a device that does not answer
     * within {@link #deviceTimeout}.
     */
    private void startWriter(Playback p) {
        if (p.outputDue == Playback.NO_DEADLINE) {
            p.outputDue = System.nanoTime() + deviceTimeout().toNanos();
        }
        if (!p.starting) {
            p.buffering = true;
            p.device = nextSink.describe();
            if (nextSink.ready()) {
                p.starting = true;
                BlockWriter writer = new BlockWriter(nextSink.take(), config.blocks(), p.audioListener());
                // Paused until adopted: it writes nothing from a start that a seek meanwhile replaced.
                writer.pause();
                writer.setVolume(volume);
                writer.setMuted(muted);
                p.input = newInput(p, p.startFrame);
                outputOpener.start(p, writer, p.medium.format().toAudioFormat(), p.input, p.startFrame);
            }
        }
        updateState(p);
    }

    /**
     * The writer has started, paused: it moves to where a seek meanwhile said and plays unless
     * paused meanwhile.
     */
    private void writerStarted(Playback p) {
        BlockWriter writer = p.adoptStarted();
        if (writer == null) {
            return;
        }
        p.outputDue = Playback.NO_DEADLINE;
        // Volume and mute may have changed while the device opened; they are applied only now,
        // as a writer applies its own gain while it starts.
        writer.setVolume(volume);
        writer.setMuted(muted);
        if (p.startFrame != p.input.startFrame()) {
            restartAt(p, p.startFrame);
        }
        if (p.wantPlay) {
            writer.resume();
        }
        updateState(p);
    }

    private void outputPrepared() {
        Playback p = current;
        if (p != null && p.outputDue != Playback.NO_DEADLINE && p.wantPlay && !p.started() && !p.starting) {
            startWriter(p);
        }
    }

    /**
     * A fresh input at {@code frame}; tells the source to fetch there next. The input waits for
     * no cushion until it has filled the writer's blocks, so that playback starts at once.
     */
    private SpoolPcmInput newInput(Playback p, long frame) {
        Medium medium = p.medium;
        medium.source().seek(medium.byteOf(frame));
        long cushionFrames = Math.round(config.cushion().toNanos() * medium.format().sampleRate() / 1e9);
        return new SpoolPcmInput(medium, frame, primeBytes(medium),
                Math.max(cushionFrames, 1) * medium.frameSize(), p.inputListener());
    }

    /** The bytes of the writer's blocks in flight: what must be there before the device starts. */
    private long primeBytes(Medium medium) {
        long blockFrames = Math.max(1, Math.round(
                config.blocks().blockDuration().toNanos() * medium.format().sampleRate() / 1e9));
        return config.blocks().blocks() * blockFrames * medium.frameSize();
    }

    /** Whether the writer's first blocks from {@code frame} are downloaded already. */
    private boolean primedAt(Medium medium, long frame) {
        long position = medium.byteOf(frame);
        long wanted = Math.min(primeBytes(medium), medium.dataEnd() - position);
        return medium.spool().contiguousFrom(position) >= wanted;
    }

    private void seek(Command.Seek seek) {
        Playback p = current;
        if (p == null || p.medium.live()) {
            return;
        }
        double target = seek.relative() ? p.medium.seconds(p.audibleFrame()) + seek.seconds() : seek.seconds();
        long frame = p.medium.frameAt(target);
        restartAt(p, frame);
        p.position = frame;
        lastPositionFrame = frame;
        events.accept(new PlayerEvent.Seeked(p.medium.seconds(frame)));
        updateState(p);
    }

    /**
     * Moves the writer onto a fresh input at {@code frame}, discarding what is queued; a paused
     * player stays paused, one that has ended plays again.
     */
    private void restartAt(Playback p, long frame) {
        if (!p.started()) {
            // The writer starts there once its device answers; the download moves there now.
            p.startFrame = frame;
            p.medium.source().seek(p.medium.byteOf(frame));
            return;
        }
        SpoolPcmInput next = newInput(p, frame);
        p.input = next;
        p.setPrimed(false);
        p.buffering = !primedAt(p.medium, frame);
        p.writer.flush(next, frame);
        if (p.ended) {
            p.ended = false;
            p.wantPlay = true;
            p.writer.resume();
        } else if (!p.wantPlay) {
            p.writer.pause();
        }
        updateState(p);
    }

    private void pause() {
        Playback p = current;
        if (p == null || p.ended || !p.wantPlay) {
            return;
        }
        p.wantPlay = false;
        if (p.started()) {
            p.writer.pause();
        } else {
            p.outputDue = Playback.NO_DEADLINE;
        }
        reportPosition(p);
        updateState(p);
    }

    private void resume() {
        Playback p = current;
        if (p == null) {
            return;
        }
        if (p.ended) {
            seek(new Command.Seek(0, false));
            return;
        }
        if (p.wantPlay) {
            return;
        }
        p.wantPlay = true;
        if (p.started()) {
            p.writer.resume();
            updateState(p);
        } else {
            startWriter(p);
        }
    }

    private void toggle() {
        Playback p = current;
        if (p != null && p.wantPlay && !p.ended) {
            pause();
        } else {
            resume();
        }
    }

    private void ended(Playback p) {
        p.ended = true;
        p.buffering = false;
        reportPosition(p);
        updateState(p);
        events.accept(new PlayerEvent.Ended());
    }

    private void setBuffering(Playback p, boolean buffering) {
        if (p.buffering == buffering) {
            return;
        }
        p.buffering = buffering;
        events.accept(new PlayerEvent.Buffering(buffering));
        updateState(p);
    }

    /** Applies {@code action} to the started writer; one still starting gets the volume and mute once adopted. */
    private void withWriter(Consumer<BlockWriter> action) {
        Playback p = current;
        if (p != null && p.started()) {
            action.accept(p.writer);
        }
    }

    /** Tells the source whether a listener waits for it, so that it keeps retrying drops. */
    private static void setPlaying(Playback p) {
        p.medium.source().setPlaying(p.wantPlay && !p.ended);
    }

    private void updateState(Playback p) {
        PlayerState next;
        if (p.ended) {
            next = PlayerState.ENDED;
        } else if (!p.wantPlay) {
            next = PlayerState.PAUSED;
        } else if (p.buffering) {
            next = PlayerState.BUFFERING;
        } else {
            next = PlayerState.PLAYING;
        }
        setPlaying(p);
        setState(next);
    }

    private void setState(PlayerState next) {
        boolean ticking = config.positionEvents() && current != null
                && (next == PlayerState.PLAYING || next == PlayerState.BUFFERING);
        if (!ticking) {
            nextPositionTick = Playback.NO_DEADLINE;
        } else if (nextPositionTick == Playback.NO_DEADLINE) {
            nextPositionTick = System.nanoTime() + config.positionInterval().toNanos();
        }
        if (state != next) {
            state = next;
            events.accept(new PlayerEvent.StateChanged(next));
        }
    }

    private void runTimers() {
        Playback p = current;
        if (p == null) {
            return;
        }
        long now = System.nanoTime();
        if (nextPositionTick != Playback.NO_DEADLINE && now - nextPositionTick >= 0) {
            reportPosition(p);
            long interval = config.positionInterval().toNanos();
            nextPositionTick = Math.max(nextPositionTick + interval, now + interval / 2);
        }
        if (p.downloadDue != Playback.NO_DEADLINE && now - p.downloadDue >= 0) {
            reportDownload(p);
        }
        if (p.outputDue != Playback.NO_DEADLINE && now - p.outputDue >= 0) {
            fail(PlayerEvent.Error.Kind.AUDIO, p.device + " did not answer within "
                    + deviceTimeout().toMillis() + " ms");
        }
    }

    /**
     * How long a device may take to be looked up and opened: three times the writer's stall
     * timeout, since an opening may load the sound system (a fresh JVM), start a sound server or
     * wake a sleeping device, where a write only has to make progress.
     */
    private Duration deviceTimeout() {
        // Added up, not multipliedBy: that computes through BigDecimal, whose classes would load
        // on the way to the first audio.
        Duration stall = config.blocks().stallTimeout();
        return stall.plus(stall).plus(stall);
    }

    private void reportPosition(Playback p) {
        long frame = p.audibleFrame();
        p.position = frame;
        if (config.positionEvents() && frame != lastPositionFrame) {
            lastPositionFrame = frame;
            events.accept(new PlayerEvent.Position(p.medium.seconds(frame)));
        }
    }

    private void reportDownload(Playback p) {
        p.downloadDue = Playback.NO_DEADLINE;
        p.downloadReported();
        lastDownloadReport = System.nanoTime();
        SpoolBuffer spool = p.medium.spool();
        List<ByteRange> present = spool.presentRanges();
        long bytes = 0;
        for (ByteRange range : present) {
            bytes += range.length();
        }
        events.accept(new PlayerEvent.Downloaded(p.medium.downloadedTimes(present), bytes,
                spool.length(), spool.bytesPerSecond()));
    }

    private void fail(IOException error) {
        fail(error instanceof FormatException ? PlayerEvent.Error.Kind.FORMAT : PlayerEvent.Error.Kind.SOURCE,
                oneLine(error));
    }

    private void fail(PlayerEvent.Error.Kind kind, String message) {
        closeCurrent();
        setState(PlayerState.ERROR);
        events.accept(new PlayerEvent.Error(message, kind));
    }

    private void closeCurrent() {
        Playback p = current;
        if (p == null) {
            return;
        }
        current = null;
        nextPositionTick = Playback.NO_DEADLINE;
        lastPositionFrame = -1;
        p.close();
    }

    /** The exception's message on one line, or its type when it has none. */
    static String oneLine(Throwable error) {
        String message = error.getMessage();
        if (message == null || message.isBlank()) {
            return error.getClass().getSimpleName();
        }
        return message.replaceAll("\\s*[\\r\\n]+\\s*", " ").strip();
    }
}
