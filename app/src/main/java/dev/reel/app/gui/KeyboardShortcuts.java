package dev.reel.app.gui;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.ListView;
import javafx.scene.control.TextInputControl;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;

/**
 * The window's keyboard map (ARCHITECTURE.md, "Keyboard"; {@link Shortcut#ALL} lists it for the
 * help overlay). A scene-wide filter, so it works wherever the focus is, except that a text field
 * keeps plain keys and Ctrl+V for typing, and the queue keeps ↑/↓/Home/End/Enter/Delete for its
 * own navigation. JavaFX thread only.
 */
final class KeyboardShortcuts {

    private static final double SMALL_STEP = 5;
    private static final double MEDIUM_STEP = 10;
    private static final double LARGE_STEP = 30;
    private static final int VOLUME_STEP = 5;

    private final ReelWindow window;

    private KeyboardShortcuts(ReelWindow window) {
        this.window = window;
    }

    static void install(Scene scene, ReelWindow window) {
        KeyboardShortcuts shortcuts = new KeyboardShortcuts(window);
        scene.addEventFilter(KeyEvent.KEY_PRESSED, e -> {
            if (shortcuts.handle(e, scene.getFocusOwner())) {
                e.consume();
            }
        });
    }

    /** Performs the key's action; returns whether the key was one of the map's. */
    private boolean handle(KeyEvent e, Node focus) {
        KeyCode code = e.getCode();
        if (code == KeyCode.F1) {
            window.toggleHelp();
            return true;
        }
        if (code == KeyCode.ESCAPE) {
            return window.dismissOverlays();
        }
        if (e.isShortcutDown() && !e.isAltDown()) {
            return handleShortcut(code, focus);
        }
        if (e.isControlDown() || e.isAltDown() || e.isMetaDown() || focus instanceof TextInputControl) {
            return false;
        }
        if (focus instanceof ListView && keepsForList(code)) {
            return false;
        }
        if (code == KeyCode.ENTER && focus instanceof ButtonBase button) {
            button.fire();
            return true;
        }
        return handlePlain(code, e.isShiftDown());
    }

    private boolean handleShortcut(KeyCode code, Node focus) {
        switch (code) {
            case L:
                window.focusUrlField();
                return true;
            case O:
                window.openFiles();
                return true;
            case S:
                window.saveStream();
                return true;
            case V:
                if (focus instanceof TextInputControl) {
                    return false;
                }
                window.playClipboard();
                return true;
            default:
                return false;
        }
    }

    private static boolean keepsForList(KeyCode code) {
        return code == KeyCode.UP || code == KeyCode.DOWN || code == KeyCode.HOME || code == KeyCode.END
                || code == KeyCode.ENTER || code == KeyCode.DELETE || code == KeyCode.BACK_SPACE
                || code == KeyCode.PAGE_UP || code == KeyCode.PAGE_DOWN;
    }

    private boolean handlePlain(KeyCode code, boolean shift) {
        if (code.isDigitKey()) {
            window.seekToFraction(digit(code) / 10.0);
            return true;
        }
        switch (code) {
            case SPACE:
            case K:
                window.togglePlay();
                return true;
            case LEFT:
                window.seekBy(shift ? -LARGE_STEP : -SMALL_STEP);
                return true;
            case RIGHT:
                window.seekBy(shift ? LARGE_STEP : SMALL_STEP);
                return true;
            case J:
                window.seekBy(-MEDIUM_STEP);
                return true;
            case L:
                window.seekBy(MEDIUM_STEP);
                return true;
            case HOME:
                window.seekToFraction(0);
                return true;
            case END:
                window.seekToFraction(1);
                return true;
            case UP:
                window.changeVolume(VOLUME_STEP);
                return true;
            case DOWN:
                window.changeVolume(-VOLUME_STEP);
                return true;
            case M:
                window.toggleMute();
                return true;
            case N:
                window.next();
                return true;
            case P:
                window.previous();
                return true;
            default:
                return false;
        }
    }

    private static int digit(KeyCode code) {
        String name = code.getName();
        return name.charAt(name.length() - 1) - '0';
    }
}
