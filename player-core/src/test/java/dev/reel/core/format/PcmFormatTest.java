package dev.reel.core.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioFormat.Encoding;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

@Timeout(5)
class PcmFormatTest {

    @ParameterizedTest
    @CsvSource({
        "u8, U8, 1, PCM_UNSIGNED, false", "s8, S8, 1, PCM_SIGNED, false",
        "s16le, S16LE, 2, PCM_SIGNED, false", "s16be, S16BE, 2, PCM_SIGNED, true",
        "s24le, S24LE, 3, PCM_SIGNED, false", "s24be, S24BE, 3, PCM_SIGNED, true",
        "s32le, S32LE, 4, PCM_SIGNED, false", "s32be, S32BE, 4, PCM_SIGNED, true",
        "f32le, F32LE, 4, PCM_FLOAT, false", "f32be, F32BE, 4, PCM_FLOAT, true",
        "f64le, F64LE, 8, PCM_FLOAT, false", "f64be, F64BE, 8, PCM_FLOAT, true",
        "alaw, ALAW, 1, ALAW, false", "ulaw, ULAW, 1, ULAW, false"})
    void encodingsMapToJavaSound(String id, PcmEncoding encoding, int bytes, String soundEncoding,
            boolean bigEndian) {
        assertThat(PcmEncoding.parse(id)).isEqualTo(encoding);
        assertThat(PcmEncoding.parse(id.toUpperCase())).isEqualTo(encoding);
        assertThat(encoding.id()).isEqualTo(id);
        assertThat(encoding.bytesPerSample()).isEqualTo(bytes);

        AudioFormat format = new PcmFormat(encoding, 48000, 3).toAudioFormat();

        assertThat(format.getEncoding()).isEqualTo(new Encoding(soundEncoding));
        assertThat(format.getSampleSizeInBits()).isEqualTo(bytes * 8);
        assertThat(format.getFrameSize()).isEqualTo(bytes * 3);
        assertThat(format.getChannels()).isEqualTo(3);
        assertThat(format.getSampleRate()).isEqualTo(48000f);
        assertThat(format.getFrameRate()).isEqualTo(48000f);
        assertThat(format.isBigEndian()).isEqualTo(bigEndian);
    }

    @Test
    void unknownEncodingListsTheValidOnes() {
        assertThatThrownBy(() -> PcmEncoding.parse("s16"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown sample encoding 's16' (valid: u8 s8 s16le s16be s24le s24be "
                        + "s32le s32be f32le f32be f64le f64be alaw ulaw)");
    }

    @ParameterizedTest
    @EnumSource(PcmEncoding.class)
    void kindsAreConsistent(PcmEncoding e) {
        assertThat(e.bitsPerSample()).isEqualTo(8 * e.bytesPerSample());
        assertThat(e.isCompanded()).isEqualTo(e == PcmEncoding.ALAW || e == PcmEncoding.ULAW);
        assertThat(e.isFloat()).isEqualTo(e.id().startsWith("f"));
        assertThat(e.isSigned()).isEqualTo(e.id().startsWith("s"));
        assertThat(e.isBigEndian()).isEqualTo(e.id().endsWith("be"));
        assertThat(e).hasToString(e.id());
    }

    @Test
    void sizesAndRates() {
        PcmFormat cd = new PcmFormat(PcmEncoding.S16LE, 44100, 2);
        assertThat(cd.frameSize()).isEqualTo(4);
        assertThat(cd.bytesPerSecond()).isEqualTo(176400);
        PcmFormat big = new PcmFormat(PcmEncoding.F64BE, PcmFormat.MAX_SAMPLE_RATE,
                PcmFormat.MAX_CHANNELS);
        assertThat(big.bytesPerSecond()).isEqualTo(8L * 256 * 1_536_000);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "S16LE|44100|2|44.1 kHz · 16-bit · stereo",
        "U8|8000|1|8 kHz · 8-bit unsigned · mono",
        "S24BE|96000|6|96 kHz · 24-bit · 6 channels",
        "F32LE|22050|2|22.05 kHz · 32-bit float · stereo",
        "F64LE|11025|1|11.025 kHz · 64-bit float · mono",
        "ALAW|8000|1|8 kHz · A-law · mono",
        "ULAW|500|1|500 Hz · µ-law · mono"})
    void describesForPeople(PcmEncoding encoding, int rate, int channels, String text) {
        assertThat(new PcmFormat(encoding, rate, channels).describe()).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "0|2|sample rate 0 Hz is outside 1..1536000",
        "-5|2|sample rate -5 Hz is outside 1..1536000",
        "1536001|2|sample rate 1536001 Hz is outside 1..1536000",
        "44100|0|0 channels is outside 1..256",
        "44100|257|257 channels is outside 1..256"})
    void rejectsOutOfRange(int rate, int channels, String message) {
        assertThatThrownBy(() -> new PcmFormat(PcmEncoding.S16LE, rate, channels))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @Test
    void rawAudioInfoIsAWavsAudioInfo() throws Exception {
        PcmFormat format = new PcmFormat(PcmEncoding.S16LE, 8000, 1);
        AudioInfo raw = RawPcm.audioInfo(format, java.util.OptionalLong.of(16000));
        assertThat(raw).isEqualTo(new AudioInfo(format, 0, java.util.OptionalLong.of(16000), 0));
        assertThat(raw.durationSeconds()).hasValue(1.0);
        assertThat(raw.frames()).hasValue(8000);
        assertThat(RawPcm.audioInfo(format, java.util.OptionalLong.empty()).durationSeconds())
                .isEmpty();
    }

    @Test
    void audioInfoRejectsNegatives() {
        PcmFormat format = new PcmFormat(PcmEncoding.S16LE, 8000, 1);
        assertThatThrownBy(() -> new AudioInfo(format, -1, java.util.OptionalLong.empty(), 0))
                .hasMessage("negative data offset -1");
        assertThatThrownBy(() -> new AudioInfo(format, 0, java.util.OptionalLong.of(-2), 0))
                .hasMessage("negative data length -2");
    }
}
