package dev.reel.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.sound.sampled.AudioFormat;

/**
 * What reached the ALSA file device of the tests: the directory named by the system property
 * {@code reel.alsa.capture}, holding {@code cap.<FORMAT>.<RATE>.<CHANNELS>.raw} files that each
 * line opening appends to. Read the files after the line is closed (ALSA writes them in periods).
 * Static and stateless; tests that use it must not run in parallel.
 */
public final class AlsaCapture {

    private AlsaCapture() {
    }

    /** The capture directory. */
    public static Path dir() {
        String dir = System.getProperty("reel.alsa.capture");
        if (dir == null) {
            throw new IllegalStateException("system property reel.alsa.capture is not set (run under Surefire)");
        }
        return Paths.get(dir);
    }

    /** Deletes every capture file. */
    public static void clear() throws IOException {
        Files.createDirectories(dir());
        for (Path file : files()) {
            Files.delete(file);
        }
    }

    /** The capture files, sorted by name. */
    public static List<Path> files() throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir(), "cap.*.raw")) {
            stream.forEach(files::add);
        }
        Collections.sort(files);
        return files;
    }

    /**
     * The capture file for a format as ALSA names it ({@code S16_LE}, {@code S24_3LE}, ...).
     * Need not exist yet.
     */
    public static Path file(String alsaFormat, int rate, int channels) {
        return dir().resolve("cap." + alsaFormat + "." + rate + "." + channels + ".raw");
    }

    /** The capture file a Java line opened in {@code format} writes to. */
    public static Path file(AudioFormat format) {
        return file(alsaName(format), Math.round(format.getSampleRate()), format.getChannels());
    }

    /** Everything captured for a Java line in {@code format}; empty when nothing was played. */
    public static byte[] read(AudioFormat format) {
        Path file = file(format);
        try {
            return Files.exists(file) ? Files.readAllBytes(file) : new byte[0];
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits until the capture for {@code format} holds at least {@code bytes} bytes, woken by
     * file-system events (a timed wait as a fallback where they are not delivered).
     *
     * @return the capture's bytes
     * @throws AssertionError when the time runs out first
     */
    public static byte[] await(AudioFormat format, long bytes, Duration timeout)
            throws IOException, InterruptedException {
        Path file = file(format);
        long deadline = System.nanoTime() + timeout.toNanos();
        try (WatchService watcher = dir().getFileSystem().newWatchService()) {
            dir().register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
            while (!Files.exists(file) || Files.size(file) < bytes) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError(file + " did not reach " + bytes + " bytes in " + timeout);
                }
                WatchKey key = watcher.poll(Math.min(left, TimeUnit.MILLISECONDS.toNanos(200)), TimeUnit.NANOSECONDS);
                if (key != null) {
                    key.pollEvents();
                    key.reset();
                }
            }
        }
        return read(format);
    }

    /**
     * ALSA's name for the format Java opens for {@code format}: Java opens unsigned 8-bit as S8
     * and big-endian as little-endian.
     */
    public static String alsaName(AudioFormat format) {
        int bits = format.getSampleSizeInBits();
        int bytes = format.getFrameSize() / format.getChannels();
        if (bits == 8) {
            return "S8";
        }
        if (bits == 24 && bytes == 3) {
            return "S24_3LE";
        }
        return "S" + bits + "_LE";
    }
}
