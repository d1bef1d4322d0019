package dev.reel.core.spool;

import java.nio.file.Path;

/**
 * How a {@link SpoolBuffer} stores bytes. Immutable.
 *
 * @param memoryLimit heap bytes kept before spilling to a temp file (0 spills at once)
 * @param directory the private cache directory for spill files; {@code null} means
 *     {@code ${java.io.tmpdir}/reel-<user>/spool}
 * @param retention for live (unbounded) resources, bytes kept behind the newest; 0 keeps all
 */
public record SpoolConfig(long memoryLimit, Path directory, long retention) {

    /** 8 MiB. */
    public static final long DEFAULT_MEMORY_LIMIT = 8L << 20;

    public SpoolConfig {
        if (memoryLimit < 0) {
            throw new IllegalArgumentException("memory limit must not be negative: " + memoryLimit);
        }
        if (retention < 0) {
            throw new IllegalArgumentException("retention must not be negative: " + retention);
        }
        if (directory == null) {
            directory = defaultDirectory();
        }
    }

    /** 8 MiB in memory, the default cache directory, everything retained. */
    public static SpoolConfig defaults() {
        return new SpoolConfig(DEFAULT_MEMORY_LIMIT, null, 0);
    }

    /**
     * {@code ${java.io.tmpdir}/reel-<user>/spool}. Here rather than in {@link SpoolDirectory},
     * whose initialisation (a pattern, the process handle, a shutdown hook) would otherwise run
     * on every start instead of at the first spill; no regular expression for the same reason.
     */
    private static Path defaultDirectory() {
        String user = System.getProperty("user.name", "user");
        StringBuilder safe = new StringBuilder(user.length());
        for (int i = 0; i < user.length(); i += Character.charCount(user.codePointAt(i))) {
            int c = user.codePointAt(i);
            boolean plain = c < 128 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-');
            safe.append(plain ? (char) c : '_');
        }
        return Path.of(System.getProperty("java.io.tmpdir"), "reel-" + safe, "spool");
    }

    public SpoolConfig withMemoryLimit(long bytes) {
        return new SpoolConfig(bytes, directory, retention);
    }

    public SpoolConfig withDirectory(Path dir) {
        return new SpoolConfig(memoryLimit, dir, retention);
    }

    public SpoolConfig withRetention(long bytes) {
        return new SpoolConfig(memoryLimit, directory, bytes);
    }
}
