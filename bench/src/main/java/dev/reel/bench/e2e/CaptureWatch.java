package dev.reel.bench.e2e;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardWatchEventKinds;
import java.nio.file.WatchKey;
import java.nio.file.WatchService;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Sees the first audio byte reach the ALSA file capture: watches a capture directory (inotify)
 * until a {@code cap.*.raw} file in it is non-empty. Create it before the player starts; one
 * watch per measurement.
 */
final class CaptureWatch implements AutoCloseable {

    private final Path dir;
    private final WatchService watcher;

    CaptureWatch(Path dir) throws IOException {
        this.dir = dir;
        Files.createDirectories(dir);
        // Players that refuse to run as root (VLC) run as nobody and must be able to write here.
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxrwxrwx"));
        deleteCaptures();
        this.watcher = dir.getFileSystem().newWatchService();
        dir.register(watcher, StandardWatchEventKinds.ENTRY_CREATE, StandardWatchEventKinds.ENTRY_MODIFY);
    }

    /**
     * Waits for the first byte; returns {@link System#nanoTime()} when it was seen, or -1 when
     * {@code timeout} passed first.
     */
    long awaitFirstByte(Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (captured() > 0) {
                return System.nanoTime();
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return -1;
            }
            WatchKey key = watcher.poll(left, TimeUnit.NANOSECONDS);
            if (key != null) {
                key.pollEvents();
                key.reset();
            }
        }
    }

    /** Bytes captured so far, over every capture file. */
    long captured() throws IOException {
        long total = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "cap.*.raw")) {
            for (Path file : files) {
                total += Files.size(file);
            }
        }
        return total;
    }

    /** Stops watching and deletes what was captured (a player on the unpaced device may have written much). */
    @Override
    public void close() throws IOException {
        watcher.close();
        deleteCaptures();
    }

    private void deleteCaptures() throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "cap.*.raw")) {
            for (Path file : files) {
                Files.delete(file);
            }
        }
    }
}
