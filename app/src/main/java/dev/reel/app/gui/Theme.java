package dev.reel.app.gui;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import org.tinylog.Logger;

/**
 * Light or dark, following the platform's preference. JavaFX 21 cannot ask the platform, so this
 * asks the desktop's own tool (gsettings, the Windows registry, macOS defaults) with a short
 * timeout; {@code -Dreel.theme=dark|light} or {@code REEL_THEME} override it. {@link #detect}
 * runs a process: never call it on the JavaFX thread.
 */
enum Theme {
    LIGHT, DARK;

    private static final long PROBE_TIMEOUT_MILLIS = 1500;

    /** The user's choice if given, else the platform's preference, else light. */
    static Theme detect() {
        String override = System.getProperty("reel.theme", System.getenv("REEL_THEME"));
        if (override != null && !override.isBlank()) {
            return override.trim().equalsIgnoreCase("dark") ? DARK : LIGHT;
        }
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        if (os.startsWith("windows")) {
            String out = probe(List.of("reg", "query",
                    "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize",
                    "/v", "AppsUseLightTheme"));
            return out.contains("0x0") ? DARK : LIGHT;
        }
        if (os.startsWith("mac")) {
            return probe(List.of("defaults", "read", "-g", "AppleInterfaceStyle")).contains("Dark") ? DARK : LIGHT;
        }
        String scheme = probe(List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme"));
        if (scheme.contains("prefer-dark")) {
            return DARK;
        }
        if (scheme.contains("prefer-light")) {
            return LIGHT;
        }
        String gtk = probe(List.of("gsettings", "get", "org.gnome.desktop.interface", "gtk-theme"));
        return gtk.toLowerCase(Locale.ROOT).contains("dark") ? DARK : LIGHT;
    }

    /** Installs this theme as the user-agent stylesheet; JavaFX thread. */
    void apply() {
        Application.setUserAgentStylesheet(this == DARK
                ? new PrimerDark().getUserAgentStylesheet()
                : new PrimerLight().getUserAgentStylesheet());
    }

    /** A command's standard output, or "" when it is missing, fails or takes too long. */
    private static String probe(List<String> command) {
        Process process;
        try {
            process = new ProcessBuilder(command).redirectErrorStream(true).start();
            process.getOutputStream().close();
        } catch (IOException | RuntimeException e) {
            return "";
        }
        try {
            if (!process.waitFor(PROBE_TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                Logger.info("{} took too long; using the light theme", command.get(0));
                return "";
            }
            try (InputStream in = process.getInputStream()) {
                return process.exitValue() == 0 ? new String(in.readAllBytes(), StandardCharsets.UTF_8) : "";
            }
        } catch (IOException e) {
            return "";
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
            return "";
        }
    }
}
