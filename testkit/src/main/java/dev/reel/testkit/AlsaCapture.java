package dev.reel.testkit;

import java.io.ByteArrayOutputStream;
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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sound.sampled.AudioFormat;

/**
 * What reached the ALSA file device of the tests: the directory named by the system property
 * {@code reel.alsa.capture}. The first opening of a line in a format creates
 * {@code cap.<FORMAT>.<RATE>.<CHANNELS>.raw}; as the device does not truncate, each later opening
 * in that format writes the first free of {@code .raw.0001} to {@code .raw.9999} instead. This
 * class reads such a series as one capture, the openings in order, which holds as long as the
 * series has no gaps (ALSA would fill a gap first): clear the directory only with {@link #clear}.
 * Read the files after the line is closed (ALSA writes them in periods). Static and stateless;
 * tests that use it must not run in parallel.
 */
public final class AlsaCapture {

    /** A capture file's name: the base name of its series, then a reopening's four-digit number. */
    private static final Pattern NAME = Pattern.compile("(cap\\..*\\.raw)(?:\\.\\d{4})?");

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

    /** Deletes every capture file, the reopenings' numbered ones too. */
    public static void clear() throws IOException {
        Files.createDirectories(dir());
        for (Path file : files()) {
            Files.delete(file);
        }
    }

    /**
     * The capture files, numbered ones too, sorted by name: each series' base file, then its
     * reopenings' files in the order of the openings.
     */
    public static List<Path> files() throws IOException {
        List<Path> files = new ArrayList<>();
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(dir(), "cap.*.raw*")) {
            for (Path file : stream) {
                if (NAME.matcher(file.getFileName().toString()).matches()) {
                    files.add(file);
                }
            }
        }
        Collections.sort(files);
        return files;
    }

    /**
     * The capture file the first opening of a line in a format writes, the format as ALSA names
     * it ({@code S16_LE}, {@code S24_3LE}, ...). Need not exist yet.
     */
    public static Path file(String alsaFormat, int rate, int channels) {
        return dir().resolve("cap." + alsaFormat + "." + rate + "." + channels + ".raw");
    }

    /** The capture file the first opening of a Java line in {@code format} writes. */
    public static Path file(AudioFormat format) {
        return file(alsaName(format), Math.round(format.getSampleRate()), format.getChannels());
    }

    /** The capture files of every opening of a Java line in {@code format}, in order. */
    public static List<Path> files(AudioFormat format) throws IOException {
        String series = file(format).getFileName().toString();
        List<Path> files = new ArrayList<>(files());
        files.removeIf(file -> !series(file).equals(series));
        return files;
    }

    /**
     * Everything captured for Java lines in {@code format}, the openings in order; empty when
     * nothing was played.
     */
    public static byte[] read(AudioFormat format) {
        try {
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            for (Path file : files(format)) {
                all.writeBytes(Files.readAllBytes(file));
            }
            return all.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many bytes were captured so far for Java lines in {@code format}, over all openings. */
    public static long size(AudioFormat format) {
        try {
            long size = 0;
            for (Path file : files(format)) {
                size += Files.size(file);
            }
            return size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits until the capture for {@code format}, over all openings, holds at least {@code bytes}
     * bytes, woken by file-system events (a timed wait as a fallback where they are not delivered).
     *
     * @return the capture's bytes
     * @throws AssertionError when the time runs out first
     */
    public static byte[] await(AudioFormat format, long bytes, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (WatchService watcher = dir().getFileSystem().newWatchService()) {
            dir().register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
            while (size(format) < bytes) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError(file(format) + " and its reopenings did not reach " + bytes
                            + " bytes in " + timeout);
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

    /** The base name of the series {@code file} belongs to. */
    private static String series(Path file) {
        Matcher name = NAME.matcher(file.getFileName().toString());
        if (!name.matches()) {
            throw new IllegalArgumentException("not an ALSA capture file: " + file);
        }
        return name.group(1);
    }

}
