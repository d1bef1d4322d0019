package dev.reel.core.format;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** Every valid format, written as a spec or an audio/L* type, reads back as itself. */
class RawPcmPropertyTest {

    @Property(tries = 300)
    void specsRoundTrip(@ForAll PcmEncoding encoding,
            @ForAll @IntRange(min = 1, max = PcmFormat.MAX_SAMPLE_RATE) int rate,
            @ForAll @IntRange(min = 1, max = PcmFormat.MAX_CHANNELS) int channels) {
        PcmFormat format = new PcmFormat(encoding, rate, channels);
        assertThat(RawPcm.parseSpec(encoding.id() + ":" + rate + ":" + channels)).isEqualTo(format);
    }

    @Property(tries = 300)
    void linearMediaTypesRoundTrip(@ForAll @IntRange(min = 0, max = 2) int kind,
            @ForAll @IntRange(min = 1, max = PcmFormat.MAX_SAMPLE_RATE) int rate,
            @ForAll @IntRange(min = 1, max = PcmFormat.MAX_CHANNELS) int channels,
            @ForAll boolean quoted) throws FormatException {
        String[] names = {"L8", "L16", "L24"};
        PcmEncoding[] encodings = {PcmEncoding.U8, PcmEncoding.S16BE, PcmEncoding.S24BE};
        String q = quoted ? "\"" : "";
        String type = "audio/" + names[kind] + "; channels=" + q + channels + q + "; rate=" + rate;

        assertThat(RawPcm.fromContentType(type))
                .contains(new PcmFormat(encodings[kind], rate, channels));
    }
}
