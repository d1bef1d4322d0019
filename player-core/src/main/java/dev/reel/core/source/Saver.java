package dev.reel.core.source;

import dev.reel.core.spool.SpoolReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongConsumer;
import org.tinylog.Logger;

/**
 * Saves a resource to a file through its source's spool, with its own reader, so that it shares
 * the download with a player and completes wherever the player seeks (the source fills the
 * holes). Writes a temp file next to the target and renames it at the end: a failure or a
 * cancel leaves nothing half-written behind.
 */
public final class Saver {

    private static final AtomicInteger THREADS = new AtomicInteger();

    private Saver() {
    }

    /**
     * Starts saving on a {@code reel-save-N} thread; starts {@code source} if needed. Cancelling
     * the returned future stops the copy and deletes the temp file before it returns.
     *
     * @param progress called on the saving thread with the bytes written so far
     * @return completes with {@code target} (made absolute) once it holds every byte, or with the
     *     failure ({@link SourceException})
     */
    public static CompletableFuture<Path> save(Source source, Path target, LongConsumer progress) {
        Path absolute = target.toAbsolutePath();
        Path temp;
        try {
            temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".part");
        } catch (IOException e) {
            return CompletableFuture.failedFuture(
                    new SourceException("cannot save to " + target + ": " + e.getMessage(), e));
        }
        CompletableFuture<Path> result = new CompletableFuture<>();
        SpoolReader reader = source.spool().newReader();
        result.whenComplete((path, failure) -> {
            if (result.isCancelled()) {
                reader.close();
                deleteQuietly(temp);
            }
        });
        Thread thread = new Thread(() -> copy(reader, temp, absolute, progress, result),
                "reel-save-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        source.start();
        thread.start();
        return result;
    }

    private static void copy(SpoolReader reader, Path temp, Path target, LongConsumer progress,
            CompletableFuture<Path> result) {
        try (reader) {
            long written = 0;
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.allocate(256 * 1024);
                while (reader.read(buffer.clear()) >= 0) {
                    buffer.flip();
                    while (buffer.hasRemaining()) {
                        written += out.write(buffer);
                    }
                    progress.accept(written);
                }
                out.force(false);
            }
            if (result.isDone()) {
                deleteQuietly(temp);
                return;
            }
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING,
                    StandardCopyOption.ATOMIC_MOVE);
            result.complete(target);
        } catch (IOException | RuntimeException e) {
            deleteQuietly(temp);
            result.completeExceptionally(e instanceof SourceException ? e
                    : new SourceException("cannot save to " + target + ": " + e.getMessage(), e));
        }
    }

    private static void deleteQuietly(Path temp) {
        try {
            Files.deleteIfExists(temp);
        } catch (IOException e) {
            Logger.warn("cannot delete {}: {}", temp, e.getMessage());
        }
    }
}
