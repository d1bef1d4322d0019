package dev.reel.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class RecentUrlsTest {

    private final Preferences prefs = TestPrefs.fresh();

    @AfterEach
    void removePrefs() throws BackingStoreException {
        prefs.removeNode();
    }

    @Test
    void keepsTheNewestFirstAcrossRuns() {
        RecentUrls recent = new RecentUrls(prefs);
        recent.add("http://h/a.wav");
        recent.add("http://h/b.wav");
        recent.add("http://h/a.wav");

        assertThat(new RecentUrls(prefs).all()).containsExactly("http://h/a.wav", "http://h/b.wav");
    }

    @Test
    void forgetsBeyondTheLimit() {
        RecentUrls recent = new RecentUrls(prefs);
        for (int i = 0; i < RecentUrls.LIMIT + 5; i++) {
            recent.add("http://h/" + i + ".wav");
        }
        assertThat(new RecentUrls(prefs).all()).hasSize(RecentUrls.LIMIT)
                .startsWith("http://h/" + (RecentUrls.LIMIT + 4) + ".wav");
    }

    @Test
    void offersPrefixMatchesBeforeOtherMatches() {
        RecentUrls recent = new RecentUrls(prefs);
        recent.add("http://radio.example/live.wav");
        recent.add("http://127.0.0.1:8000/music/radio-edit.wav");
        recent.add("http://127.0.0.1:8000/other.wav");

        assertThat(recent.matching("radio", 5))
                .containsExactly("http://radio.example/live.wav", "http://127.0.0.1:8000/music/radio-edit.wav");
        assertThat(recent.matching("127 edit", 5)).containsExactly("http://127.0.0.1:8000/music/radio-edit.wav");
        assertThat(recent.matching("  ", 5)).isEmpty();
        assertThat(recent.matching("http://127.0.0.1:8000/other.wav", 5)).isEmpty();
    }
}
