package dev.reel.core.spool;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.tinylog.Logger;

/**
 * The private cache directory of spill files: owner-only, files named {@code spool-<pid>-<n>.tmp}
 * so that the files of processes that died are removed the first time this process uses the
 * directory. Files still open when the JVM exits are deleted by a shutdown hook. Thread-safe.
 */
final class SpoolDirectory {

    private static final Pattern NAME = Pattern.compile("spool-(\\d+)-\\d+\\.tmp");
    private static final long PID = ProcessHandle.current().pid();
    private static final AtomicLong COUNTER = new AtomicLong();
    private static final Set<Path> PREPARED = ConcurrentHashMap.newKeySet();
    private static final Set<Path> OPEN_FILES = ConcurrentHashMap.newKeySet();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> OPEN_FILES.forEach(SpoolDirectory::delete),
                "reel-spool-cleanup"));
    }

    private SpoolDirectory() {
    }

    /** A new empty owner-only file in {@code directory}, deleted at exit unless deleted before. */
    static Path createFile(Path directory) throws IOException {
        prepare(directory);
        while (true) {
            Path file = directory.resolve("spool-" + PID + "-" + COUNTER.incrementAndGet() + ".tmp");
            try {
                Files.createFile(file, ownerOnly(file, "rw-------"));
                OPEN_FILES.add(file);
                checkOwner(directory, file);
                return file;
            } catch (FileAlreadyExistsException e) {
                Logger.debug("spool file {} exists, trying the next name", file);
            }
        }
    }

    /** A directory someone else owns could swap our files: refuse to spill there. */
    private static void checkOwner(Path directory, Path file) throws IOException {
        UserPrincipal owner = Files.getOwner(directory);
        UserPrincipal us = Files.getOwner(file);
        if (!owner.equals(us)) {
            delete(file);
            throw new IOException("spool directory " + directory + " belongs to " + owner.getName()
                    + ", not to " + us.getName());
        }
    }

    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
            OPEN_FILES.remove(file);
        } catch (IOException e) {
            Logger.warn("could not delete spool file {}: {}", file, e.getMessage());
        }
    }

    /** Creates the directory owner-only once per process and removes dead processes' files. */
    static void prepare(Path directory) throws IOException {
        if (PREPARED.contains(directory)) {
            return;
        }
        if (!Files.isDirectory(directory)) {
            Path parent = directory.getParent();
            if (parent != null && !Files.isDirectory(parent)) {
                Files.createDirectories(parent, ownerOnly(parent, "rwx------"));
            }
            try {
                Files.createDirectory(directory, ownerOnly(directory, "rwx------"));
            } catch (FileAlreadyExistsException e) {
                Logger.debug("spool directory {} appeared concurrently", directory);
            }
        }
        if (supportsPosix(directory)) {
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        }
        removeStale(directory);
        PREPARED.add(directory);
    }

    /** Deletes spill files whose owning process no longer runs; returns how many. */
    static int removeStale(Path directory) throws IOException {
        int removed = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, "spool-*.tmp")) {
            for (Path file : files) {
                Matcher m = NAME.matcher(file.getFileName().toString());
                if (m.matches() && ProcessHandle.of(Long.parseLong(m.group(1))).isEmpty()) {
                    Files.deleteIfExists(file);
                    removed++;
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        if (removed > 0) {
            Logger.info("removed {} stale spool files from {}", removed, directory);
        }
        return removed;
    }

    /** Owner-only permissions where the file system has POSIX permissions, else none. */
    private static FileAttribute<?>[] ownerOnly(Path path, String perms) {
        if (!supportsPosix(path)) {
            return new FileAttribute<?>[0];
        }
        Set<PosixFilePermission> set = PosixFilePermissions.fromString(perms);
        return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(set)};
    }

    private static boolean supportsPosix(Path path) {
        return path.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
