package dev.reel.app.gui;

import java.util.List;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

/**
 * The F1 overlay: a card over a dimmed window listing every shortcut of {@link Shortcut#ALL} in
 * two columns, keys drawn as key caps. A click anywhere, F1 or Esc closes it. JavaFX thread only.
 */
final class HelpOverlay extends StackPane {

    /** Words between keys that are not keys themselves. */
    private static final List<String> JOINERS = List.of("/", "or", "…");

    HelpOverlay() {
        getStyleClass().add("help-overlay");
        Label title = new Label("Keyboard shortcuts");
        title.getStyleClass().add("help-title");
        int half = (Shortcut.ALL.size() + 1) / 2;
        HBox columns = new HBox(36, column(Shortcut.ALL.subList(0, half)),
                column(Shortcut.ALL.subList(half, Shortcut.ALL.size())));
        Label hint = new Label("Drop files or links anywhere on the window to queue them.   F1 or Esc closes this.");
        hint.getStyleClass().add("help-hint");
        VBox card = new VBox(16, title, columns, hint);
        card.getStyleClass().add("help-card");
        card.setMaxSize(USE_PREF_SIZE, USE_PREF_SIZE);
        getChildren().add(card);
        setAlignment(Pos.CENTER);
        setVisible(false);
        setOnMouseClicked(e -> setVisible(false));
    }

    private static GridPane column(List<Shortcut> shortcuts) {
        GridPane grid = new GridPane();
        grid.getStyleClass().add("help-grid");
        grid.setHgap(18);
        grid.setVgap(8);
        int row = 0;
        for (Shortcut shortcut : shortcuts) {
            Label action = new Label(shortcut.action());
            action.getStyleClass().add("help-action");
            grid.addRow(row++, keys(shortcut.keys()), action);
        }
        return grid;
    }

    /** "Shift+← / Shift+→" as two key caps with a plain slash between. */
    private static Node keys(String keys) {
        HBox box = new HBox(4);
        box.setAlignment(Pos.CENTER_LEFT);
        for (String token : keys.trim().split("\\s+")) {
            Label label = new Label(token);
            label.getStyleClass().add(JOINERS.contains(token) ? "help-joiner" : "kbd");
            box.getChildren().add(label);
        }
        return box;
    }
}
