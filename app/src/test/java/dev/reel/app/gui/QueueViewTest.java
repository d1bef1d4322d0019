package dev.reel.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.css.PseudoClass;
import javafx.scene.Scene;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
@Timeout(30)
class QueueViewTest {

    private final PlayQueue queue = new PlayQueue();
    private final List<QueueItem> played = new ArrayList<>();
    private final QueueItem a = QueueItem.of("http://h/a.wav");
    private final QueueItem b = QueueItem.of("/music/b.wav");
    private final QueueItem c = QueueItem.of("http://h/c.wav");
    private QueueView view;

    @Start
    void start(Stage stage) {
        queue.append(List.of(a, b, c));
        view = new QueueView(queue, played::add);
        stage.setScene(new Scene(view, 300, 300));
        stage.show();
    }

    @Test
    void altArrowsReorderDeleteRemovesEnterPlays(FxRobot robot) {
        robot.clickOn("a.wav");
        robot.push(KeyCode.ALT, KeyCode.DOWN);
        assertThat(queue.items()).containsExactly(b, a, c);
        assertThat(view.getSelectionModel().getSelectedItem()).isSameAs(a);

        robot.type(KeyCode.ENTER);
        assertThat(played).containsExactly(a);

        robot.type(KeyCode.DELETE);
        assertThat(queue.items()).containsExactly(b, c);
    }

    @Test
    void aDoubleClickPlaysAndTheCurrentEntryIsMarked(FxRobot robot) {
        robot.doubleClickOn("c.wav", MouseButton.PRIMARY);
        assertThat(played).containsExactly(c);

        robot.interact(() -> queue.currentProperty().set(c));
        assertThat(cellsIn(robot, "current")).isEqualTo(1);
        robot.interact(() -> {
            queue.markFailed(b, "HTTP 404 from /music/b.wav");
            view.refresh();
        });
        assertThat(cellsIn(robot, "failed")).isEqualTo(1);
        assertThat(robot.lookup("HTTP 404 from /music/b.wav").tryQuery()).isPresent();
    }

    private static long cellsIn(FxRobot robot, String pseudoClass) {
        PseudoClass state = PseudoClass.getPseudoClass(pseudoClass);
        return robot.lookup(".list-cell").queryAll().stream()
                .filter(cell -> cell.getPseudoClassStates().contains(state)).count();
    }
}
