package dev.reel.app.gui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.tinylog.configuration.Configuration;

/**
 * Configures tinylog for the window: everything from info up into {@code reel.log} in the user's
 * data folder, warnings and errors to the console. Must run before anything logs.
 */
final class GuiLogging {

    private GuiLogging() {
    }

    /** Returns the log file, or null when logging was already configured (something logged first). */
    static Path configure() {
        if (Configuration.isFrozen()) {
            return null;
        }
        Path dir = AppDirs.dataDir();
        Map<String, String> config = new HashMap<>();
        config.put("writer1", "console");
        config.put("writer1.level", "warn");
        config.put("writer1.format", "{level}: {message}");
        config.put("writingthread", "true");
        Path log = dir.resolve("reel.log");
        try {
            Files.createDirectories(dir);
            config.put("writer2", "file");
            config.put("writer2.level", "info");
            config.put("writer2.file", log.toString());
            config.put("writer2.append", "true");
            config.put("writer2.charset", "UTF-8");
            config.put("writer2.format", "{date:yyyy-MM-dd HH:mm:ss.SSS} {level} [{thread}] {class-name}: {message}");
        } catch (IOException e) {
            log = null;
            System.err.println("WARN: cannot create the log folder " + dir + ": " + e.getMessage());
        }
        Configuration.replace(config);
        return log;
    }
}
