package dev.reel.bench.audio;

import dev.reel.audio.AudioListener;
import dev.reel.audio.BlockWriter;
import dev.reel.audio.BlockWriterConfig;
import dev.reel.audio.LineSink;
import dev.reel.audio.PcmInput;
import dev.reel.audio.Underrun;
import dev.reel.bench.e2e.TreeCpu;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sound.sampled.AudioFormat;

/**
 * CPU cost of playing 44.1 kHz 16-bit stereo in real time: Reel's {@link BlockWriter} on a
 * {@link LineSink} against {@code aplay}, both on a PulseAudio null sink reached through ALSA's
 * {@code type pulse} (so the device is paced like a sound card, and no sound card is needed).
 *
 * <p>The program starts its own {@code pulseaudio} (private runtime directory, a
 * {@code module-null-sink} as default sink), writes an ALSA config whose default device is
 * PulseAudio, renders a WAV file, runs itself again in a child JVM with that config (Java Sound
 * reads {@code ALSA_CONFIG_PATH} only at start), runs {@code aplay} on the same file (measured
 * over as long a window after as long a warm-up, every thread of it), prints a table and stops its
 * {@code pulseaudio}. Needs packages {@code pulseaudio},
 * {@code libasound2-plugins} and {@code alsa-utils}.
 *
 * <p>Usage: {@code AudioCpuBench [SECONDS [BLOCK_MS [WARMUP_SECONDS [reel|plain]]]]} (default 30 s
 * measured after a 20 s warm-up, 2 blocks of 100 ms, the measuring JVM run with the options
 * {@code reel play}'s launcher uses; {@code plain} runs it with the JVM's defaults). Besides the
 * audio thread and the whole JVM it prints every thread that used at least 0.01 % of a core, and
 * the bytes the audio thread allocated while playing (up to a second before the input ends).
 */
public final class AudioCpuBench {

    private static final AudioFormat FORMAT = new AudioFormat(44100, 16, 2, true, false);
    private static final String CHILD = "REEL_BENCH_CHILD";
    /** The compiler commands the launcher passes, relative to the repository's root (where this runs). */
    private static final Path COMPILE_COMMANDS = Path.of("app/src/main/launcher/playing.compile");
    /** The heap, GC and JIT options {@code app/src/main/launcher/reel} runs {@code reel play} with. */
    private static final List<String> REEL_PLAY_OPTIONS = List.of("-XX:TieredStopAtLevel=1",
            "-XX:CompileThresholdScaling=2", "-XX:+UseSerialGC", "-XX:CompileCommandFile=" + COMPILE_COMMANDS,
            "-XX:-UsePerfData", "-Xss512k", "-XX:StackShadowPages=10", "-Xms8m", "-Xmn5m", "-XX:TLABSize=8k",
            "-Xmx64m", "-XX:MaxMetaspaceSize=64m", "-XX:ReservedCodeCacheSize=16m", "-XX:CICompilerCount=1",
            "-XX:+UnlockDiagnosticVMOptions", "-XX:GuaranteedSafepointInterval=0", "-XX:AsyncDeflationInterval=0");

    private AudioCpuBench() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int blockMillis = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int warmup = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        boolean plainJvm = args.length > 3 && args[3].equals("plain");
        if (args.length > 3 && !plainJvm && !args[3].equals("reel")) {
            throw new IllegalArgumentException("JVM is 'reel' (the launcher's options) or 'plain', not " + args[3]);
        }
        if (System.getenv(CHILD) != null) {
            measureReel(Path.of(System.getenv(CHILD)), seconds, blockMillis, warmup);
            return;
        }
        Path work = Files.createTempDirectory("reel-audio-bench");
        Path runtime = Files.createDirectories(work.resolve("pulse"));
        Path wav = work.resolve("tone.wav");
        writeTone(wav, seconds + warmup);
        Path alsaConf = work.resolve("asound.conf");
        writeAlsaConfig(alsaConf);
        Map<String, String> env = Map.of("PULSE_RUNTIME_PATH", runtime.toString(),
                "ALSA_CONFIG_PATH", alsaConf.toString());
        run(env, "pulseaudio", "--daemonize=yes", "--exit-idle-time=-1", "-n", "--use-pid-file=yes",
                "--load=module-native-protocol-unix", "--load=module-null-sink sink_name=reel_bench",
                "--load=module-always-sink");
        try {
            System.out.printf("%-34s %9s %12s %12s %10s%n", "player (" + seconds + " s after " + warmup + " s warm-up)",
                    "wall s", "cpu ms", "cpu/wall %", "underruns");
            List<String> child = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
            if (!plainJvm) {
                if (!Files.isRegularFile(COMPILE_COMMANDS)) {
                    throw new IllegalStateException("no " + COMPILE_COMMANDS + ": run from the repository's root");
                }
                child.addAll(REEL_PLAY_OPTIONS);
            }
            child.addAll(List.of("-cp", System.getProperty("java.class.path"), AudioCpuBench.class.getName(),
                    String.valueOf(seconds), String.valueOf(blockMillis), String.valueOf(warmup)));
            System.out.println("measuring JVM: " + (plainJvm ? "default options" : String.join(" ", REEL_PLAY_OPTIONS)));
            ProcessBuilder reel = new ProcessBuilder(child).inheritIO();
            reel.environment().putAll(env);
            reel.environment().put(CHILD, wav.toString());
            if (reel.start().waitFor() != 0) {
                throw new IllegalStateException("the measuring JVM failed");
            }
            measureAplay(env, wav, seconds, warmup);
        } finally {
            run(env, "pulseaudio", "--kill");
            try {
                deleteTree(work);
            } catch (IOException e) {
                System.err.println("could not remove " + work + ": " + e.getMessage());
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    private static void measureReel(Path wav, int seconds, int blockMillis, int warmup) throws Exception {
        AtomicLong underruns = new AtomicLong();
        CountDownLatch first = new CountDownLatch(1);
        CountDownLatch drained = new CountDownLatch(1);
        AudioListener listener = new AudioListener() {
            @Override
            public void firstBlock(long frame) {
                first.countDown();
            }

            @Override
            public void underrun(Underrun underrun) {
                underruns.incrementAndGet();
            }

            @Override
            public void drained() {
                drained.countDown();
            }
        };
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        try (FileChannel file = FileChannel.open(wav);
                BlockWriter writer = new BlockWriter(new LineSink(null),
                        new BlockWriterConfig(2, Duration.ofMillis(blockMillis)), listener)) {
            file.position(44);
            writer.start(FORMAT, new FileInput(file), 0);
            first.await();
            long self = ProcessHandle.current().pid();
            // Once before the window, so that loading and linking the reader is not counted in it.
            TreeCpu.open(self).close();
            Thread.sleep(TimeUnit.SECONDS.toMillis(warmup));
            Thread audio = audioThread();
            long underrunsBefore = underruns.get();
            long wall0 = System.nanoTime();
            long thread0 = threads.getThreadCpuTime(audio.getId());
            long allocated0 = threads.getThreadAllocatedBytes(audio.getId());
            TreeCpu jvm = TreeCpu.open(self);
            // Allocation is read a second before the input ends: the steady state, not the drain.
            Thread.sleep(TimeUnit.SECONDS.toMillis(seconds - 1));
            long allocated = threads.getThreadAllocatedBytes(audio.getId()) - allocated0;
            drained.await();
            long wall = System.nanoTime() - wall0;
            long thread = threads.getThreadCpuTime(audio.getId()) - thread0;
            TreeCpu.Window window = jvm.close();
            row("reel 2x" + blockMillis + " ms: reel-audio thread", wall, thread, underruns.get() - underrunsBefore);
            row("reel 2x" + blockMillis + " ms: whole JVM", wall, window.cpuNanos(), underruns.get() - underrunsBefore);
            for (TreeCpu.ThreadUse use : window.threads()) {
                if (use.cpuNanos() * 10000 >= wall) {
                    row("  thread " + use.name(), wall, use.cpuNanos(), -1);
                }
            }
            System.out.printf("reel-audio allocated %d bytes in the first %d s measured%n", allocated, seconds - 1);
        }
    }

    private static Thread audioThread() {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (t.getName().equals("reel-audio")) {
                return t;
            }
        }
        throw new IllegalStateException("no reel-audio thread");
    }

    /**
     * aplay's CPU over the same window as Reel's (the same warm-up first, so that its start is not
     * counted), every thread to the nanosecond with {@link TreeCpu}; then it plays to the end.
     */
    private static void measureAplay(Map<String, String> env, Path wav, int seconds, int warmup) throws Exception {
        ProcessBuilder aplay = new ProcessBuilder("aplay", "-q", wav.toString());
        aplay.environment().putAll(env);
        aplay.redirectError(ProcessBuilder.Redirect.INHERIT);
        Process p = aplay.start();
        try {
            Thread.sleep(TimeUnit.SECONDS.toMillis(warmup));
            TreeCpu cpu = TreeCpu.open(p.pid());
            // A second short of the file's end, so that aplay's drain and exit stay outside it.
            Thread.sleep(TimeUnit.SECONDS.toMillis(seconds - 1));
            TreeCpu.Window window = cpu.close();
            row("aplay (" + (seconds - 1) + " s after " + warmup + " s)", window.wallNanos(), window.cpuNanos(), -1);
            for (TreeCpu.ThreadUse use : window.threads()) {
                row("  thread " + use.name(), window.wallNanos(), use.cpuNanos(), -1);
            }
            if (p.waitFor() != 0) {
                throw new IllegalStateException("aplay failed with exit code " + p.exitValue());
            }
        } finally {
            p.destroy();
        }
    }

    private static void row(String name, long wallNanos, long cpuNanos, long underruns) {
        System.out.printf("%-34s %9.2f %12.1f %12.3f %10s%n", name, wallNanos / 1e9, cpuNanos / 1e6,
                100.0 * cpuNanos / wallNanos, underruns < 0 ? "-" : String.valueOf(underruns));
    }

    private static void run(Map<String, String> env, String... command) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).inheritIO();
        pb.environment().putAll(env);
        int code = pb.start().waitFor();
        if (code != 0) {
            throw new IllegalStateException(String.join(" ", command) + " exited with " + code);
        }
    }

    private static void writeAlsaConfig(Path file) throws IOException {
        // alsa.conf without its @hooks (they load conf.d, which would redefine the default).
        String base = Files.readString(Path.of("/usr/share/alsa/alsa.conf"))
                .replaceAll("(?ms)^@hooks \\[.*?^\\]", "");
        Files.writeString(file, base + "\npcm.!default { type pulse }\nctl.!default { type pulse }\n");
    }

    private static void writeTone(Path file, int seconds) throws IOException {
        int frames = 44100 * seconds;
        ByteBuffer b = ByteBuffer.allocate(44 + frames * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + frames * 4)
                .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII)).putInt(16).putShort((short) 1)
                .putShort((short) 2).putInt(44100).putInt(44100 * 4).putShort((short) 4).putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(frames * 4);
        for (int i = 0; i < frames; i++) {
            short s = (short) (8000 * Math.sin(2 * Math.PI * 440 * i / 44100.0));
            b.putShort(s).putShort(s);
        }
        Files.write(file, b.array());
    }

    /** The WAV file's data, read straight from the file on the audio thread. */
    private static final class FileInput implements PcmInput {
        private final FileChannel file;

        FileInput(FileChannel file) {
            this.file = file;
        }

        @Override
        public int read(ByteBuffer dst) throws IOException {
            return file.read(dst);
        }

        @Override
        public void close() {
        }
    }
}
