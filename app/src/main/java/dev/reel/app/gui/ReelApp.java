package dev.reel.app.gui;

import dev.reel.audio.LineSink;
import dev.reel.core.player.Player;
import dev.reel.core.player.PlayerConfig;
import dev.reel.core.player.Warmup;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.prefs.Preferences;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.tinylog.Logger;

/**
 * The JavaFX window's entry point. Deliberately not an {@code Application} subclass, so that
 * JavaFX runs from the class path: it starts the toolkit itself and blocks until the window closes.
 */
public final class ReelApp {

    /**
     * JavaFX's own logger; it warns at every start that it runs from the class path, which Reel
     * does on purpose. Held strongly so that the level set here sticks.
     */
    private static final java.util.logging.Logger JAVAFX_LOG = java.util.logging.Logger.getLogger("javafx");

    private ReelApp() {
    }

    /**
     * Opens the window with {@code items} (URLs or paths) queued, the first playing; returns when
     * the window is closed. Call it once per JVM, from any thread but the JavaFX one.
     */
    public static void launch(List<String> items) {
        Path log = GuiLogging.configure();
        Logger.info("Reel window starting; log {}", log);
        // While the toolkit starts, so that the first URL played does not wait for the JDK's
        // HTTP set-up or Java Sound's device lookup.
        Warmup.start();
        Warmup.prepare(new LineSink(null));
        Theme theme = Theme.detect();
        CountDownLatch closed = new CountDownLatch(1);
        JAVAFX_LOG.setLevel(java.util.logging.Level.SEVERE);
        Platform.setImplicitExit(false);
        Platform.startup(() -> {
            try {
                open(theme, items, closed);
            } catch (RuntimeException e) {
                Logger.error(e, "the window failed to open");
                closed.countDown();
            }
        });
        try {
            closed.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            Platform.exit();
        }
    }

    private static void open(Theme theme, List<String> items, CountDownLatch closed) {
        theme.apply();
        Player player = new Player(new PlayerConfig(() -> new LineSink(null)));
        ReelWindow window = new ReelWindow(player, preferences());
        Stage stage = new Stage();
        stage.setOnHidden(e -> {
            window.close();
            player.close();
            closed.countDown();
        });
        window.show(stage);
        if (!items.isEmpty()) {
            window.openAll(items);
        }
    }

    /** Where the window keeps recent URLs, volume and folders. */
    static Preferences preferences() {
        return Preferences.userRoot().node("dev/reel/gui");
    }
}
