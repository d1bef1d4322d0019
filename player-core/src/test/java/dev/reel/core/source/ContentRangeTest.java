package dev.reel.core.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalLong;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Timeout(5)
class ContentRangeTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "bytes 0-499/1234|0|499|1234",
        "bytes 500-1233/1234|500|1233|1234",
        "BYTES 0-0/1|0|0|1",
        "  bytes 7-9/10  |7|9|10",
        "bytes 0-9/*|0|9|",
        "bytes 9223372036854775-9223372036854776/*|9223372036854775|9223372036854776|",
        "bytes 0-999999999999999998/999999999999999999|0|999999999999999998|999999999999999999",
        "bytes 007-009/010|7|9|10"})
    void parsesRanges(String header, long first, long last, Long complete) {
        ContentRange range = ContentRange.parse(header);
        assertThat(range).isEqualTo(new ContentRange(first, last,
                complete == null ? OptionalLong.empty() : OptionalLong.of(complete)));
        assertThat(range.isUnsatisfied()).isFalse();
        assertThat(range.length()).isEqualTo(last - first + 1);
    }

    @ParameterizedTest
    @CsvSource({"bytes */1234, 1234", "bytes */0, 0"})
    void parsesUnsatisfiedRanges(String header, long complete) {
        ContentRange range = ContentRange.parse(header);
        assertThat(range).isEqualTo(new ContentRange(-1, -1, OptionalLong.of(complete)));
        assertThat(range.isUnsatisfied()).isTrue();
        assertThat(range.length()).isZero();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "''|not in bytes",
        "bytes|not in bytes",
        "items 0-1/2|not in bytes",
        "bytes=0-1/2|not in bytes",
        "bytes  0-1/2|first position is not a number",
        "bytes 0-1|no '/' before the complete length",
        "bytes 0-1 /2|last position is not a number",
        "bytes 0 -1/2|first position is not a number",
        "bytes 0-1/ 2|complete length is not a number",
        "bytes */*|neither a range nor a complete length",
        "bytes 5/10|no '-' in the range",
        "bytes -5-9/10|no first position",
        "bytes 0--9/10|last position is not a number",
        "bytes +0-9/10|first position is not a number",
        "bytes 0-/10|no last position",
        "bytes 0-9/|no complete length",
        "bytes 9-0/10|last position before the first",
        "bytes 0-10/10|range ends past the complete length",
        "bytes 0-0/0|range ends past the complete length",
        "bytes 0-9/-10|complete length is not a number",
        "bytes 0-9223372036854775807/*|last position too large",
        "bytes 0-99999999999999999999/*|last position too large",
        "bytes */99999999999999999999|complete length too large",
        "bytes 1-2/3/4|complete length is not a number",
        "bytes 0x1-2/3|first position is not a number",
        "bytes ٠-٩/١٠|complete length is not a number"})
    void rejectsMalformedHeaders(String header, String problem) {
        assertThatThrownBy(() -> ContentRange.parse(header))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("malformed Content-Range '" + header + "': " + problem);
    }
}
