package dev.reel.app.cli;

import dev.reel.core.source.Saver;
import dev.reel.core.source.Source;
import dev.reel.core.source.SourceException;
import dev.reel.core.source.Sources;
import dev.reel.core.spool.SpoolCache;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.function.LongConsumer;

/**
 * {@code reel save URL FILE}: downloads through the same spool and source as playback (so drops
 * resume with range requests), with a progress bar on a terminal's stderr.
 */
final class SaveCommand {

    static final String USAGE = """
            Usage: reel save URL FILE

            Downloads URL (or copies a file) into FILE through the same spool as playback:
            a dropped connection resumes with a range request from the first missing byte,
            and a file that changes on the server fails instead of being spliced. The bytes
            go to a temporary file beside FILE, renamed to FILE when complete and removed on
            failure. A progress bar shows on stderr when it is a terminal.

            Exit codes: 0 saved, 2 usage, 3 source, network or the FILE cannot be written.

            Example:
              reel save http://example.com/song.wav song.wav
            """;

    private SaveCommand() {
    }

    static int run(Streams streams, List<String> argv) throws UsageException {
        Args args = Args.parse("save", argv, Set.of(), Set.of());
        if (args.help()) {
            streams.out().print(USAGE);
            return ExitCode.OK;
        }
        List<String> operands = args.operands("save", "URL", "FILE");
        Path file = Path.of(operands.get(1));
        TerminalLine bar = streams.errIsTerminal() ? new TerminalLine(streams) : null;
        try (SpoolCache cache = new SpoolCache(); Source source = Sources.open(operands.get(0), cache)) {
            LongConsumer progress = bar == null ? bytes -> { }
                    : bytes -> bar.draw(ProgressBar.text(bytes, source.spool().length(),
                            source.spool().bytesPerSecond()), false);
            Saver.save(source, file, progress).join();
            return ExitCode.OK;
        } catch (SourceException e) {
            return fail(streams, bar, e.getMessage());
        } catch (CompletionException e) {
            return fail(streams, bar, e.getCause().getMessage());
        } finally {
            if (bar != null) {
                bar.finish();
            }
        }
    }

    private static int fail(Streams streams, TerminalLine bar, String message) {
        if (bar != null) {
            bar.finish();
        }
        streams.fail(message);
        return ExitCode.SOURCE;
    }
}
