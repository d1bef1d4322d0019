package dev.reel.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import javafx.scene.Scene;
import javafx.scene.control.CustomMenuItem;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

@ExtendWith(ApplicationExtension.class)
@Timeout(30)
class UrlFieldTest {

    private final Preferences prefs = TestPrefs.fresh();
    private final List<String> played = new ArrayList<>();
    private UrlField field;

    @Start
    void start(Stage stage) {
        RecentUrls recent = new RecentUrls(prefs);
        recent.add("http://127.0.0.1:8000/jazz/blue.wav");
        recent.add("http://127.0.0.1:8000/rock/red.wav");
        field = new UrlField(recent);
        field.setOnPlay(played::add);
        stage.setScene(new Scene(new VBox(field), 500, 200));
        stage.show();
    }

    @AfterEach
    void removePrefs() throws BackingStoreException {
        prefs.removeNode();
    }

    @Test
    void typingOffersRecentUrlsAndEnterPlaysWhatIsTyped(FxRobot robot) {
        robot.clickOn(field).write("jazz");

        assertThat(field.suggestions().isShowing()).isTrue();
        assertThat(field.suggestions().getItems()).extracting(i -> ((Label) ((CustomMenuItem) i).getContent()).getText())
                .containsExactly("http://127.0.0.1:8000/jazz/blue.wav");

        robot.eraseText(4).write("http://h/new.wav").type(KeyCode.ENTER);
        assertThat(played).containsExactly("http://h/new.wav");
        assertThat(new RecentUrls(prefs).all()).first().isEqualTo("http://h/new.wav");
        assertThat(field.suggestions().isShowing()).isFalse();
    }

    @Test
    void aSuggestionPlaysWhenChosen(FxRobot robot) {
        robot.clickOn(field).write("red");
        robot.interact(() -> field.suggestions().getItems().get(0).fire());

        assertThat(played).containsExactly("http://127.0.0.1:8000/rock/red.wav");
        assertThat(field.getText()).isEqualTo("http://127.0.0.1:8000/rock/red.wav");
    }
}
