package dev.reel.bench.e2e;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How to start one command-line player (Reel's launcher, mpv, ffplay, ffmpeg, VLC) so that it
 * plays a URL, from a given second, through ALSA's default device. Immutable.
 *
 * @param name the subject's name in the table
 * @param prefix the command before the URL, with {@code %START%} where the start second goes
 *     (a player-specific option that is dropped when starting from 0)
 * @param startOption the option that starts from a second ({@code %S} = seconds), or null
 * @param env extra environment
 */
record PlayerProcess(String name, List<String> prefix, String startOption, Map<String, String> env) {

    /** Reel's launcher, {@code app/target/reel/bin/reel}. */
    static PlayerProcess reel(Path launcher) {
        return new PlayerProcess("reel play", List.of(launcher.toString(), "play"), "--start=%S", Map.of());
    }

    /** The external players installed on this machine. */
    static List<PlayerProcess> externals() {
        List<PlayerProcess> players = new ArrayList<>();
        if (onPath("mpv")) {
            players.add(new PlayerProcess("mpv", List.of("mpv", "--no-config", "--really-quiet", "--no-video",
                    "--ao=alsa", "--audio-device=alsa/default"), "--start=%S", Map.of()));
        }
        if (onPath("ffplay")) {
            players.add(new PlayerProcess("ffplay", List.of("ffplay", "-nodisp", "-autoexit", "-loglevel", "error"),
                    "-ss %S", Map.of("SDL_AUDIODRIVER", "alsa")));
        }
        if (onPath("ffmpeg")) {
            players.add(new PlayerProcess("ffmpeg", List.of("ffmpeg", "-nostdin", "-loglevel", "error"), "-ss %S",
                    Map.of()));
        }
        if (onPath("cvlc")) {
            List<String> vlc = new ArrayList<>();
            if (isRoot()) {
                vlc.addAll(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"));
            }
            vlc.addAll(List.of("cvlc", "--play-and-exit", "--no-video", "--intf=dummy", "--aout=alsa"));
            players.add(new PlayerProcess("vlc", vlc, "--start-time=%S", Map.of("HOME", "/tmp")));
        }
        return players;
    }

    /** The whole command for {@code url} from {@code startSeconds}. */
    List<String> command(String url, double startSeconds) {
        List<String> command = new ArrayList<>(prefix);
        if (startSeconds > 0) {
            for (String part : startOption.split(" ")) {
                command.add(part.replace("%S", String.format(Locale.ROOT, "%.3f", startSeconds)));
            }
        }
        if (name.equals("ffmpeg")) {
            command.addAll(List.of("-i", url, "-f", "alsa", "default"));
        } else {
            command.add(url);
        }
        return command;
    }

    private static boolean onPath(String program) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, program))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }
}
