package dev.reel.core.player;

import dev.reel.audio.AudioSink;
import dev.reel.core.spool.SpoolCache;
import dev.reel.core.spool.SpoolConfig;
import dev.reel.testkit.Faults;
import dev.reel.testkit.RangeServer;
import dev.reel.testkit.Signals;
import dev.reel.testkit.WavBuilder;
import java.io.IOException;
import java.util.Arrays;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * A player under test with its loopback server, spool cache and event recorder, and the test
 * signal: 8 kHz 16-bit stereo, in which every frame carries its number.
 */
final class PlayerHarness implements AutoCloseable {

    static final int RATE = 8000;
    static final int CHANNELS = 2;
    static final int FRAME = 4;
    static final long BYTES_PER_SECOND = (long) RATE * FRAME;

    final RangeServer server;
    final SpoolCache cache;
    final Player player;
    final EventRecorder events = new EventRecorder();

    PlayerHarness(SpoolConfig spool, Supplier<AudioSink> sinks) throws IOException {
        this(spool, sinks, UnaryOperator.identity());
    }

    /** With the player's configuration changed by {@code configure}. */
    PlayerHarness(SpoolConfig spool, Supplier<AudioSink> sinks, UnaryOperator<PlayerConfig> configure)
            throws IOException {
        server = RangeServer.start();
        cache = new SpoolCache(spool, SpoolCache.DEFAULT_MAX_BYTES, SpoolCache.DEFAULT_IDLE_TIMEOUT);
        player = new Player(configure.apply(new PlayerConfig(sinks).withCache(cache)));
        player.addListener(events);
    }

    /** {@code seconds} of the test signal. */
    static byte[] samples(double seconds) {
        return Signals.pcm(FRAME, (int) Math.round(seconds * RATE));
    }

    static WavBuilder wav(byte[] samples) {
        return WavBuilder.pcm(16, RATE, CHANNELS).data(samples);
    }

    /** {@code samples} from {@code frame} on. */
    static byte[] from(byte[] samples, long frame) {
        return Arrays.copyOfRange(samples, (int) (frame * FRAME), samples.length);
    }

    /** Serves {@code body} at {@code path} with {@code faults}; returns its URL. */
    String serve(String path, byte[] body, String contentType, Faults faults) {
        server.add(path, body, contentType);
        server.setFaults(path, faults);
        return server.url(path);
    }

    @Override
    public void close() {
        player.close();
        cache.close();
        server.close();
    }
}
