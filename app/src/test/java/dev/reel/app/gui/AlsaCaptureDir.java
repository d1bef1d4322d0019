package dev.reel.app.gui;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The folder where the tests' ALSA "default" device writes what is played: one file per line
 * opening, {@code cap.S16_LE.44100.2.raw}, then {@code ….raw.0001} and so on (see ARCHITECTURE.md).
 */
final class AlsaCaptureDir {

    private static final String CD = "cap.S16_LE.44100.2.raw";

    private AlsaCaptureDir() {
    }

    static Path dir() {
        return Path.of(System.getProperty("reel.alsa.capture"));
    }

    static void clear() throws IOException {
        Files.createDirectories(dir());
        for (Path file : files("cap.")) {
            Files.deleteIfExists(file);
        }
    }

    /** Bytes captured so far for 16-bit stereo at 44.1 kHz, over all line openings. */
    static long cdBytes() {
        long total = 0;
        try {
            for (Path file : files(CD)) {
                total += Files.size(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return total;
    }

    /** Everything played as 16-bit stereo at 44.1 kHz, the line openings in order. */
    static byte[] cd() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Path file : files(CD)) {
            out.writeBytes(Files.readAllBytes(file));
        }
        return out.toByteArray();
    }

    /** The capture files whose names start with {@code prefix}, in the order they were opened. */
    private static List<Path> files(String prefix) throws IOException {
        try (Stream<Path> files = Files.list(dir())) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).sorted().toList();
        }
    }
}
