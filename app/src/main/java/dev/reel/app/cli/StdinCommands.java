package dev.reel.app.cli;

import dev.reel.core.player.Player;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.OptionalDouble;
import java.util.function.Supplier;

/**
 * The commands a playing {@code reel} reads on stdin, one a line: {@code seek S|+S|-S},
 * {@code pause}, {@code resume}, {@code stop}, {@code volume 0..100}, {@code status}. A daemon
 * thread reads them; end of input stops nothing, it only ends the reading.
 */
final class StdinCommands {

    static final String SUMMARY = "seek S|+S|-S, pause, resume, stop, volume 0..100, status";

    private final Streams streams;
    private final Player player;
    private final Supplier<Playback> playback;
    private final Runnable stop;
    private volatile int volume = 100;

    /**
     * @param playback the current playback (listen has one per connection)
     * @param stop     what {@code stop} does: end the command with exit code 0
     */
    StdinCommands(Streams streams, Player player, Supplier<Playback> playback, Runnable stop) {
        this.streams = streams;
        this.player = player;
        this.playback = playback;
        this.stop = stop;
    }

    /** Starts reading stdin on a daemon thread. */
    void start() {
        Thread reader = new Thread(this::readAll, "reel-stdin");
        reader.setDaemon(true);
        reader.start();
    }

    private void readAll() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(streams.in(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                execute(line);
            }
        } catch (IOException e) {
            // A closed or broken stdin is the same as its end: playback goes on.
        }
    }

    /** Carries out one line; a bad one gets one line on stderr and changes nothing. */
    void execute(String line) {
        String[] words = line.trim().split("\\s+");
        String verb = words[0];
        boolean oneWord = words.length == 1;
        if (verb.isEmpty()) {
            return;
        }
        if (oneWord && verb.equals("pause")) {
            player.pause();
        } else if (oneWord && verb.equals("resume")) {
            player.resume();
        } else if (oneWord && verb.equals("stop")) {
            stop.run();
        } else if (oneWord && verb.equals("status")) {
            streams.println(playback.get().status(volume, player.position()));
        } else if (words.length == 2 && verb.equals("seek") && seek(words[1])) {
            return;
        } else if (words.length == 2 && verb.equals("volume") && volume(words[1])) {
            return;
        } else {
            streams.fail("unknown command '" + line.trim() + "' (" + SUMMARY + ")");
        }
    }

    private boolean seek(String target) {
        char sign = target.charAt(0);
        boolean relative = sign == '+' || sign == '-';
        OptionalDouble parsed = Values.seconds(relative ? target.substring(1) : target);
        if (parsed.isEmpty()) {
            return false;
        }
        double seconds = parsed.getAsDouble();
        if (!relative) {
            player.seekTo(seconds);
        } else {
            player.seekBy(sign == '-' ? -seconds : seconds);
        }
        return true;
    }

    private boolean volume(String percent) {
        int value;
        try {
            value = Integer.parseInt(percent);
        } catch (NumberFormatException e) {
            return false;
        }
        if (value < 0 || value > 100) {
            return false;
        }
        volume = value;
        player.setVolume(value);
        return true;
    }
}
