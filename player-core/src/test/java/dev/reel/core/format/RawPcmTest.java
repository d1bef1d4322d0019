package dev.reel.core.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

@Timeout(5)
class RawPcmTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "s16le:44100:2|S16LE|44100|2",
        "u8:8000:1|U8|8000|1",
        "S24BE:96000:6|S24BE|96000|6",
        " f32le:48000:2 |F32LE|48000|2",
        "ulaw:8000:1|ULAW|8000|1"})
    void parsesSpecs(String spec, PcmEncoding encoding, int rate, int channels) {
        assertThat(RawPcm.parseSpec(spec)).isEqualTo(new PcmFormat(encoding, rate, channels));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "s16le:44100|format 's16le:44100' is not ENC:RATE:CHANNELS, e.g. s16le:44100:2",
        "s16le:44100:2:1|format 's16le:44100:2:1' is not ENC:RATE:CHANNELS, e.g. s16le:44100:2",
        "pcm:44100:2|format 'pcm:44100:2': unknown sample encoding 'pcm' (valid: u8 s8 s16le s16be s24le s24be s32le s32be f32le f32be f64le f64be alaw ulaw)",
        "s16le:44.1k:2|format 's16le:44.1k:2': sample rate '44.1k' is not a whole number",
        "s16le::2|format 's16le::2': sample rate '' is not a whole number",
        "s16le:-44100:2|format 's16le:-44100:2': sample rate '-44100' is not a whole number",
        "s16le:99999999999:2|format 's16le:99999999999:2': sample rate '99999999999' is not a whole number",
        "s16le:44100:two|format 's16le:44100:two': channel count 'two' is not a whole number",
        "s16le:0:2|format 's16le:0:2': sample rate 0 Hz is outside 1..1536000",
        "s16le:44100:0|format 's16le:44100:0': 0 channels is outside 1..256",
        "s16le:44100:1000|format 's16le:44100:1000': 1000 channels is outside 1..256"})
    void rejectsBadSpecsNamingTheBadPart(String spec, String message) {
        assertThatThrownBy(() -> RawPcm.parseSpec(spec))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "audio/L16;rate=44100;channels=2|S16BE|44100|2",
        "audio/L16; rate=44100; channels=2|S16BE|44100|2",
        "AUDIO/l16 ; RATE=8000|S16BE|8000|1",
        "audio/L24;rate=\"96000\";channels=\"6\"|S24BE|96000|6",
        "audio/L8;rate=8000|U8|8000|1",
        "audio/L16;channels=1;rate=16000;foo=bar|S16BE|16000|1",
        "audio/L16;rate = 22050 ;; channels= 2|S16BE|22050|2",
        "audio/L16;title=\"a;b\\\"c\";rate=11025|S16BE|11025|1"})
    void readsLinearPcmMediaTypes(String type, PcmEncoding encoding, int rate, int channels)
            throws FormatException {
        assertThat(RawPcm.fromContentType(type)).contains(new PcmFormat(encoding, rate, channels));
    }

    @ParameterizedTest
    @ValueSource(strings = {"audio/wav", "audio/x-wav", "audio/L32;rate=8000", "text/html",
        "application/octet-stream", "audio", "", "/L16", "audio/", "video/L16;rate=8000"})
    void otherTypesAreNotRawPcm(String type) throws FormatException {
        assertThat(RawPcm.fromContentType(type)).isEmpty();
    }

    @Test
    void nullIsNotRawPcm() throws FormatException {
        assertThat(RawPcm.fromContentType(null)).isEqualTo(Optional.empty());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "audio/L16|audio/L16 has no rate parameter",
        "audio/L16;channels=2|audio/L16 has no rate parameter",
        "audio/L24;rate=fast|audio/L24 rate 'fast' is not a whole number",
        "audio/L16;rate=0|audio/L16: sample rate 0 Hz is outside 1..1536000",
        "audio/L16;rate=8000;channels=0|audio/L16: 0 channels is outside 1..256",
        "audio/L16;rate=8000;channels=-1|audio/L16 channels '-1' is not a whole number",
        "audio/L16;rate|audio/L16 has a malformed parameter list (parameter 'rate' has no value)",
        "audio/L16;rate=8000;rate=16000|audio/L16 has a malformed parameter list (parameter 'rate' given twice)",
        "audio/L16;rate=\"8000|audio/L16 has a malformed parameter list (parameter 'rate' has an unclosed quote)",
        "audio/L16;rate=\"8000\"x|audio/L16 has a malformed parameter list (parameter 'rate' has text after its quoted value)",
        "audio/L16;=8000|audio/L16 has a malformed parameter list (a parameter has no name)"})
    void rejectsLinearPcmWithoutAUsableFormat(String type, String message) {
        assertThatThrownBy(() -> RawPcm.fromContentType(type))
                .isInstanceOf(FormatException.class)
                .hasMessage(message);
    }
}
