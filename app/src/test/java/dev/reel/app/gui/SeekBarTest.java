package dev.reel.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.core.player.TimeRange;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

@ExtendWith(ApplicationExtension.class)
@Timeout(30)
class SeekBarTest {

    private SeekBar bar;

    @Start
    void start(Stage stage) {
        bar = new SeekBar();
        bar.setPrefWidth(414);
        stage.setScene(new Scene(new StackPane(bar), 414, 60));
        stage.show();
    }

    @Test
    void drawsEveryDownloadedRangeWhereItLies(FxRobot robot) {
        robot.interact(() -> {
            bar.durationProperty().set(100);
            bar.downloadedProperty().set(List.of(new TimeRange(0, 20), new TimeRange(50, 75), new TimeRange(90, 100)));
        });
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(bar.drawnRangeCount()).isEqualTo(3);
        List<Bounds> segments = robot.lookup(".seek-range").queryAll().stream()
                .map(n -> n.localToScene(n.getBoundsInLocal())).toList();
        Bounds track = robot.lookup(".seek-track").query().localToScene(robot.lookup(".seek-track").query().getBoundsInLocal());
        Bounds middle = segments.get(1);
        assertThat((middle.getMinX() - track.getMinX()) / track.getWidth()).isBetween(0.49, 0.51);
        assertThat(middle.getWidth() / track.getWidth()).isBetween(0.24, 0.26);

        robot.interact(() -> bar.downloadedProperty().set(List.of(new TimeRange(0, 100))));
        assertThat(bar.drawnRangeCount()).isEqualTo(1);
    }

    @Test
    void aClickSeeksToTheTimeUnderTheMouse(FxRobot robot) {
        AtomicReference<Double> seeked = new AtomicReference<>();
        robot.interact(() -> {
            bar.durationProperty().set(200);
            bar.setOnSeek(seeked::set);
        });
        Bounds track = robot.lookup(".seek-track").query().localToScreen(robot.lookup(".seek-track").query().getBoundsInLocal());
        robot.clickOn(track.getMinX() + track.getWidth() * 0.75, track.getCenterY());

        assertThat(seeked.get()).isBetween(148.0, 152.0);
        assertThat(bar.positionProperty().get()).isEqualTo(seeked.get());
    }
}
