package dev.reel.testkit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One resource a {@link RangeServer} serves: its path, bytes, content type and validators.
 * Immutable; the {@code with…} methods return changed copies.
 *
 * @param path the absolute request path, such as {@code /a.wav}
 * @param contentType the {@code Content-Type} value, or null for none
 * @param etag the {@code ETag} value with its quotes ({@code "abc"} strong, {@code W/"abc"} weak),
 *     or null for none
 * @param lastModified the {@code Last-Modified} instant (whole seconds), or null for none
 */
public record Resource(String path, Content content, String contentType, String etag, Instant lastModified) {

    private static final AtomicLong SERIAL = new AtomicLong();
    private static final Instant EPOCH = Instant.parse("2024-01-01T00:00:00Z");

    public Resource {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(content, "content");
        if (!path.startsWith("/")) {
            throw new IllegalArgumentException("path must start with '/': " + path);
        }
        if (lastModified != null) {
            lastModified = lastModified.truncatedTo(ChronoUnit.SECONDS);
        }
    }

    /** A resource with a unique strong ETag and a fixed Last-Modified. */
    public static Resource of(String path, Content content, String contentType) {
        long serial = SERIAL.incrementAndGet();
        return new Resource(path, content, contentType, "\"r" + serial + "-" + content.length() + "\"",
                EPOCH.plusSeconds(serial));
    }

    /** A resource of in-memory bytes (not copied) with a unique strong ETag and a fixed Last-Modified. */
    public static Resource of(String path, byte[] bytes, String contentType) {
        return of(path, Content.of(bytes), contentType);
    }

    /** A file, with an ETag from its size and modification time and that time as Last-Modified. */
    public static Resource of(String path, Path file, String contentType) throws IOException {
        Instant modified = Files.getLastModifiedTime(file).toInstant();
        Content content = Content.of(file);
        return new Resource(path, content, contentType,
                "\"" + Long.toHexString(content.length()) + "-" + Long.toHexString(modified.toEpochMilli()) + "\"",
                modified);
    }

    public Resource withEtag(String newEtag) {
        return new Resource(path, content, contentType, newEtag, lastModified);
    }

    public Resource withLastModified(Instant newLastModified) {
        return new Resource(path, content, contentType, etag, newLastModified);
    }

    public Resource withContent(Content newContent) {
        return new Resource(path, newContent, contentType, etag, lastModified);
    }

    /** The same resource without ETag and Last-Modified (a server that gives no validators). */
    public Resource withoutValidators() {
        return new Resource(path, content, contentType, null, null);
    }

    /**
     * The version a server switches to when the file changes on it: {@code newContent}, an ETag with
     * a {@code -v2} suffix inside its quotes and a Last-Modified one hour later.
     */
    Resource changedTo(Content newContent) {
        String changedEtag = etag == null ? null : etag.substring(0, etag.length() - 1) + "-v2\"";
        Instant changedModified = lastModified == null ? null : lastModified.plusSeconds(3600);
        return new Resource(path, newContent, contentType, changedEtag, changedModified);
    }
}
