package dev.reel.app.cli;

import dev.reel.testkit.AlsaCapture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sound.sampled.AudioFormat;

/**
 * The ALSA file device's captures including reopenings: ALSA writes a line opened again in the
 * same format to {@code cap….raw.0001}, {@code .0002}, …, which {@link AlsaCapture} does not list.
 */
final class Captures {

    private Captures() {
    }

    /** Deletes every capture file, numbered ones too. */
    static void clear() throws IOException {
        Files.createDirectories(AlsaCapture.dir());
        for (Path file : files("cap.*")) {
            Files.delete(file);
        }
    }

    /** Every capture file, numbered ones too. */
    static List<Path> all() throws IOException {
        return files("cap.*");
    }

    /** What every opening of a line in {@code format} received, in order. */
    static byte[] read(AudioFormat format) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (Path file : files(AlsaCapture.file(format).getFileName() + "*")) {
            all.write(Files.readAllBytes(file));
        }
        return all.toByteArray();
    }

    private static List<Path> files(String glob) throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(AlsaCapture.dir(), glob)) {
            stream.forEach(files::add);
        }
        Collections.sort(files);
        return files;
    }
}
