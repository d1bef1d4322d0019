package dev.reel.app.gui;

import atlantafx.base.controls.CustomTextField;
import java.util.List;
import java.util.function.Consumer;
import javafx.geometry.Side;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;

/**
 * The URL field: Enter plays what is typed; as you type, matching recent URLs drop down (↓ to
 * reach them, Enter or a click to play one). JavaFX thread only.
 */
final class UrlField extends CustomTextField {

    private static final int SUGGESTIONS = 8;

    private final RecentUrls recent;
    private final ContextMenu suggestions = new ContextMenu();
    private Consumer<String> onPlay = url -> { };

    UrlField(RecentUrls recent) {
        this.recent = recent;
        getStyleClass().add("url-field");
        setPromptText("Paste a URL to a WAV or raw PCM stream and press Enter   (Ctrl+L)");
        setLeft(new FontIcon(Material2AL.LINK));
        setAccessibleText("Stream URL");
        suggestions.getStyleClass().add("url-suggestions");
        textProperty().addListener((o, old, text) -> {
            if (isFocused()) {
                suggest(text);
            }
        });
        focusedProperty().addListener((o, was, is) -> {
            if (!is) {
                suggestions.hide();
            }
        });
        addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
    }

    void setOnPlay(Consumer<String> onPlay) {
        this.onPlay = onPlay;
    }

    /** The suggestion popup, visible while it offers something. */
    ContextMenu suggestions() {
        return suggestions;
    }

    private void keyPressed(KeyEvent e) {
        if (e.getCode() == KeyCode.ENTER) {
            e.consume();
            submit();
        } else if (e.getCode() == KeyCode.DOWN && suggestions.isShowing()) {
            e.consume();
            suggestions.requestFocus();
        } else if (e.getCode() == KeyCode.ESCAPE && suggestions.isShowing()) {
            e.consume();
            suggestions.hide();
        }
    }

    /** Plays what is typed, as Enter does. */
    void submit() {
        play(getText());
    }

    private void play(String text) {
        String url = text.trim();
        suggestions.hide();
        if (!url.isEmpty()) {
            recent.add(url);
            onPlay.accept(url);
        }
    }

    private void suggest(String text) {
        List<String> matches = recent.matching(text, SUGGESTIONS);
        if (matches.isEmpty()) {
            suggestions.hide();
            return;
        }
        suggestions.getItems().clear();
        for (String url : matches) {
            Label label = new Label(url);
            label.setPrefWidth(Math.max(200, getWidth() - 24));
            label.setMaxWidth(Math.max(200, getWidth() - 24));
            CustomMenuItem item = new CustomMenuItem(label, true);
            item.setOnAction(e -> {
                setText(url);
                positionCaret(url.length());
                play(url);
            });
            suggestions.getItems().add(item);
        }
        if (!suggestions.isShowing() && getScene() != null && getScene().getWindow() != null
                && getScene().getWindow().isShowing()) {
            suggestions.show(this, Side.BOTTOM, 0, 2);
        }
    }
}
