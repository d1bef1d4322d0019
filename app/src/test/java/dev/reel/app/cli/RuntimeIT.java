package dev.reel.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.reel.testkit.Signals;
import dev.reel.testkit.WavBuilder;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java runtime the build links for the launcher ({@code runtime/}): its logger finder, its
 * security providers, and TLS through it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RuntimeIT {

    private static final String PASSWORD = "changeit";

    @TempDir
    Path dir;

    private Path runtime;

    @BeforeEach
    void findRuntime() {
        runtime = Path.of(System.getProperty("reel.launcher")).getParent().resolveSibling("runtime");
        assumeTrue(Files.isExecutable(runtime.resolve("bin/java")),
                "no linked runtime: the building JDK has no jmods (see target/reel-jlink.log)");
    }

    @Test
    void platformLoggersLogThroughJavaUtilLoggingAndItsLevels() throws Exception {
        Launcher.Result run = probe();

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.outLines().get(0)).isEqualTo("dev.reel.runtime.JulLoggerFinder");
        assertThat(run.errLines()).hasSize(2);
        assertThat(run.errLines().get(0)).endsWith(" " + RuntimeProbe.class.getName() + " main");
        assertThat(run.errLines().get(1)).isEqualTo("WARNING: probe 42");
    }

    @Test
    void theProvidersListedAreTheProvidersLinked() throws Exception {
        Launcher.Result run = probe();

        assertThat(run.outLines().get(1)).isEqualTo("SUN,SunRsaSign,SunEC,SunJSSE,SunJCE,JdkLDAP");
    }

    @Test
    void savesAnHttpsUrlByteForByte() throws Exception {
        Path keys = keytool("-genkeypair", "-alias", "reel", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=127.0.0.1", "-ext", "san=ip:127.0.0.1", "-validity", "2",
                "-storetype", "PKCS12", "-keystore", dir.resolve("keys.p12").toString());
        Path cert = dir.resolve("reel.crt");
        keytool("-exportcert", "-alias", "reel", "-keystore", keys.toString(), "-file", cert.toString());
        Path trust = keytool("-importcert", "-noprompt", "-alias", "reel", "-file", cert.toString(),
                "-storetype", "PKCS12", "-keystore", dir.resolve("trust.p12").toString());
        byte[] wav = WavBuilder.pcm(16, 44100, 2).data(Signals.pcm(4, 44100)).build();
        HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(serverContext(keys)));
        server.createContext("/a.wav", exchange -> {
            exchange.getResponseHeaders().set("Content-Type", "audio/wav");
            exchange.sendResponseHeaders(200, wav.length);
            try (OutputStream body = exchange.getResponseBody()) {
                body.write(wav);
            }
        });
        server.start();
        try {
            Path saved = dir.resolve("saved.wav");
            String url = "https://127.0.0.1:" + server.getAddress().getPort() + "/a.wav";

            Launcher.Result run = Launcher.run(Map.of("REEL_JAVA_OPTS", "-Djavax.net.ssl.trustStore=" + trust
                    + " -Djavax.net.ssl.trustStorePassword=" + PASSWORD), 30, "save", url, saved.toString());

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(Files.readAllBytes(saved)).isEqualTo(wav);
        } finally {
            server.stop(0);
        }
    }

    /** Runs {@link RuntimeProbe} on the runtime with only the test classes on its class path. */
    private Launcher.Result probe() throws Exception {
        Path classes = Path.of(RuntimeProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path out = dir.resolve("probe-out.txt");
        Path err = dir.resolve("probe-err.txt");
        Process process = new ProcessBuilder(runtime.resolve("bin/java").toString(), "-cp", classes.toString(),
                RuntimeProbe.class.getName()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return new Launcher.Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    /** Runs the test JDK's keytool; returns the keystore it wrote (the argument after -keystore). */
    private static Path keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        command.addAll(List.of("-storepass", PASSWORD));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return Path.of(args[List.of(args).indexOf("-keystore") + 1]);
    }

    private static SSLContext serverContext(Path keys) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = new FileInputStream(keys.toFile())) {
            store.load(in, PASSWORD.toCharArray());
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(store, PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(factory.getKeyManagers(), null, null);
        return context;
    }
}
