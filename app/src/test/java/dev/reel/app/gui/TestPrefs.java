package dev.reel.app.gui;

import java.util.UUID;
import java.util.prefs.Preferences;

/** A preferences node of its own for each test, so tests never touch the user's settings. */
final class TestPrefs {

    private TestPrefs() {
    }

    static Preferences fresh() {
        return Preferences.userRoot().node("dev/reel/test/" + UUID.randomUUID());
    }
}
