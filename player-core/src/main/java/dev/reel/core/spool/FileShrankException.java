package dev.reel.core.spool;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A spool that reads a user's file in place ({@link SpoolBuffer#ofFile}) found the file shorter
 * than when it was opened: someone truncated or rewrote it, and its bytes there are gone.
 */
public final class FileShrankException extends IOException {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long position;

    public FileShrankException(Path file, long position, long openedLength, long currentLength) {
        super("file " + file + " shrank while being read: byte " + position + " is gone (it had "
                + openedLength + " bytes when opened, now " + currentLength + ")");
        this.file = file;
        this.position = position;
    }

    public Path file() {
        return file;
    }

    /** The first position that could not be read. */
    public long position() {
        return position;
    }
}
