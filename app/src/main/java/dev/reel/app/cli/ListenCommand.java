package dev.reel.app.cli;

import dev.reel.audio.LineSink;
import dev.reel.core.format.PcmFormat;
import dev.reel.core.player.MediaRequest;
import dev.reel.core.player.Player;
import dev.reel.core.player.PlayerConfig;
import dev.reel.core.source.Source;
import dev.reel.core.source.SourceException;
import dev.reel.core.source.TcpListener;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code reel listen}: plays raw PCM from TCP connections, one at a time; when a peer closes,
 * what arrived drains and the next connection is accepted. Runs until {@code stop} on stdin or
 * the process is interrupted.
 */
final class ListenCommand {

    static final String USAGE = """
            Usage: reel listen [--host HOST] [--port PORT] [--format ENC:RATE:CHANNELS] [--json]

            Plays raw PCM sent over TCP, one connection at a time, as it arrives. When the peer
            closes, what arrived drains and reel waits for the next connection. Runs until
            interrupted or 'stop' on standard input (the commands of 'reel play' work on the
            current connection).

            Options:
              --host HOST       address to listen on (default 127.0.0.1: this machine only)
              --port PORT       TCP port (default 44100; 0 picks a free one)
              --format ENC:RATE:CHANNELS
                                what the peers send (default s16le:44100:2)
              --json            print events on stdout as JSON lines: listening (host, port)
                                once bound, then each connection's player events
              -h, --help        show this help

            Exit codes: 0 stopped, 2 usage, 3 the address cannot be bound.

            Example:
              reel listen &
              nc -q0 127.0.0.1 44100 < sample.raw
            """;

    private ListenCommand() {
    }

    static int run(Streams streams, List<String> argv) throws UsageException {
        Args args = Args.parse("listen", argv, Set.of("--host", "--port", "--format"), Set.of("--json"));
        if (args.help()) {
            streams.out().print(USAGE);
            return ExitCode.OK;
        }
        args.operands("listen");
        String host = args.option("--host").orElse("127.0.0.1");
        int port = Values.port("listen", args.option("--port").orElse("44100"));
        PcmFormat format = Values.format("listen", args.option("--format").orElse("s16le:44100:2"));
        boolean json = args.flag("--json");
        try (TcpListener listener = TcpListener.bind(host, port);
                Player player = new Player(new PlayerConfig(() -> new LineSink(null)))) {
            String address = host + ":" + listener.port();
            if (json) {
                streams.println(EventJson.event("listening").put("host", host).put("port", listener.port()).toString());
            } else {
                streams.errLine("listening on " + address);
            }
            return new Connections(streams, json, listener, player, format, address).serve();
        } catch (SourceException e) {
            streams.fail(e.getMessage());
            return ExitCode.SOURCE;
        }
    }

    /** The accept-play-drain loop of one listener; {@code stop} on stdin ends it. */
    private static final class Connections {

        private final Streams streams;
        private final boolean json;
        private final TcpListener listener;
        private final Player player;
        private final PcmFormat format;
        private final String address;
        private volatile Playback current;
        private volatile boolean stopped;

        Connections(Streams streams, boolean json, TcpListener listener, Player player, PcmFormat format,
                String address) {
            this.streams = streams;
            this.json = json;
            this.listener = listener;
            this.player = player;
            this.format = format;
            this.address = address;
            this.current = new Playback(streams, json, 0);
        }

        int serve() {
            new StdinCommands(streams, player, () -> current, this::stop).start();
            while (!stopped) {
                Source source;
                try {
                    source = listener.accept();
                } catch (SourceException e) {
                    if (stopped) {
                        break;
                    }
                    streams.fail(e.getMessage());
                    return ExitCode.SOURCE;
                }
                Playback playback = new Playback(streams, json, 0);
                current = playback;
                player.addListener(playback);
                player.openSource(source, new MediaRequest("tcp://" + address, Optional.of(format), 0));
                playback.awaitExit();
                player.removeListener(playback);
            }
            return ExitCode.OK;
        }

        private void stop() {
            stopped = true;
            listener.close();
            current.stop();
        }
    }
}
