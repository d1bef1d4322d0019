package dev.reel.core.player;

import dev.reel.audio.AudioException;
import dev.reel.audio.BlockWriter;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import javax.sound.sampled.AudioFormat;
import org.tinylog.Logger;

/**
 * Starts playbacks' writers ({@link BlockWriter#start}, which opens the device) on one thread of
 * its own ({@code reel-output-open}), one after the other, so that the player thread never waits
 * for a device that does not answer. The writers come paused, so that they write nothing until
 * the player thread has adopted them and moved them where a seek meanwhile said. A started writer
 * is {@linkplain Playback#offer offered} to its playback and announced with
 * {@link Command.WriterStarted}; one whose playback was closed
 * meanwhile, or that failed to start, is closed here. A device that hangs holds this one thread:
 * later starts wait behind it (the player gives up on them after the stall timeout) instead of
 * each taking a thread. Used by the player thread; {@link #close} when the player ends.
 */
final class OutputOpener implements AutoCloseable {

    private final Consumer<Command> commands;
    /** One daemon thread, made on the first start and ended after a minute without one. */
    private final ExecutorService thread;

    OutputOpener(Consumer<Command> commands) {
        this.commands = commands;
        ThreadPoolExecutor executor = new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES,
                new LinkedBlockingQueue<>(), OutputOpener::daemon);
        executor.allowCoreThreadTimeOut(true);
        this.thread = executor;
    }

    private static Thread daemon(Runnable runnable) {
        Thread t = new Thread(runnable, "reel-output-open");
        t.setDaemon(true);
        return t;
    }

    /** Starts {@code writer} for {@code playback} on the output thread; returns at once. */
    void start(Playback playback, BlockWriter writer, AudioFormat format, SpoolPcmInput input, long frame) {
        thread.execute(new Start(playback, writer, format, input, frame, commands));
    }

    /** Starts nothing more; starts already queued close their writers unstarted (their playbacks are closed). */
    @Override
    public void close() {
        thread.shutdown();
    }

    // A nested record, not a lambda: no lambda set-up on the way to the first audio.
    private record Start(Playback playback, BlockWriter writer, AudioFormat format, SpoolPcmInput input,
            long frame, Consumer<Command> commands) implements Runnable {

        @Override
        public void run() {
            if (playback.isClosed()) {
                writer.close();
                return;
            }
            try {
                writer.start(format, input, frame);
            } catch (AudioException e) {
                writer.close();
                commands.accept(new Command.WriterFailed(playback, e));
                return;
            } catch (RuntimeException e) {
                Logger.error(e, "starting the audio writer failed");
                writer.close();
                commands.accept(new Command.WriterFailed(playback,
                        new AudioException("the audio output failed to start: " + PlayerEngine.oneLine(e), e)));
                return;
            }
            if (playback.offer(writer)) {
                commands.accept(new Command.WriterStarted(playback));
            } else {
                writer.close();
            }
        }
    }
}
