package dev.reel.app.cli;

import dev.reel.core.format.FormatException;
import dev.reel.core.player.MediaInfo;
import dev.reel.core.player.MediaProbe;
import dev.reel.core.player.MediaRequest;
import java.io.IOException;
import java.util.List;
import java.util.Set;

/** {@code reel info}: prints what a source is (format, duration, size, seekable) as one JSON object. */
final class InfoCommand {

    static final String USAGE = """
            Usage: reel info [--format ENC:RATE:CHANNELS] SOURCE

            Reads SOURCE's header (or takes --format for raw PCM) without playing it and prints
            one JSON object with the fields of the 'ready' event of 'reel play --json':
              {"format":{"encoding":"s16le","rate":44100,"channels":2},"duration":215.3,
               "size":37977644,"seekable":true}
            duration is in seconds and size in bytes, null when unknown; seekable says whether
            any position can be fetched directly (a file, or a server that honours ranges).

            Exit codes: 0 printed, 2 usage, 3 source or network, 4 unsupported or malformed audio.

            Example:
              reel info http://example.com/song.wav
            """;

    private InfoCommand() {
    }

    static int run(Streams streams, List<String> argv) throws UsageException {
        Args args = Args.parse("info", argv, Set.of("--format"), Set.of());
        if (args.help()) {
            streams.out().print(USAGE);
            return ExitCode.OK;
        }
        String source = args.operands("info", "SOURCE").get(0);
        MediaRequest request = new MediaRequest(source, PlayCommand.rawFormat(args, "info"), 0);
        MediaInfo info;
        try {
            info = MediaProbe.probe(request);
        } catch (FormatException e) {
            streams.fail(e.getMessage());
            return ExitCode.FORMAT;
        } catch (IOException e) {
            streams.fail(e.getMessage());
            return ExitCode.SOURCE;
        }
        streams.println(EventJson.describe(Json.object(), info.format(), info.duration(), info.size(), info.seekable())
                .toString());
        return ExitCode.OK;
    }
}
