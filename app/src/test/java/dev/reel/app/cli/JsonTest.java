package dev.reel.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class JsonTest {

    @Test
    void writesFieldsInOrderWithNullsForTheUnknown() {
        String json = Json.object()
                .put("event", "ready")
                .put("format", Json.object().put("rate", 44100).put("channels", 2))
                .put("duration", OptionalDouble.empty())
                .put("size", OptionalLong.of(1234))
                .put("seekable", true)
                .toString();

        assertThat(json).isEqualTo(
                "{\"event\":\"ready\",\"format\":{\"rate\":44100,\"channels\":2},\"duration\":null,\"size\":1234,\"seekable\":true}");
    }

    @Test
    void escapesEverythingOutsidePrintableAscii() {
        String json = Json.object().put("message", "a\"b\\c\nd\re\tf\u0001g\u00e9h\ud83c\udfb5i\ud800").toString();

        assertThat(json).isEqualTo(
                "{\"message\":\"a\\\"b\\\\c\\nd\\re\\tf\\u0001g\\u00e9h\\ud83c\\udfb5i\\ud800\"}");
    }

    @Test
    void numbersAreSecondsToTheMicrosecondAndNeverNaN() {
        assertThat(Json.object().put("a", 1.5).put("b", 2.0).put("c", 1.0 / 3).put("d", Double.NaN)
                .put("e", 0.1 + 0.2).toString())
                .isEqualTo("{\"a\":1.5,\"b\":2,\"c\":0.333333,\"d\":null,\"e\":0.3}");
    }
}
