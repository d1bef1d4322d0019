package dev.reel.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class ThemeTest {

    @AfterEach
    void clearOverride() {
        System.clearProperty("reel.theme");
    }

    @Test
    void asksTheDesktopWithoutFailingWhateverItHas() {
        assertThat(Theme.detect()).isNotNull();
    }

    @Test
    void anOverrideWins() {
        System.setProperty("reel.theme", "dark");
        assertThat(Theme.detect()).isEqualTo(Theme.DARK);
        System.setProperty("reel.theme", "Light");
        assertThat(Theme.detect()).isEqualTo(Theme.LIGHT);
    }
}
