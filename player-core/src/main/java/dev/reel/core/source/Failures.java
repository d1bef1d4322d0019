package dev.reel.core.source;

import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import javax.net.ssl.SSLException;

/** Turns I/O failures into one-line {@link SourceException}s that name the location. */
final class Failures {

    private Failures() {
    }

    static SourceException describe(String location, IOException e) {
        if (e instanceof SourceException source) {
            return source;
        }
        String cause;
        if (e instanceof UnknownHostException) {
            cause = "unknown host " + e.getMessage();
        } else if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            cause = "cannot connect (" + oneLine(e) + ")";
        } else if (e instanceof SocketTimeoutException) {
            cause = "timed out (" + oneLine(e) + ")";
        } else if (e instanceof SSLException) {
            cause = "TLS failure (" + oneLine(e) + ")";
        } else {
            cause = oneLine(e);
        }
        return new SourceException(cause.contains(location) ? cause : cause + ": " + location, e);
    }

    private static String oneLine(IOException e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return message.lines().findFirst().orElse("").strip();
    }
}
