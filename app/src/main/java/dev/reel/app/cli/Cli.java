package dev.reel.app.cli;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.tinylog.Logger;

/**
 * The {@code reel} command line: dispatches {@code play}, {@code listen}, {@code info},
 * {@code save} and {@code --help}, and turns every failure into one stderr line and an exit code.
 * One call runs one command on the caller's thread.
 */
public final class Cli {

    static final String USAGE = """
            Usage: reel [URL|FILE ...]          open the window, these queued, the first playing
                   reel play [OPTIONS] SOURCE   play headless, to a device or a WAV file
                   reel listen [OPTIONS]        play raw PCM from TCP connections
                   reel info [--format F] SOURCE
                                                print format, duration, size as JSON
                   reel save URL FILE           download through the spool, resuming after drops
                   reel COMMAND --help          explain a command

            SOURCE is an http(s) URL, a file: URL or a path, of a WAV file or raw PCM.
            Exit codes: 0 done, 2 usage, 3 source or network, 4 unsupported or malformed audio.
            """;

    private static final Set<String> COMMANDS = Set.of("play", "listen", "info", "save", "help");

    private Cli() {
    }

    /** Whether {@code args} name a command-line command rather than items for the window. */
    public static boolean handles(String[] args) {
        return args.length > 0 && (COMMANDS.contains(args[0]) || args[0].startsWith("-"));
    }

    /**
     * Starts, on a thread of its own, the one-time work the command {@code args} names will need
     * soon (see {@link StartupWarmup}); returns at once. Call it first thing.
     */
    public static void warmUp(String[] args) {
        StartupWarmup.startFor(args);
    }

    /** Runs the command {@code args} names; returns the exit code. */
    public static int run(Streams streams, String... args) {
        List<String> rest = Arrays.asList(args).subList(Math.min(1, args.length), args.length);
        try {
            switch (args.length == 0 ? "" : args[0]) {
                case "play":
                    return PlayCommand.run(streams, rest);
                case "listen":
                    return ListenCommand.run(streams, rest);
                case "info":
                    return InfoCommand.run(streams, rest);
                case "save":
                    return SaveCommand.run(streams, rest);
                case "help", "--help", "-h":
                    streams.out().print(USAGE);
                    return ExitCode.OK;
                default:
                    throw new UsageException(args.length == 0 ? "no command"
                            : (args[0].startsWith("-") ? "unknown option '" : "unknown command '") + args[0] + "'"
                            + Args.hint(""));
            }
        } catch (UsageException e) {
            streams.fail(e.getMessage());
            return ExitCode.USAGE;
        } catch (RuntimeException e) {
            // A bug, not a user's mistake: still one line, with the trace for whoever debugs.
            Logger.debug(e);
            streams.fail("internal error: " + e);
            return ExitCode.INTERNAL;
        } finally {
            streams.flush();
        }
    }
}
