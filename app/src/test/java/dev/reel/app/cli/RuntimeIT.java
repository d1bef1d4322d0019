package dev.reel.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.reel.testkit.AlsaCapture;
import dev.reel.testkit.RangeServer;
import dev.reel.testkit.Signals;
import dev.reel.testkit.WavBuilder;
import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.sound.sampled.AudioFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Java runtime the build links for the launcher ({@code runtime/}): its logger finder, its
 * security configuration, TLS through it, and the window on it.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class RuntimeIT {

    private static final String PASSWORD = "changeit";
    private static final AudioFormat S16_STEREO = new AudioFormat(44100, 16, 2, true, false);

    @TempDir
    Path dir;

    private Path home;
    private Path runtime;

    /** Only a JDK without jmods (which jlink needs up to JDK 23) may leave the launcher without one. */
    @BeforeEach
    void findRuntime() {
        home = Path.of(System.getProperty("reel.launcher")).getParent().getParent();
        runtime = home.resolve("runtime");
        boolean linkable = Files.isDirectory(Path.of(System.getProperty("java.home"), "jmods"));
        assumeTrue(linkable || Files.exists(runtime), "this JDK has no jmods to link a runtime from");
        assertThat(runtime.resolve("bin/java")).as("see target/reel-jlink.log").isExecutable();
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
    void itListsTheSecurityProvidersItLinksAndTrustsWhatTheJdkTrusts() throws Exception {
        Launcher.Result run = probe();

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.outLines().get(1)).isEqualTo("SUN,SunRsaSign,SunEC,SunJSSE,SunJCE,JdkLDAP");
        try (Stream<String> lines = Files.lines(runtime.resolve("conf/security/java.security"))) {
            assertThat(lines.filter(line -> line.startsWith("security.provider."))).containsExactly(
                    "security.provider.1=SUN", "security.provider.2=SunRsaSign", "security.provider.3=SunEC",
                    "security.provider.4=SunJSSE", "security.provider.5=SunJCE", "security.provider.6=JdkLDAP");
        }
        assertThat(Files.readAllBytes(runtime.resolve("lib/security/cacerts")))
                .isEqualTo(Files.readAllBytes(Path.of(System.getProperty("java.home"), "lib/security/cacerts")));
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
            // REEL_JAVA_OPTS is split at spaces: a path relative to the working directory has none.
            Path relativeTrust = Path.of("").toAbsolutePath().relativize(trust);

            Launcher.Result run = Launcher.run(Map.of("REEL_JAVA_OPTS", "-Djavax.net.ssl.trustStore=" + relativeTrust
                    + " -Djavax.net.ssl.trustStorePassword=" + PASSWORD), 30, "save", url, saved.toString());

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(Files.readAllBytes(saved)).isEqualTo(wav);
        } finally {
            server.stop(0);
        }
    }

    /**
     * The window (JavaFX on the class path, headless through Monocle) on the runtime plays a URL
     * given on the command line to the device.
     */
    @Test
    void theWindowPlaysAUrlOnTheRuntime() throws Exception {
        byte[] data = Signals.pcm(4, 44100);
        AlsaCapture.clear();
        // The window's settings at full volume (its default is 80 %), in java.util.prefs' file format.
        Path settings = Files.createDirectories(dir.resolve("prefs/.java/.userPrefs/dev/reel/gui"));
        Files.writeString(settings.resolve("prefs.xml"), """
                <?xml version="1.0" encoding="UTF-8" standalone="no"?>
                <!DOCTYPE map SYSTEM "http://java.sun.com/dtd/preferences.dtd">
                <map MAP_XML_VERSION="1.0">
                  <entry key="volume" value="100"/>
                </map>
                """);
        try (RangeServer server = RangeServer.start()) {
            server.add("/w.wav", WavBuilder.pcm(16, 44100, 2).data(data).build(), "audio/wav");
            List<String> command = List.of(runtime.resolve("bin/java").toString(),
                    "-cp", windowClassPath() + ":" + jarOf("com/sun/glass/ui/monocle/MonoclePlatformFactory.class"),
                    "-Dglass.platform=Monocle", "-Dmonocle.platform=Headless", "-Dprism.order=sw",
                    "-Dprism.text=t2k", "-Djava.util.prefs.userRoot=" + dir.resolve("prefs"),
                    "dev.reel.app.Main", server.url("/w.wav"));
            Launcher.Running window = Launcher.start(new ProcessBuilder(command));
            try {
                // The device's last buffer reaches the capture file only when the line closes: half
                // the signal, byte for byte, is past any buffer.
                byte[] captured = AlsaCapture.await(S16_STEREO, data.length / 2, Duration.ofSeconds(60));

                assertThat(captured).as(Files.readString(window.err()))
                        .isEqualTo(Arrays.copyOf(data, captured.length));
            } finally {
                window.process().destroy();
                window.await(10);
            }
        }
    }

    /** The launcher's class path for the window, as the build wrote it into bin/reel. */
    private String windowClassPath() throws IOException {
        try (Stream<String> lines = Files.lines(home.resolve("bin/reel"))) {
            String line = lines.filter(l -> l.startsWith("REEL_CP=")).findFirst().orElseThrow();
            return Arrays.stream(line.substring("REEL_CP=".length()).split(":"))
                    .map(entry -> entry.replace("$LIB", home.resolve("lib").toString()))
                    .collect(Collectors.joining(":"));
        }
    }

    private static String jarOf(String resource) throws Exception {
        URL url = ClassLoader.getSystemResource(resource);
        String path = url.getPath();
        return Path.of(new java.net.URI(path.substring(0, path.indexOf('!')))).toString();
    }

    /** Runs {@link RuntimeProbe} on the runtime with only the test classes on its class path. */
    private Launcher.Result probe() throws Exception {
        Path classes = Path.of(RuntimeProbe.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        // English, so that java.util.logging's level names are; no option from the environment.
        ProcessBuilder builder = new ProcessBuilder(runtime.resolve("bin/java").toString(), "-Duser.language=en",
                "-Duser.country=US", "-cp", classes.toString(), RuntimeProbe.class.getName());
        builder.environment().remove("JAVA_TOOL_OPTIONS");
        builder.environment().remove("JDK_JAVA_OPTIONS");
        return Launcher.start(builder).await(30);
    }

    /** Runs the test JDK's keytool; returns the keystore it wrote (the argument after -keystore). */
    private static Path keytool(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(args));
        command.addAll(List.of("-storepass", PASSWORD));
        Launcher.Result run = Launcher.start(new ProcessBuilder(command)).await(30);
        assertThat(run.exitCode()).as(run.out() + run.err()).isZero();
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
