package dev.reel.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class LocationsTest {

    @Test
    void filesWinOverTheirUrls() {
        File a = new File("/music/a.wav");
        File b = new File("/music/b.raw");
        assertThat(Locations.of(List.of(a, b), "file:/music/a.wav", "/music/a.wav"))
                .containsExactly(a.getAbsolutePath(), b.getAbsolutePath());
    }

    @Test
    void aBrowsersUriListGivesEveryLinkButComments() {
        String uriList = "# dragged from a page\r\nhttp://127.0.0.1:8080/a.wav\r\nhttps://example.org/b.wav\r\n";
        assertThat(Locations.of(List.of(), uriList, "ignored"))
                .containsExactly("http://127.0.0.1:8080/a.wav", "https://example.org/b.wav");
    }

    @Test
    void plainTextYieldsTheUrlsInIt() {
        assertThat(Locations.of(null, null, "listen to  http://h/a.wav now\nnot a url"))
                .containsExactly("http://h/a.wav");
        assertThat(Locations.of(null, null, "just words")).isEmpty();
        assertThat(Locations.of(null, null, null)).isEmpty();
    }

    @Test
    void rawPcmFilesAreRecognisedByName() {
        assertThat(Locations.isRawPcmFile("/x/take1.RAW")).isTrue();
        assertThat(Locations.isRawPcmFile("/x/take1.pcm")).isTrue();
        assertThat(Locations.isRawPcmFile("/x/take1.wav")).isFalse();
        assertThat(Locations.isRawPcmFile("http://h/stream.raw")).isFalse();
    }
}
