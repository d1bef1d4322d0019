package dev.reel.app.gui;

import java.util.List;

/**
 * One line of the keyboard map, as the help overlay lists it. The map itself is
 * {@link KeyboardShortcuts}; this list and that code change together.
 */
record Shortcut(String keys, String action) {

    static final List<Shortcut> ALL = List.of(
            new Shortcut("Space or K", "Play / pause"),
            new Shortcut("← / →", "Back / forward 5 s"),
            new Shortcut("Shift+← / Shift+→", "Back / forward 30 s"),
            new Shortcut("J / L", "Back / forward 10 s"),
            new Shortcut("Home / End", "Start / end"),
            new Shortcut("0 … 9", "Jump to 0 % … 90 %"),
            new Shortcut("↑ / ↓", "Volume up / down"),
            new Shortcut("M", "Mute / unmute"),
            new Shortcut("N / P", "Next / previous in the queue"),
            new Shortcut("Ctrl+L", "Go to the URL field"),
            new Shortcut("Ctrl+V", "Play the URL on the clipboard"),
            new Shortcut("Ctrl+O", "Open files"),
            new Shortcut("Ctrl+S", "Save the stream to a file"),
            new Shortcut("F1", "Show / hide this help"),
            new Shortcut("Esc", "Close help or the error banner"));
}
