package dev.reel.app.cli;

import dev.reel.core.source.Source;
import dev.reel.core.source.Sources;
import dev.reel.core.spool.SpoolBuffer;
import dev.reel.core.spool.SpoolCache;
import dev.reel.core.spool.SpoolReader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Set;

/**
 * {@code reel save URL FILE}: downloads through the same spool and source as playback (so drops
 * resume with range requests), into {@code FILE.part} renamed to FILE when complete.
 */
final class SaveCommand {

    static final String USAGE = """
            Usage: reel save URL FILE

            Downloads URL (or copies a file) into FILE through the same spool as playback:
            a dropped connection resumes with a range request from the first missing byte,
            and a file that changes on the server fails instead of being spliced. The bytes
            go to FILE.part, renamed to FILE when complete. A progress bar shows on stderr
            when it is a terminal.

            Exit codes: 0 saved, 2 usage, 3 source, network or the FILE cannot be written.

            Example:
              reel save http://example.com/song.wav song.wav
            """;

    private static final int CHUNK = 64 * 1024;

    private SaveCommand() {
    }

    static int run(Streams streams, List<String> argv) throws UsageException {
        Args args = Args.parse("save", argv, Set.of(), Set.of());
        if (args.help()) {
            streams.out().print(USAGE);
            return ExitCode.OK;
        }
        List<String> operands = args.operands("save", "URL", "FILE");
        String location = operands.get(0);
        Path file = Path.of(operands.get(1)).toAbsolutePath();
        Path part = file.resolveSibling(file.getFileName() + ".part");
        TerminalLine progress = streams.errIsTerminal() ? new TerminalLine(streams.err()) : null;
        try (SpoolCache cache = new SpoolCache(); Source source = Sources.open(location, cache)) {
            source.start();
            copy(source.spool(), part, progress);
            try {
                Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new OutputException(e);
            }
            return ExitCode.OK;
        } catch (OutputException e) {
            fail(streams, progress, part, "cannot write " + file + ": " + e.getMessage());
            return ExitCode.SOURCE;
        } catch (IOException e) {
            fail(streams, progress, part, e.getMessage());
            return ExitCode.SOURCE;
        }
    }

    private static void copy(SpoolBuffer spool, Path part, TerminalLine progress) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(CHUNK);
        long saved = 0;
        try (SpoolReader reader = spool.newReader(); FileChannel out = create(part)) {
            while (reader.read(buffer) >= 0) {
                buffer.flip();
                try {
                    while (buffer.hasRemaining()) {
                        saved += out.write(buffer);
                    }
                } catch (IOException e) {
                    throw new OutputException(e);
                }
                buffer.clear();
                if (progress != null) {
                    progress.draw(ProgressBar.text(saved, spool.length(), spool.bytesPerSecond()), false);
                }
            }
        }
        if (progress != null) {
            progress.finish();
        }
    }

    private static FileChannel create(Path part) throws OutputException {
        try {
            return FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        } catch (IOException e) {
            throw new OutputException(e);
        }
    }

    /** Writing the output failed, as opposed to reading the source. */
    private static final class OutputException extends IOException {

        private static final long serialVersionUID = 1L;

        OutputException(IOException cause) {
            super(cause.getMessage() == null ? cause.toString() : cause.getMessage(), cause);
        }
    }

    private static void fail(Streams streams, TerminalLine progress, Path part, String message) {
        if (progress != null) {
            progress.finish();
        }
        try {
            Files.deleteIfExists(part);
        } catch (IOException e) {
            // The failure line below matters more than a leftover .part file.
        }
        streams.fail(message);
    }
}
