package dev.reel.core.source;

import java.io.IOException;

/**
 * A source failed in a way the user must hear about: HTTP errors, network failures that did not
 * heal, a file changed on the server. The message is one line naming the location and the cause.
 */
public class SourceException extends IOException {

    private static final long serialVersionUID = 1L;

    public SourceException(String message) {
        super(message);
    }

    public SourceException(String message, Throwable cause) {
        super(message, cause);
    }
}
