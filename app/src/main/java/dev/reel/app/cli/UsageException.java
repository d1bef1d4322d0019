package dev.reel.app.cli;

/** The command line is wrong; the message is one line naming what (exit code 2). */
final class UsageException extends Exception {

    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
