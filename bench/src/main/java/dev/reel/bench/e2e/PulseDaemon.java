package dev.reel.bench.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A private PulseAudio server with a null sink ({@code module-null-sink}): a device that consumes
 * audio in real time and plays it nowhere, for measurements that need real-time pacing. Like a
 * desktop's PulseAudio (its default.pa loads {@code module-suspend-on-idle}; PipeWire suspends idle
 * nodes the same way) the sink suspends 5 s after its last stream stops, so a paused client's
 * libpulse stops asking it for timing updates, and clients pass audio through shared memory (a
 * desktop's default; without it every block also goes through the socket, and each player pays
 * for that in CPU). Started and stopped by the benchmark; not thread-safe.
 */
final class PulseDaemon implements AutoCloseable {

    private final Process process;
    private final Path socket;

    private PulseDaemon(Process process, Path socket) {
        this.process = process;
        this.socket = socket;
    }

    /**
     * Starts {@code pulseaudio} with its runtime files in {@code dir}.
     *
     * @throws IOException when it is not installed or does not come up within 10 s
     */
    static PulseDaemon start(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path socket = dir.resolve("native");
        Files.deleteIfExists(socket);
        ProcessBuilder builder = new ProcessBuilder("pulseaudio", "-n", "--daemonize=no", "--exit-idle-time=-1",
                "--use-pid-file=no", "--log-target=stderr",
                "--load=module-null-sink sink_name=reelnull rate=44100",
                "--load=module-suspend-on-idle",
                "--load=module-native-protocol-unix socket=" + socket + " auth-anonymous=1")
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("pulseaudio.log").toFile());
        builder.environment().put("HOME", dir.toString());
        builder.environment().put("XDG_RUNTIME_DIR", dir.toString());
        Process process = builder.start();
        PulseDaemon daemon = new PulseDaemon(process, socket);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!daemon.answers()) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                daemon.close();
                throw new IOException("pulseaudio did not start; see " + dir.resolve("pulseaudio.log"));
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        return daemon;
    }

    Path socket() {
        return socket;
    }

    private boolean answers() throws IOException, InterruptedException {
        if (!Files.exists(socket)) {
            return false;
        }
        Process info = new ProcessBuilder("pactl", "--server=unix:" + socket, "info")
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        return info.waitFor(5, TimeUnit.SECONDS) && info.exitValue() == 0;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
