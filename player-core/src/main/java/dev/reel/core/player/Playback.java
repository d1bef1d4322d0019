package dev.reel.core.player;

import dev.reel.audio.AudioException;
import dev.reel.audio.AudioListener;
import dev.reel.audio.BlockWriter;
import dev.reel.audio.Underrun;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The playing of one medium: its writer, its current input and where it stands. Fields are
 * owned by the player thread; {@link #position} and {@link #heardFrame} are also for callers, and
 * {@link #offer} and {@link #isClosed} for the {@link OutputOpener}'s thread. The writer's and the
 * spool's reports arrive as {@link Command}s through {@code commands}.
 */
final class Playback {

    static final long NO_DEADLINE = Long.MIN_VALUE;

    final Medium medium;
    private final Consumer<Command> commands;
    private final AtomicBoolean downloadSignalled = new AtomicBoolean();
    private final Runnable spoolListener = this::spoolChanged;

    /** The writer, once started and {@linkplain #adoptStarted adopted}; null before. */
    BlockWriter writer;
    /** A writer is being started on the output thread. */
    boolean starting;
    /** The output the writer waits for, for messages. */
    String device;
    /** A started writer the player thread has not adopted yet. Guarded by this. */
    private BlockWriter offered;
    /** Guarded by this. */
    private boolean closed;
    SpoolPcmInput input;
    /** The frame playback starts from while no writer runs (opened paused). */
    long startFrame;
    boolean wantPlay;
    /** Waiting for bytes: before the first block of an input, or while starving. */
    boolean buffering;
    /** The first block of the current input reached the device (set through {@link #setPrimed}). */
    private boolean primed;
    /** The writer whose device counter tells the audible frame, while {@link #primed}; else null. */
    private volatile BlockWriter clock;
    boolean ended;
    long downloadDue = NO_DEADLINE;
    /**
     * While the writer waits for its output's preparation (a device lookup) or for its device to
     * open: when the player gives up on the device; else {@link #NO_DEADLINE}.
     */
    long outputDue = NO_DEADLINE;
    /** The frame last reported to callers. */
    volatile long position;

    Playback(Medium medium, Consumer<Command> commands) {
        this.medium = medium;
        this.commands = commands;
        medium.spool().addChangeListener(spoolListener);
    }

    boolean started() {
        return writer != null;
    }

    /** The frame heard now: the start of the current input until its first block plays. */
    long audibleFrame() {
        if (writer == null) {
            return startFrame;
        }
        return primed ? writer.audibleFrame() : input.startFrame();
    }

    /**
     * On the output thread: {@code started} is this playback's writer, for the player thread to
     * {@linkplain #adoptStarted adopt}.
     *
     * @return false when the playback was closed meanwhile: the caller closes the writer
     */
    synchronized boolean offer(BlockWriter started) {
        if (closed) {
            return false;
        }
        offered = started;
        return true;
    }

    synchronized boolean isClosed() {
        return closed;
    }

    /** Makes the writer offered by the output thread this playback's writer; null when none was offered. */
    BlockWriter adoptStarted() {
        BlockWriter started;
        synchronized (this) {
            started = offered;
            offered = null;
        }
        if (started != null) {
            writer = started;
            starting = false;
        }
        return started;
    }

    /** Whether the current input's first block reached the device; its writer's counter then runs. */
    void setPrimed(boolean now) {
        primed = now;
        clock = now ? writer : null;
    }

    /**
     * The audible frame for a caller on any thread: the device's counter once the current input's
     * first block plays, else the frame last reported.
     */
    long heardFrame() {
        BlockWriter c = clock;
        return c != null ? c.audibleFrame() : position;
    }

    /** The writer's reports, as commands for the player thread. */
    AudioListener audioListener() {
        return new AudioListener() {
            @Override
            public void firstBlock(long frame) {
                commands.accept(new Command.FirstBlock(Playback.this, frame));
            }

            @Override
            public void underrun(Underrun underrun) {
                commands.accept(new Command.WriterUnderrun(Playback.this, underrun));
            }

            @Override
            public void drained() {
                commands.accept(new Command.Drained(Playback.this));
            }

            @Override
            public void failed(AudioException error) {
                commands.accept(new Command.WriterFailed(Playback.this, error));
            }
        };
    }

    /** The inputs' reports, as commands for the player thread. */
    SpoolPcmInput.Listener inputListener() {
        return new SpoolPcmInput.Listener() {
            @Override
            public void starving(SpoolPcmInput in) {
                commands.accept(new Command.Starving(in));
            }

            @Override
            public void refilled(SpoolPcmInput in) {
                commands.accept(new Command.Refilled(in));
            }

            @Override
            public void failed(SpoolPcmInput in, java.io.IOException error) {
                commands.accept(new Command.InputFailed(in, error));
            }
        };
    }

    /** Re-arms the spool signal; the next change of ranges sends one {@link Command.SpoolChanged}. */
    void downloadReported() {
        downloadSignalled.set(false);
    }

    private void spoolChanged() {
        if (!downloadSignalled.getAndSet(true)) {
            commands.accept(new Command.SpoolChanged(this));
        }
    }

    /**
     * Stops the writer (and with it the input) and the source; a writer still starting is closed
     * by the output thread once started.
     */
    void close() {
        BlockWriter notAdopted;
        synchronized (this) {
            closed = true;
            notAdopted = offered;
            offered = null;
        }
        medium.spool().removeChangeListener(spoolListener);
        if (notAdopted != null) {
            notAdopted.close();
        }
        if (writer != null) {
            writer.close();
        }
        if (input != null) {
            input.close();
        }
        medium.close();
    }
}
