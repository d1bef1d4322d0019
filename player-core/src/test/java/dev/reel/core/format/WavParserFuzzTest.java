package dev.reel.core.format;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.channels.Channels;
import org.junit.jupiter.api.Timeout;

/**
 * Feeds arbitrary bytes to {@link WavParser} through a stream channel and a seekable channel:
 * both must agree, fail only with a one-line {@link FormatException}, and stop exactly at the
 * first sample. Fuzzes in its own Surefire execution (see player-core/pom.xml); the seeds are in
 * {@code WavParserFuzzTestInputs/parse}.
 */
@Timeout(120)
class WavParserFuzzTest {

    @FuzzTest(maxDuration = "15s")
    void parse(byte[] bytes) throws IOException {
        ByteArrayInputStream stream = new ByteArrayInputStream(bytes);
        Object viaStream = outcome(() -> WavParser.parse(Channels.newChannel(stream)));
        BytesChannel seekable = new BytesChannel(bytes);
        Object viaSeek = outcome(() -> WavParser.parse(seekable));

        assertThat(viaSeek).isEqualTo(viaStream);
        if (viaStream instanceof AudioInfo info) {
            assertThat(bytes.length - stream.available()).isEqualTo(info.dataOffset());
            assertThat(seekable.position()).isEqualTo(info.dataOffset());
            assertThat(info.dataOffset()).isLessThanOrEqualTo(WavParser.MAX_HEADER_BYTES);
        } else {
            assertThat((String) viaStream).doesNotContain("\n", "\r");
        }
    }

    private interface Parse {
        AudioInfo run() throws IOException;
    }

    /** The parsed info, or the message of the {@link FormatException}; anything else escapes. */
    private static Object outcome(Parse parse) throws IOException {
        try {
            return parse.run();
        } catch (FormatException e) {
            return e.getMessage();
        }
    }
}
