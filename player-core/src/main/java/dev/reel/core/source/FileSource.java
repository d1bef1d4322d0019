package dev.reel.core.source;

import dev.reel.core.spool.SpoolBuffer;
import dev.reel.core.spool.SpoolConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * Serves a local file through a spool, so that its readers behave exactly as for a download:
 * a {@code reel-download-N} thread copies the file into the spool from where the consumer
 * seeks, at disk speed, then the rest. Methods are safe from any thread and never block.
 */
public final class FileSource extends FilledSource {

    /** A seek this close ahead of the copy waits for it rather than starting over there. */
    private static final long LOOK_AHEAD = 1 << 20;

    private FileSource(Path path, long length, SpoolBuffer spool) {
        super(spool, new SpoolFiller(new FileFetcher(path, length), spool,
                new RetryPolicy(Duration.ZERO, 1, Duration.ZERO, 0), Duration.ZERO, LOOK_AHEAD));
    }

    /**
     * Opens {@code path} into a new spool made with {@code config}.
     *
     * @throws SourceException when the file is missing, a directory or unreadable (one line)
     */
    public static FileSource open(Path path, SpoolConfig config) throws SourceException {
        if (Files.isDirectory(path)) {
            throw new SourceException("is a directory, not an audio file: " + path);
        }
        if (!Files.exists(path)) {
            throw new SourceException("no such file: " + path);
        }
        if (!Files.isReadable(path)) {
            throw new SourceException("cannot read (permission denied): " + path);
        }
        long length;
        try {
            length = Files.size(path);
        } catch (IOException e) {
            throw Failures.describe(path.toString(), e);
        }
        return new FileSource(path, length, new SpoolBuffer(config));
    }
}
