package dev.reel.app.cli;

import dev.reel.testkit.RangeServer;
import dev.reel.testkit.Signals;
import dev.reel.testkit.WavBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Build tooling, not a test: makes the launcher's class-data archive ({@code lib/reel.jsa}) at
 * package time. It records the classes {@code reel play} loads for a file, for an HTTP URL (a
 * loopback range server here, as in the benchmark) and for an HTTP URL with {@code --json}, then
 * dumps a static archive of all three lists with the launcher's exact classpath. Several runs,
 * because a dynamic archive (JDK 17) records only one and the HTTP path (OkHttp, Kotlin, TLS
 * set-up) is where most start-up time goes. The stream is 3 s of CD audio, played to its end: long
 * enough that the spool spills to its file and the writer meets the end of the download, so the
 * classes of the first second of playing come from the archive too, not only those up to the first
 * audio.
 *
 * <p>Arguments: the launcher script, the archive to write, a scratch directory. Plays into the
 * ALSA device of {@code ALSA_CONFIG_PATH} (the build points it at the tests' file device).
 */
public final class CdsTraining {

    private static final long RUN_SECONDS = 60;
    private static final int RATE = 44_100;
    private static final int CHANNELS = 2;
    private static final int FRAME = 4;
    private static final int SECONDS = 3;

    private CdsTraining() {
    }

    public static void main(String[] args) throws Exception {
        Path launcher = Path.of(args[0]);
        Path archive = Path.of(args[1]);
        Path work = Files.createDirectories(Path.of(args[2]));
        byte[] wav = WavBuilder.pcm(16, RATE, CHANNELS).data(Signals.pcm(FRAME, SECONDS * RATE)).build();
        Path file = Files.write(work.resolve("cds.wav"), wav);
        List<Path> lists = new ArrayList<>();
        try (RangeServer server = RangeServer.start()) {
            server.add("/cds.wav", wav, "audio/wav");
            String url = server.url("/cds.wav");
            lists.add(record(launcher, work, "file", "play", file.toString()));
            lists.add(record(launcher, work, "http", "play", "--start=0.000", url));
            lists.add(record(launcher, work, "json", "play", "--json", "--start", "1", url));
        }
        Path classes = work.resolve("cds.classlist");
        Files.deleteIfExists(classes);
        for (Path list : lists) {
            if (Files.exists(list)) {
                Files.write(classes, Files.readAllBytes(list), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            }
        }
        int dumped = reel(launcher, "-Xshare:dump -XX:SharedClassListFile=" + classes
                + " -XX:SharedArchiveFile=" + archive, "--help");
        System.exit(dumped);
    }

    /**
     * Runs the launcher with {@code args}, recording the classes it loads; returns the list's file.
     * A run that fails (no audio device) still lists what it loaded, which the archive takes.
     */
    private static Path record(Path launcher, Path work, String name, String... args)
            throws IOException, InterruptedException {
        Path list = work.resolve("cds-" + name + ".classlist");
        Files.deleteIfExists(list);
        reel(launcher, "-XX:DumpLoadedClassList=" + list, args);
        return list;
    }

    /** Runs the launcher with extra JVM options; returns its exit code. */
    private static int reel(Path launcher, String javaOptions, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(launcher.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
        builder.environment().put("REEL_JAVA_OPTS", javaOptions);
        Process process = builder.start();
        if (!process.waitFor(RUN_SECONDS, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(command + " did not finish in " + RUN_SECONDS + " s");
        }
        System.out.println(command + " exited with " + process.exitValue());
        return process.exitValue();
    }
}
