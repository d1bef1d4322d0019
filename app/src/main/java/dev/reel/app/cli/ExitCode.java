package dev.reel.app.cli;

/** The exit codes scripts rely on (ARCHITECTURE.md, "Command line"). */
final class ExitCode {

    /** Done: played to the end, stopped by command, saved, printed. */
    static final int OK = 0;
    /** The command line is wrong. */
    static final int USAGE = 2;
    /** The source failed: HTTP errors, refused connections, timeouts, a changed file. */
    static final int SOURCE = 3;
    /** The audio is malformed or unsupported, or no device can play it. */
    static final int FORMAT = 4;
    /** A bug in reel (an unexpected exception). */
    static final int INTERNAL = 1;

    private ExitCode() {
    }
}
