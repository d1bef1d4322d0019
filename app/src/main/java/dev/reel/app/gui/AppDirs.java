package dev.reel.app.gui;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/** Where Reel keeps its per-user files (the log), following each platform's convention. */
final class AppDirs {

    private AppDirs() {
    }

    /**
     * {@code %APPDATA%\Reel} on Windows, {@code ~/Library/Application Support/Reel} on macOS,
     * {@code $XDG_DATA_HOME/reel} (default {@code ~/.local/share/reel}) elsewhere.
     */
    static Path dataDir(String osName, Map<String, String> env, Path home) {
        String os = osName.toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String appData = env.get("APPDATA");
            return appData != null && !appData.isBlank() ? Path.of(appData, "Reel")
                    : home.resolve("AppData").resolve("Roaming").resolve("Reel");
        }
        if (os.startsWith("mac")) {
            return home.resolve("Library").resolve("Application Support").resolve("Reel");
        }
        String xdg = env.get("XDG_DATA_HOME");
        return xdg != null && !xdg.isBlank() ? Path.of(xdg, "reel")
                : home.resolve(".local").resolve("share").resolve("reel");
    }

    static Path dataDir() {
        return dataDir(System.getProperty("os.name", ""), System.getenv(),
                Path.of(System.getProperty("user.home")));
    }
}
