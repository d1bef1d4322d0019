package dev.reel.app.cli;

import dev.reel.audio.AudioDevices;
import dev.reel.audio.AudioSink;
import dev.reel.audio.LineSink;
import dev.reel.audio.WavFileSink;
import dev.reel.core.format.PcmFormat;
import dev.reel.core.player.MediaRequest;
import dev.reel.core.player.Player;
import dev.reel.core.player.PlayerConfig;
import dev.reel.core.spool.SpoolCache;
import dev.reel.core.spool.SpoolConfig;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/** {@code reel play}: plays one source headless, to a device or into a WAV file, until it ends. */
final class PlayCommand {

    static final String USAGE = """
            Usage: reel play [--start SECONDS] [--format ENC:RATE:CHANNELS] [--device NAME]
                             [--out FILE.wav] [--json] SOURCE

            Plays SOURCE (an http(s) URL, a file: URL or a path; WAV or raw PCM) through the
            default audio device, and exits when the last frame has been played.

            Options:
              --start SECONDS   start at this time (the frame nearest to SECONDS x rate);
                                past the end plays nothing and exits 0
              --format ENC:RATE:CHANNELS
                                the source is raw PCM of this format (wins over the server's
                                Content-Type); ENC is one of u8 s8 s16le s16be s24le s24be
                                s32le s32be f32le f32be, e.g. s16le:44100:2
              --device NAME     play through this audio device instead of the default
              --out FILE.wav    render into a WAV file instead of a device (as fast as the
                                source allows)
              --json            print events on stdout, one JSON object a line: ready,
                                position, seeked, buffering, underrun, ended, error
              -h, --help        show this help

            Commands on standard input, one a line (end of input stops nothing):
              seek S            jump to S seconds
              seek +S, seek -S  jump S seconds forward or back
              pause, resume     pause or resume playback
              stop              stop and exit 0
              volume 0..100     set the volume in percent
              status            print state, position, duration and volume on stdout

            Exit codes: 0 done (also after stop), 2 usage, 3 source or network,
            4 unsupported or malformed audio (or no device can play it).

            Examples:
              reel play http://example.com/song.wav
              reel play --start 90 --json song.wav
              reel play --format s16le:44100:2 --out copy.wav capture.raw
            """;

    /**
     * The spool's memory before it spills to its temp file. The command line plays straight
     * through and seeks rarely, and the page cache serves the file tier about as fast, so it keeps
     * 256 KiB instead of the window's 8 MiB: measured, a 2-minute stream then peaks about 8 MB
     * lower than with 8 MiB, and 0.65 MB lower than with 1 MiB (the heap pages the memory tier
     * used stay resident after it spills).
     */
    private static final long SPOOL_MEMORY = 256L << 10;

    private PlayCommand() {
    }

    static int run(Streams streams, List<String> argv) throws UsageException {
        Args args = Args.parse("play", argv, Set.of("--start", "--format", "--device", "--out"), Set.of("--json"));
        if (args.help()) {
            streams.out().print(USAGE);
            return ExitCode.OK;
        }
        String source = args.operands("play", "SOURCE").get(0);
        double start = args.option("--start").isPresent()
                ? Values.seconds("play", "--start", args.option("--start").get())
                : 0;
        Optional<PcmFormat> format = rawFormat(args, "play");
        Supplier<AudioSink> sink = sink(args);
        Playback playback = new Playback(streams, args.flag("--json"), start);
        try (SpoolCache cache = new SpoolCache(SpoolConfig.defaults().withMemoryLimit(SPOOL_MEMORY),
                SpoolCache.DEFAULT_MAX_BYTES, SpoolCache.DEFAULT_IDLE_TIMEOUT);
                Player player = new Player(new PlayerConfig(sink).withCache(cache)
                        .withPositionInterval(playback.positionInterval()))) {
            player.addListener(playback);
            // Opening first: the player thread starts the HTTP exchange while this one sets up the
            // reader of stdin, and a command read from it acts on the opened media.
            player.open(new MediaRequest(source, format, start));
            new StdinCommands(streams, player, () -> playback, playback::stop).start();
            return playback.awaitExit();
        }
    }

    /** The {@code --format} option of {@code command}, if given. */
    static Optional<PcmFormat> rawFormat(Args args, String command) throws UsageException {
        Optional<String> spec = args.option("--format");
        return spec.isPresent() ? Optional.of(Values.format(command, spec.get())) : Optional.empty();
    }

    private static Supplier<AudioSink> sink(Args args) throws UsageException {
        Optional<String> out = args.option("--out");
        Optional<String> device = args.option("--device");
        if (out.isPresent() && device.isPresent()) {
            throw new UsageException("--out and --device exclude each other" + Args.hint("play"));
        }
        if (out.isPresent()) {
            Path file = Path.of(out.get());
            return () -> new WavFileSink(file);
        }
        if (device.isPresent()) {
            List<String> names = AudioDevices.names();
            if (!names.contains(device.get())) {
                throw new UsageException("no audio device named '" + device.get() + "'; there are: "
                        + String.join(", ", names));
            }
        }
        String mixer = device.orElse(null);
        return () -> new LineSink(mixer);
    }
}
