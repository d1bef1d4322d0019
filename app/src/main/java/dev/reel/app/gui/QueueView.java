package dev.reel.app.gui;

import java.util.function.Consumer;
import javafx.css.PseudoClass;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.DataFormat;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.material2.Material2AL;
import org.kordamp.ikonli.material2.Material2MZ;

/**
 * The queue as a list: the current item marked, double-click or Enter plays, Delete removes,
 * Alt+↑/↓ or dragging an entry reorders, a context menu offers the same. JavaFX thread only.
 */
final class QueueView extends ListView<QueueItem> {

    /** What an entry being dragged within the list carries: its index. */
    static final DataFormat QUEUE_INDEX = new DataFormat("application/x-reel-queue-index");
    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current");
    private static final PseudoClass FAILED = PseudoClass.getPseudoClass("failed");

    private final PlayQueue queue;
    private final Consumer<QueueItem> onPlay;

    QueueView(PlayQueue queue, Consumer<QueueItem> onPlay) {
        super(queue.items());
        this.queue = queue;
        this.onPlay = onPlay;
        getStyleClass().add("queue-list");
        setPlaceholder(placeholder());
        setCellFactory(list -> new Cell());
        setAccessibleText("Queue");
        queue.currentProperty().addListener(o -> refresh());
        addEventHandler(KeyEvent.KEY_PRESSED, this::keyPressed);
    }

    private static VBox placeholder() {
        FontIcon icon = new FontIcon(Material2MZ.QUEUE_MUSIC);
        icon.getStyleClass().add("queue-placeholder-icon");
        Label text = new Label("Drop files or links here,\nor open files with Ctrl+O");
        text.getStyleClass().add("queue-placeholder");
        VBox box = new VBox(8, icon, text);
        box.setAlignment(javafx.geometry.Pos.CENTER);
        return box;
    }

    private void keyPressed(KeyEvent e) {
        QueueItem selected = getSelectionModel().getSelectedItem();
        int index = getSelectionModel().getSelectedIndex();
        if (selected == null) {
            return;
        }
        if (e.getCode() == KeyCode.ENTER) {
            onPlay.accept(selected);
        } else if (e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) {
            queue.remove(selected);
        } else if (e.isAltDown() && (e.getCode() == KeyCode.UP || e.getCode() == KeyCode.DOWN)) {
            int to = index + (e.getCode() == KeyCode.UP ? -1 : 1);
            if (to < 0 || to >= queue.items().size()) {
                return;
            }
            queue.move(index, to);
            getSelectionModel().clearAndSelect(to);
        } else {
            return;
        }
        e.consume();
    }

    /** One entry: an icon (a speaker on the current one), the title, and where it comes from. */
    private final class Cell extends ListCell<QueueItem> {
        private final FontIcon icon = new FontIcon();
        private final Label title = new Label();
        private final Label subtitle = new Label();
        private final HBox box;

        Cell() {
            title.getStyleClass().add("queue-title");
            subtitle.getStyleClass().add("queue-subtitle");
            VBox text = new VBox(1, title, subtitle);
            HBox.setHgrow(text, Priority.ALWAYS);
            text.setMinWidth(0);
            icon.getStyleClass().add("queue-icon");
            box = new HBox(10, icon, text);
            box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
            // As wide as the list, never wider: long text ends in an ellipsis, not a scroll bar.
            setPrefWidth(0);
            setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && getItem() != null) {
                    onPlay.accept(getItem());
                }
            });
            setOnDragDetected(e -> {
                if (getItem() == null) {
                    return;
                }
                ClipboardContent content = new ClipboardContent();
                content.put(QUEUE_INDEX, getIndex());
                startDragAndDrop(TransferMode.MOVE).setContent(content);
                e.consume();
            });
            setOnDragOver(e -> {
                if (e.getDragboard().hasContent(QUEUE_INDEX)) {
                    e.acceptTransferModes(TransferMode.MOVE);
                    e.consume();
                }
            });
            setOnDragDropped(e -> {
                if (!e.getDragboard().hasContent(QUEUE_INDEX)) {
                    return;
                }
                int from = (Integer) e.getDragboard().getContent(QUEUE_INDEX);
                int to = isEmpty() ? queue.items().size() - 1 : getIndex();
                queue.move(from, to);
                getSelectionModel().clearAndSelect(to);
                e.setDropCompleted(true);
                e.consume();
            });
        }

        @Override
        protected void updateItem(QueueItem item, boolean empty) {
            super.updateItem(item, empty);
            boolean current = !empty && item != null && item == queue.current();
            String failure = empty || item == null ? null : queue.failure(item);
            pseudoClassStateChanged(CURRENT, current);
            pseudoClassStateChanged(FAILED, failure != null);
            if (empty || item == null) {
                setGraphic(null);
                setContextMenu(null);
                setTooltip(null);
                return;
            }
            icon.setIconCode(failure != null ? Material2AL.ERROR_OUTLINE : current ? Material2MZ.VOLUME_UP
                    : item.isRemote() ? Material2AL.LINK : Material2AL.AUDIOTRACK);
            title.setText(item.title());
            subtitle.setText(failure != null ? failure : item.subtitle());
            setTooltip(new Tooltip(item.location()));
            setGraphic(box);
            setContextMenu(menu(item));
        }

        private ContextMenu menu(QueueItem item) {
            MenuItem play = new MenuItem("Play", new FontIcon(Material2MZ.PLAY_ARROW));
            play.setOnAction(e -> onPlay.accept(item));
            MenuItem up = new MenuItem("Move up", new FontIcon(Material2AL.ARROW_UPWARD));
            up.setOnAction(e -> queue.move(getIndex(), getIndex() - 1));
            MenuItem down = new MenuItem("Move down", new FontIcon(Material2AL.ARROW_DOWNWARD));
            down.setOnAction(e -> queue.move(getIndex(), getIndex() + 1));
            MenuItem remove = new MenuItem("Remove", new FontIcon(Material2AL.DELETE));
            remove.setOnAction(e -> queue.remove(item));
            return new ContextMenu(play, up, down, remove);
        }
    }
}
