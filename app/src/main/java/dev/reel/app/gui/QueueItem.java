package dev.reel.app.gui;

import dev.reel.core.format.PcmFormat;
import java.net.URI;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/**
 * One entry of the play queue: a location (URL or file path) and, for raw PCM files, the format
 * to read them with. Immutable; equal only to itself, because the same URL may be queued twice.
 */
final class QueueItem {

    private final String location;
    private final Optional<PcmFormat> rawFormat;

    QueueItem(String location, Optional<PcmFormat> rawFormat) {
        this.location = location;
        this.rawFormat = rawFormat;
    }

    static QueueItem of(String location) {
        return new QueueItem(location, Optional.empty());
    }

    String location() {
        return location;
    }

    Optional<PcmFormat> rawFormat() {
        return rawFormat;
    }

    @Override
    public String toString() {
        return location;
    }

    /** True for http(s) URLs, false for paths and file: URLs. */
    boolean isRemote() {
        String lower = location.toLowerCase(Locale.ROOT);
        return lower.startsWith("http://") || lower.startsWith("https://");
    }

    /** The last path segment, decoded: what a person calls the item. */
    String title() {
        String path = location;
        if (isRemote() || location.startsWith("file:")) {
            try {
                path = Optional.ofNullable(URI.create(location).getPath()).orElse("");
            } catch (IllegalArgumentException e) {
                path = location;
            }
        }
        String trimmed = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        int slash = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
        String name = trimmed.substring(slash + 1);
        return name.isEmpty() ? location : name;
    }

    /** The host for URLs, the folder for files. */
    String subtitle() {
        if (isRemote()) {
            try {
                URI uri = URI.create(location);
                return uri.getPort() > 0 ? uri.getHost() + ":" + uri.getPort() : uri.getHost();
            } catch (IllegalArgumentException e) {
                return location;
            }
        }
        try {
            Path parent = (location.startsWith("file:") ? Path.of(URI.create(location)) : Path.of(location)).getParent();
            return parent == null ? "" : parent.toString();
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
