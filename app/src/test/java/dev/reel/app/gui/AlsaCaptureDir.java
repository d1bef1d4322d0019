package dev.reel.app.gui;

import dev.reel.testkit.AlsaCapture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * What the tests' ALSA "default" device captured as 16-bit stereo at 44.1 kHz over all line
 * openings: the window plays each queue entry on a line of its own, and a reopening writes
 * {@code cap.S16_LE.44100.2.raw.0001} and so on next to the first file, which testkit's
 * {@link AlsaCapture#files} and {@link AlsaCapture#read} do not see.
 */
final class AlsaCaptureDir {

    private static final String CD = "cap.S16_LE.44100.2.raw";

    private AlsaCaptureDir() {
    }

    /** Deletes every capture file, the reopenings' ones too. */
    static void clear() throws IOException {
        Files.createDirectories(AlsaCapture.dir());
        for (Path file : files("cap.")) {
            Files.delete(file);
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
        try (Stream<Path> files = Files.list(AlsaCapture.dir())) {
            return files.filter(f -> f.getFileName().toString().startsWith(prefix)).sorted().toList();
        }
    }
}
