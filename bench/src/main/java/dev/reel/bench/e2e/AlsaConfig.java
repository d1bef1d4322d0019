package dev.reel.bench.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;

/**
 * Writes ALSA configurations that make a process's "default" device either the file capture of
 * ARCHITECTURE.md (not paced; what is played lands in {@code cap.%f.%r.%c.raw}) or a PulseAudio
 * server (paced in real time by its null sink). A process uses one through
 * {@code ALSA_CONFIG_PATH}. Stateless.
 */
final class AlsaConfig {

    private static final Path SYSTEM_CONFIG = Path.of("/usr/share/alsa/alsa.conf");
    /** alsa.conf's top-level hooks load /etc/alsa/conf.d, where PulseAudio would redefine "default". */
    private static final Pattern HOOKS = Pattern.compile("^@hooks \\[.*?^\\]", Pattern.MULTILINE | Pattern.DOTALL);

    private AlsaConfig() {
    }

    /** A config whose default device writes into {@code captureDir}. */
    static Path fileCapture(Path configFile, Path captureDir) throws IOException {
        Files.createDirectories(captureDir);
        return write(configFile, "pcm.!default {\n  type file\n  slave.pcm \"null\"\n  file \""
                + captureDir.toAbsolutePath() + "/cap.%f.%r.%c.raw\"\n  format \"raw\"\n  truncate false\n}\n");
    }

    /** A config whose default device plays to the PulseAudio server at {@code socket}. */
    static Path pulse(Path configFile, Path socket) throws IOException {
        String server = "unix:" + socket.toAbsolutePath();
        return write(configFile, "pcm.!default { type pulse server \"" + server + "\" }\n"
                + "ctl.!default { type pulse server \"" + server + "\" }\n");
    }

    private static Path write(Path configFile, String defaultDevice) throws IOException {
        String system = HOOKS.matcher(Files.readString(SYSTEM_CONFIG)).replaceAll("");
        Files.createDirectories(configFile.getParent());
        Files.writeString(configFile, system + "\n" + defaultDevice);
        return configFile;
    }
}
