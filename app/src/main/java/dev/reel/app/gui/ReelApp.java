package dev.reel.app.gui;

import java.util.List;

/** The JavaFX window. */
public final class ReelApp {

    private ReelApp() {
    }

    /**
     * Opens the window with {@code items} (URLs or paths) queued, the first playing; returns when
     * the window is closed.
     */
    public static void launch(List<String> items) {
        throw new UnsupportedOperationException("stub: GUI owner");
    }
}
