package dev.reel.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import javax.sound.sampled.AudioFormat;
import org.tinylog.Logger;

/**
 * The double-buffering pump: pulls whole-frame blocks from a {@link PcmInput} on its own thread
 * ({@code reel-audio}) and keeps a few of them in flight at an {@link AudioSink}.
 *
 * <p>All methods are safe from any thread and return promptly; the listener is called on the
 * writer's thread. Frame numbers are in the caller's coordinates: {@link #start} and
 * {@link #flush} say which frame the input's next byte belongs to.
 *
 * <p>While the device plays, the thread sleeps until by the clock the device has room for the next
 * whole block, then writes it in one call that does not wait: one wake-up, one frame-counter
 * query and one write per block, and nothing allocated. The device is started only once
 * {@code blocks} blocks are queued (at the start, after a flush and after an underrun), so a
 * starved input does not stutter block by block. A watchdog thread ({@code reel-audio-watchdog})
 * ticks every half stall timeout while writes go on and has a device that stopped taking data
 * closed; the writer then reopens it and queues again what was written but not heard (the last
 * {@code blocks + 1} blocks are kept for that).
 */
public final class BlockWriter implements AutoCloseable {

    private final AudioSink sink;
    private final BlockWriterConfig config;
    private final AudioListener listener;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    // Guarded by lock.
    private PcmInput input;
    private long inputFrame;
    private long generation;
    private boolean paused;
    private boolean running;
    private boolean closed;
    private long baseFrame;
    private long sinkBase;
    private long endFrame;
    private boolean writing;
    private long checkedPlayed;
    private long progressNanos;
    private long startedPlayed;
    private long consumingNanos;
    private boolean watchdogArmed;
    private boolean stalled;
    /**
     * The frame heard when the device was found dead, -1 otherwise: a closed device's counter
     * reads 0, so from the watchdog's close until the reopened device counts again this is the
     * audible frame.
     */
    private long heardAtStall = -1;
    /** The frame the last reopened device was to play first, -1 when none was reopened since the start or a flush. */
    private long reopenedAt = -1;
    private boolean finished;
    private long underruns;

    private volatile AudioFormat deviceFormat;
    private volatile int volume = 100;
    private volatile boolean muted;
    private volatile double softwareGain = 1;

    // Set by start, then used by the writer thread only.
    private AudioFormat sourceFormat;
    private PcmConverter converter;
    private int blockFrames;
    private int bufferBytes;
    private Tail tail;
    private int prefilled;
    private long lastFeedNanos;
    private long queuedAtFeed;
    private long playedQueried;
    private long queriedNanos;
    private Thread thread;
    private Thread watchdog;

    public BlockWriter(AudioSink sink, BlockWriterConfig config, AudioListener listener) {
        this.sink = sink;
        this.config = config;
        this.listener = listener;
    }

    /**
     * Opens the sink (converting what it refuses) and starts pumping {@code input}, whose first
     * byte is frame {@code startFrame}. Blocks only while the device opens.
     *
     * @throws AudioException when no device format can be opened
     */
    public void start(AudioFormat format, PcmInput input, long startFrame) throws AudioException {
        lock.lock();
        try {
            if (thread != null || closed) {
                throw new IllegalStateException("a BlockWriter starts once");
            }
            sourceFormat = format;
            blockFrames = config.blockFrames(format.getFrameRate());
            AudioFormat opened = null;
            for (AudioFormat candidate : FormatNegotiation.candidates(format)) {
                int bytes = config.blocks() * blockFrames * candidate.getFrameSize();
                if (sink.open(candidate, bytes)) {
                    opened = candidate;
                    bufferBytes = bytes;
                    break;
                }
            }
            if (opened == null) {
                throw new AudioException(sink.describe() + " accepts no format close to " + format);
            }
            deviceFormat = opened;
            converter = new PcmConverter(format, opened);
            tail = new Tail((config.blocks() + 1) * blockFrames * opened.getFrameSize());
            this.input = input;
            this.inputFrame = startFrame;
            this.baseFrame = startFrame;
            this.endFrame = startFrame;
            watchdog = daemon(this::watch, "reel-audio-watchdog");
            thread = daemon(this::run, "reel-audio");
            watchdog.start();
            thread.start();
        } finally {
            lock.unlock();
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    /** Stops the device; queued audio is kept and nothing more is written until {@link #resume}. */
    public void pause() {
        lock.lock();
        try {
            paused = true;
            sink.stop();
            LockSupport.unpark(thread);
        } finally {
            lock.unlock();
        }
    }

    public void resume() {
        lock.lock();
        try {
            paused = false;
            if (running) {
                startSinkLocked();
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Discards queued audio at once, closes the current input (waking a blocked read, whose
     * bytes are dropped) and continues with {@code next}, whose first byte is frame
     * {@code nextFrame}. Also restarts a writer that has drained.
     */
    public void flush(PcmInput next, long nextFrame) {
        PcmInput old;
        lock.lock();
        try {
            if (closed) {
                old = next;
            } else {
                old = input;
                input = next;
                inputFrame = nextFrame;
                generation++;
                running = false;
                sink.flush();
                sink.stop();
                baseFrame = nextFrame;
                endFrame = nextFrame;
                sinkBase = sink.framesPlayed();
                heardAtStall = -1;
                reopenedAt = -1;
                changed.signalAll();
                LockSupport.unpark(thread);
            }
        } finally {
            lock.unlock();
        }
        closeQuietly(old);
    }

    /** Volume 0..100 percent (linear amplitude: 50 halves the samples). */
    public void setVolume(int percent) {
        volume = Math.max(0, Math.min(100, percent));
        applyGain();
    }

    public void setMuted(boolean muted) {
        this.muted = muted;
        applyGain();
    }

    private void applyGain() {
        double linear = muted ? 0 : volume / 100.0;
        softwareGain = sink.setGain(linear) ? 1 : linear;
    }

    /** The frame the listener hears now, from the device's frame counter. */
    public long audibleFrame() {
        lock.lock();
        try {
            return audibleLocked();
        } finally {
            lock.unlock();
        }
    }

    private long audibleLocked() {
        if (heardAtStall >= 0) {
            return heardAtStall;
        }
        long played = sink.framesPlayed() - sinkBase;
        return Math.min(endFrame, baseFrame + Math.max(0, played));
    }

    /** The format the device was opened in, or null before {@link #start}. */
    public AudioFormat deviceFormat() {
        return deviceFormat;
    }

    /** How many underruns this writer has seen. */
    public long underruns() {
        lock.lock();
        try {
            return underruns;
        } finally {
            lock.unlock();
        }
    }

    /** Stops the thread, closes the input and the sink. */
    @Override
    public void close() {
        PcmInput current;
        Thread t;
        lock.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            generation++;
            current = input;
            t = thread;
            sink.flush();
            sink.stop();
            changed.signalAll();
            LockSupport.unpark(thread);
            LockSupport.unpark(watchdog);
        } finally {
            lock.unlock();
        }
        closeQuietly(current);
        if (t == null) {
            sink.close();
            return;
        }
        try {
            t.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void run() {
        try {
            listener.started(deviceFormat);
            applyGain();
            while (true) {
                long gen;
                PcmInput in;
                long frame;
                lock.lock();
                try {
                    if (closed) {
                        return;
                    }
                    gen = generation;
                    in = input;
                    frame = inputFrame;
                } finally {
                    lock.unlock();
                }
                if (play(in, frame, gen)) {
                    listener.drained();
                    awaitNewGeneration(gen);
                }
            }
        } catch (AudioException e) {
            Logger.warn(e.getMessage());
            listener.failed(e);
        } catch (RuntimeException e) {
            // A bug here or in a sink must end playback with an error, not leave it playing nothing.
            Logger.error(e, "the audio writer failed");
            listener.failed(new AudioException("the audio output failed: " + e, e));
        } finally {
            sink.close();
            PcmInput in;
            lock.lock();
            try {
                in = input;
                finished = true;
            } finally {
                lock.unlock();
            }
            LockSupport.unpark(watchdog);
            closeQuietly(in);
        }
    }

    private void awaitNewGeneration(long gen) {
        lock.lock();
        try {
            while (generation == gen) {
                changed.awaitUninterruptibly();
            }
        } finally {
            lock.unlock();
        }
    }

    /** Plays one input to its end. @return true when it ended and drained, false when cut off */
    private boolean play(PcmInput in, long frame, long gen) throws AudioException {
        lock.lock();
        try {
            if (generation != gen) {
                return false;
            }
            // A write that raced the caller's flush may have queued stale bytes: discard again.
            // Flushing before stopping: Java's ALSA line drops and re-prepares only a running device.
            sink.flush();
            sink.stop();
            running = false;
            baseFrame = frame;
            endFrame = frame;
            sinkBase = sink.framesPlayed();
            heardAtStall = -1;
            reopenedAt = -1;
        } finally {
            lock.unlock();
        }
        int inFrameSize = sourceFormat.getFrameSize();
        byte[] inBytes = new byte[blockFrames * inFrameSize];
        byte[] converted = null;
        ByteBuffer buffer = ByteBuffer.wrap(inBytes);
        prefilled = 0;
        boolean first = true;
        boolean end = false;
        while (!end) {
            end = fill(in, buffer);
            int frames = buffer.position() / inFrameSize;
            if (frames > 0) {
                double gain = softwareGain;
                byte[] out = inBytes;
                int len = frames * inFrameSize;
                if (!converter.isIdentity() || gain != 1) {
                    if (converted == null) {
                        converted = new byte[converter.outputBytes(blockFrames)];
                    }
                    out = converted;
                    len = converter.convert(inBytes, 0, frames, out, gain);
                }
                if (!writeBlock(out, len, gen)) {
                    return false;
                }
                if (first) {
                    first = false;
                    listener.firstBlock(frame);
                }
                int rest = buffer.position() - frames * inFrameSize;
                System.arraycopy(inBytes, frames * inFrameSize, inBytes, 0, rest);
                buffer.position(rest);
            }
        }
        lock.lock();
        try {
            if (generation != gen || closed) {
                return false;
            }
            startDeviceLocked();
        } finally {
            lock.unlock();
        }
        return drain(gen);
    }

    /** Reads until the buffer is full or the input ends. @return true at the end */
    private boolean fill(PcmInput in, ByteBuffer buffer) {
        try {
            while (buffer.hasRemaining()) {
                if (in.read(buffer) < 0) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            Logger.warn("audio input failed, playing what was read: {}", e.getMessage());
            return true;
        }
    }

    /**
     * Waits until the device has played everything written. The device's own drain is not taken
     * at its word: Java's ALSA line gives up once its counter has not moved for half a second,
     * which a PulseAudio line that restarts late after an underrun takes, and then one or two
     * blocks are still to be heard (and a close would cut them off). So the writer also waits,
     * by the clock, until the counter reaches the end, unless it stops moving for the stall
     * timeout.
     */
    private boolean drain(long gen) throws AudioException {
        long lastAudible = -1;
        long progressNanos = 0;
        while (true) {
            lock.lock();
            try {
                while (paused && generation == gen && !closed) {
                    changed.awaitUninterruptibly();
                }
            } finally {
                lock.unlock();
            }
            sink.drain();
            lock.lock();
            try {
                if (generation != gen || closed) {
                    return false;
                }
                if (!paused) {
                    long audible = audibleLocked();
                    if (audible >= endFrame) {
                        return true;
                    }
                    long now = System.nanoTime();
                    if (audible != lastAudible) {
                        lastAudible = audible;
                        progressNanos = now;
                    } else if (now - progressNanos >= config.stallTimeout().toNanos()) {
                        Logger.warn("{} stopped {} frames before the end", sink.describe(), endFrame - audible);
                        return true;
                    }
                    parkUntilLocked(now + nanosFor(endFrame - audible), gen);
                }
            } finally {
                lock.unlock();
            }
        }
    }

    private void startDeviceLocked() {
        if (!running) {
            running = true;
            if (!paused) {
                startSinkLocked();
            }
        }
    }

    /**
     * Starts the device and its clocks: a device may begin consuming well after its start
     * (PulseAudio's null sink takes up to 2 s), so neither the underrun clock nor the watchdog
     * counts from here until the frame counter moves.
     */
    private void startSinkLocked() {
        sink.start();
        startedPlayed = sink.framesPlayed();
        consumingNanos = 0;
        progressNanos = System.nanoTime();
    }

    /**
     * An underrun is a running, unpaused device that by the clock has played everything queued at
     * the last write (at most its buffer). The clock decides, not the device's counter: ALSA's
     * PulseAudio plugin reports its server's latency as queued audio, so the counter of a starved
     * PulseAudio line never reaches the frames written. A device that is not paced in real time
     * empties at once and is counted as holding one block, so it is not starved by a fast input.
     * The clock runs only once the device consumes: a device whose counter has not moved since it
     * was started still holds everything written, and one that began late began when its counter
     * says it did. The counter read here is also the one {@link #awaitRoomLocked} sizes its sleep by.
     *
     * @return the underrun, the device then stopped; or null
     */
    private Underrun checkUnderrunLocked() {
        long played = queryPlayedLocked();
        if (!running || paused) {
            return null;
        }
        long now = queriedNanos;
        if (consumingNanos == 0) {
            if (played <= startedPlayed) {
                return null;
            }
            consumingNanos = now - nanosFor(played - startedPlayed);
        }
        long dry = Math.max(lastFeedNanos, consumingNanos) + nanosFor(queuedAtFeed);
        if (now < dry) {
            return null;
        }
        underruns++;
        running = false;
        sink.stop();
        return new Underrun(underruns, TimeUnit.NANOSECONDS.toMillis(now - dry),
                TimeUnit.NANOSECONDS.toMillis(dry - lastFeedNanos));
    }

    private long queryPlayedLocked() {
        playedQueried = sink.framesPlayed();
        queriedNanos = System.nanoTime();
        return playedQueried;
    }

    /** The device's counter at {@code now}: the last reading, moved on by the clock while it plays. */
    private long estimatedPlayedLocked(long now) {
        if (!running || paused || consumingNanos == 0) {
            return playedQueried;
        }
        return playedQueried + (long) ((now - queriedNanos) * (double) deviceFormat.getFrameRate() / 1e9);
    }

    private long nanosFor(long frames) {
        return (long) (frames * 1e9 / deviceFormat.getFrameRate());
    }

    /**
     * Writes one converted block, reopening a dead device. Per block, in the steady state, the
     * device is asked for its counter once and written to once (twice with a single block in
     * flight): the thread sleeps until, by the clock, the device has room for the whole block, so
     * the write does not wait (Java's ALSA line would otherwise retry a partial write every
     * quarter of its buffer).
     *
     * @return false when a flush cut it off
     */
    private boolean writeBlock(byte[] out, int len, long gen) throws AudioException {
        int frameSize = deviceFormat.getFrameSize();
        int offset = 0;
        boolean firstTry = true;
        while (true) {
            Underrun underrun = null;
            int writable;
            lock.lock();
            try {
                if (generation != gen || closed) {
                    return false;
                }
                if (firstTry) {
                    underrun = checkUnderrunLocked();
                }
                writable = awaitRoomLocked(gen, (len - offset) / frameSize, firstTry);
                if (writable < 0) {
                    return false;
                }
                watchWriteLocked();
            } finally {
                lock.unlock();
            }
            firstTry = false;
            if (underrun != null) {
                prefilled = 0;
                listener.underrun(underrun);
            }
            int n = 0;
            AudioException failure = null;
            try {
                n = sink.write(out, offset, writable * frameSize);
            } catch (AudioException e) {
                failure = e;
            }
            boolean dead;
            lock.lock();
            try {
                writing = false;
                if (generation != gen || closed) {
                    return false;
                }
                dead = stalled || failure != null;
                stalled = false;
                if (n > 0) {
                    // Counted and kept at once, not when the block is whole: a device reopened
                    // before the rest goes in replays from the audible frame inside this block.
                    endFrame += n / frameSize;
                    tail.append(out, offset, n);
                    offset += n;
                }
                if (!dead && offset == len) {
                    queuedLocked(frameSize);
                    break;
                }
                // A short write is a part of a block that fits (one block in flight), a paused
                // device (awaitRoomLocked waits for the resume) or one whose buffer is smaller than
                // the blocks (it starts); a playing one that took nothing has failed.
                if (!dead && n == 0 && running && !paused) {
                    dead = true;
                    failure = new AudioException(sink.describe() + " accepted no data while playing");
                }
            } finally {
                lock.unlock();
            }
            if (dead) {
                reopen(failure);
                // The write that found the device dead may have taken the whole block (the replay
                // holds it then): nothing of it is left to write.
                if (offset == len) {
                    lock.lock();
                    try {
                        if (generation != gen || closed) {
                            return false;
                        }
                        queuedLocked(frameSize);
                    } finally {
                        lock.unlock();
                    }
                    break;
                }
            }
        }
        return true;
    }

    /** A write is about to go to the device: the watchdog judges it from now on. */
    private void watchWriteLocked() {
        writing = true;
        progressNanos = System.nanoTime();
        if (!watchdogArmed) {
            watchdogArmed = true;
            LockSupport.unpark(watchdog);
        }
    }

    /** A whole block is queued (and counted in endFrame): the underrun clock restarts, full blocks start the device. */
    private void queuedLocked(int frameSize) {
        long now = System.nanoTime();
        long played = Math.min(endFrame, baseFrame + estimatedPlayedLocked(now) - sinkBase);
        lastFeedNanos = now;
        queuedAtFeed = Math.min(endFrame - played, bufferBytes / frameSize);
        if (++prefilled >= config.blocks()) {
            startDeviceLocked();
        }
    }

    /**
     * Waits until the device has room for the next write: normally the rest of this block, its
     * {@code frames} not yet written. The thread sleeps for as
     * long as the clock says playing the missing frames takes, plus a quarter block, because the
     * device's counter moves in steps (20 ms on Java's ALSA lines); after that sleep the write
     * goes ahead without asking the device again (a device slower than its clock makes the write
     * wait, under the watchdog). With a single block in flight, waiting for room for a whole block
     * would let the device run dry, so then it waits only until half a block can go in. A paused
     * device is waited for; a stopped one without room starts (its buffer is smaller than the
     * blocks). {@code queried}: the counter was read just before, for the underrun check.
     *
     * @return the frames to write now, or -1 when a flush or close made the block stale
     */
    private int awaitRoomLocked(long gen, int frames, boolean queried) {
        long capacity = bufferBytes / deviceFormat.getFrameSize();
        int wanted = (int) Math.max(1, Math.min(frames, capacity - blockFrames / 2));
        boolean fresh = queried;
        while (true) {
            while (paused && generation == gen && !closed) {
                changed.awaitUninterruptibly();
                fresh = false;
            }
            if (generation != gen || closed) {
                return -1;
            }
            if (!fresh) {
                queryPlayedLocked();
            }
            long room = capacity - (endFrame - baseFrame - (playedQueried - sinkBase));
            if (room >= wanted) {
                return (int) Math.min(frames, room);
            }
            startDeviceLocked();
            parkUntilLocked(queriedNanos + nanosFor(wanted - room) + nanosFor(blockFrames) / 4, gen);
            if (generation != gen || closed) {
                return -1;
            }
            if (!paused) {
                return wanted;
            }
            fresh = false;
        }
    }

    /**
     * Sleeps, without the lock, until {@code deadline} (System.nanoTime) or a flush or close
     * (which unpark this thread) or a pause. Parking allocates nothing, unlike a Condition wait.
     */
    private void parkUntilLocked(long deadline, long gen) {
        boolean interrupted = false;
        long remaining;
        while ((remaining = deadline - System.nanoTime()) > 0 && !paused && generation == gen && !closed) {
            lock.unlock();
            try {
                LockSupport.parkNanos(this, remaining);
                interrupted |= Thread.interrupted();
            } finally {
                lock.lock();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * The watchdog thread: asleep until a write arms it, then it ticks every half stall timeout
     * while writes go on and disarms when a tick finds the writer between writes, so time spent
     * waiting for the input or for room is never judged. It parks rather than using a timer or a
     * Condition, so playing allocates nothing.
     */
    private void watch() {
        long tick = config.stallTimeout().toNanos() / 2;
        while (true) {
            boolean armed;
            lock.lock();
            try {
                if (closed || finished) {
                    return;
                }
                armed = watchdogArmed;
            } finally {
                lock.unlock();
            }
            if (armed) {
                LockSupport.parkNanos(this, tick);
                checkStall();
            } else {
                LockSupport.park(this);
            }
            // Nothing interrupts this thread on purpose; a stray interrupt must not make park return at once forever.
            Thread.interrupted();
        }
    }

    /**
     * On the watchdog thread: a write pending for the whole stall timeout while its device, not
     * paused, neither advanced nor was started means a dead device. Progress is counted from the
     * write's start, the device's start and each tick that saw the counter move.
     */
    private void checkStall() {
        lock.lock();
        try {
            if (!writing || closed) {
                watchdogArmed = false;
                return;
            }
            long played = sink.framesPlayed();
            long now = System.nanoTime();
            boolean moved = checkedPlayed != played;
            checkedPlayed = played;
            if (moved || paused) {
                progressNanos = now;
            }
            if (now - progressNanos < config.stallTimeout().toNanos()) {
                return;
            }
            stalled = true;
            watchdogArmed = false;
            heardAtStall = audibleLocked();
            Logger.warn("{} made no progress for {}; reopening it", sink.describe(), config.stallTimeout());
            // Closing wakes the blocked write; under the lock, so the writer reopens only after.
            sink.close();
        } finally {
            lock.unlock();
        }
    }

    /** Closes and reopens the device, then queues again what was written but not heard. */
    private void reopen(AudioException cause) throws AudioException {
        long audible;
        boolean heardSinceReopen;
        lock.lock();
        try {
            audible = Math.max(baseFrame, audibleLocked());
            heardAtStall = audible;
            heardSinceReopen = reopenedAt < 0 || audible > reopenedAt;
            running = false;
        } finally {
            lock.unlock();
        }
        sink.close();
        String why = cause == null ? "no progress for " + config.stallTimeout() : cause.getMessage();
        // A device that played nothing since it was reopened is as dead as before: reopening again would loop.
        if (!heardSinceReopen) {
            throw new AudioException(sink.describe() + " stopped playing (" + why + ") and took no data once reopened");
        }
        boolean reopened = false;
        try {
            reopened = sink.open(deviceFormat, bufferBytes);
        } catch (AudioException e) {
            why = e.getMessage();
        }
        if (!reopened) {
            throw new AudioException(sink.describe() + " stopped playing (" + why + ") and could not be reopened");
        }
        Logger.warn("{} reopened after: {}", sink.describe(), why);
        applyGain();
        long replayFrames;
        lock.lock();
        try {
            replayFrames = Math.min(endFrame - audible, tail.size() / deviceFormat.getFrameSize());
            baseFrame = endFrame - replayFrames;
            sinkBase = sink.framesPlayed();
            heardAtStall = -1;
            reopenedAt = baseFrame;
        } finally {
            lock.unlock();
        }
        prefilled = (int) (replayFrames / blockFrames);
        byte[] replay = tail.last((int) replayFrames * deviceFormat.getFrameSize());
        boolean stalledAgain;
        lock.lock();
        try {
            watchWriteLocked();
        } finally {
            lock.unlock();
        }
        try {
            int offset = 0;
            while (offset < replay.length) {
                int n = sink.write(replay, offset, replay.length - offset);
                if (n <= 0) {
                    break;
                }
                offset += n;
            }
        } finally {
            lock.lock();
            try {
                writing = false;
                stalledAgain = stalled;
                stalled = false;
            } finally {
                lock.unlock();
            }
        }
        if (stalledAgain) {
            throw new AudioException(sink.describe() + " stopped playing (" + why + ") and took no data once reopened");
        }
    }

    private static void closeQuietly(PcmInput in) {
        if (in == null) {
            return;
        }
        try {
            in.close();
        } catch (IOException e) {
            Logger.warn("closing audio input: {}", e.getMessage());
        }
    }

    /** The last bytes written to the device, kept to replay them into a reopened device. */
    private static final class Tail {
        private final byte[] ring;
        private long total;

        Tail(int capacity) {
            ring = new byte[capacity];
        }

        void append(byte[] b, int offset, int len) {
            int from = Math.max(0, len - ring.length);
            int at = (int) ((total + from) % ring.length);
            int first = Math.min(len - from, ring.length - at);
            System.arraycopy(b, offset + from, ring, at, first);
            System.arraycopy(b, offset + from + first, ring, 0, len - from - first);
            total += len;
        }

        int size() {
            return (int) Math.min(total, ring.length);
        }

        byte[] last(int n) {
            byte[] out = new byte[n];
            int at = (int) ((total - n) % ring.length);
            int first = Math.min(n, ring.length - at);
            System.arraycopy(ring, at, out, 0, first);
            System.arraycopy(ring, 0, out, first, n - first);
            return out;
        }
    }
}
