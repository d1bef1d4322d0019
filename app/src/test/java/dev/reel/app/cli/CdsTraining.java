package dev.reel.app.cli;

import com.sun.net.httpserver.HttpServer;
import dev.reel.testkit.Signals;
import dev.reel.testkit.WavBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Build tooling, not a test: makes the launcher's class-data archive ({@code lib/reel.jsa}) at
 * package time. It records the classes {@code reel play} loads for a file and for an HTTP URL
 * (a loopback server here), then dumps a static archive of both lists with the launcher's exact
 * classpath. Two runs, because a dynamic archive (JDK 17) records only one and the HTTP path
 * (OkHttp, Kotlin, TLS set-up) is where most start-up time goes.
 *
 * <p>Arguments: the launcher script, the archive to write, a scratch directory. Plays into the
 * ALSA device of {@code ALSA_CONFIG_PATH} (the build points it at the tests' file device).
 */
public final class CdsTraining {

    private static final long RUN_SECONDS = 60;

    private CdsTraining() {
    }

    public static void main(String[] args) throws Exception {
        Path launcher = Path.of(args[0]);
        Path archive = Path.of(args[1]);
        Path work = Files.createDirectories(Path.of(args[2]));
        byte[] wav = WavBuilder.pcm(16, 8000, 1).data(Signals.pcm(2, 1600)).build();
        Path file = Files.write(work.resolve("cds.wav"), wav);
        Path fileClasses = work.resolve("cds-file.classlist");
        Path httpClasses = work.resolve("cds-http.classlist");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/cds.wav", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "audio/wav");
            exchange.sendResponseHeaders(200, wav.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(wav);
            }
        });
        server.start();
        try {
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + "/cds.wav";
            reel(launcher, "-XX:DumpLoadedClassList=" + fileClasses, "play", file.toString());
            reel(launcher, "-XX:DumpLoadedClassList=" + httpClasses, "play", "--start", "0.1", url);
        } finally {
            server.stop(0);
        }
        Path classes = work.resolve("cds.classlist");
        Files.write(classes, Files.readAllBytes(fileClasses));
        Files.write(classes, Files.readAllBytes(httpClasses), StandardOpenOption.APPEND);
        int dumped = reel(launcher, "-Xshare:dump -XX:SharedClassListFile=" + classes
                + " -XX:SharedArchiveFile=" + archive, "--help");
        System.exit(dumped);
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
