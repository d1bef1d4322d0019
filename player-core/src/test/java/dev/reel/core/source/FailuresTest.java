package dev.reel.core.source;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;

/**
 * Each kind of I/O failure becomes one line that names the location. A failed DNS lookup is
 * built here rather than provoked, since tests reach nothing but 127.0.0.1.
 */
class FailuresTest {

    private static final String URL = "http://radio.invalid/a.wav";

    @Test
    void anUnknownHostIsNamedAsSuch() {
        SourceException e = Failures.describe(URL, new UnknownHostException("radio.invalid"));
        assertThat(e).hasMessage("unknown host radio.invalid: " + URL);
    }

    @Test
    void refusedAndTimedOutSayWhat() {
        assertThat(Failures.describe(URL, new ConnectException("Connection refused")))
                .hasMessage("cannot connect (Connection refused): " + URL);
        assertThat(Failures.describe(URL, new SocketTimeoutException(null)))
                .hasMessage("timed out (SocketTimeoutException): " + URL);
    }

    @Test
    void aMultiLineMessageKeepsItsFirstLineAndTheLocationIsNotRepeated() {
        assertThat(Failures.describe(URL, new IOException("stream reset\n\tat somewhere")))
                .hasMessage("stream reset: " + URL);
        assertThat(Failures.describe(URL, new IOException("unexpected end of " + URL)))
                .hasMessage("unexpected end of " + URL);
    }

    @Test
    void aSourceExceptionPassesThrough() {
        SourceException original = new SourceException("HTTP 404 from " + URL);
        assertThat(Failures.describe(URL, original)).isSameAs(original);
    }
}
