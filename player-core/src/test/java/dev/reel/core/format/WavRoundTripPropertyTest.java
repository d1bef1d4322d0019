package dev.reel.core.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reel.testkit.WavBuilder;
import dev.reel.testkit.WavBuilder.Codec;
import dev.reel.testkit.WavBuilder.Container;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ReadableByteChannel;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** Whatever layout {@link WavBuilder} writes, {@link WavParser} reads back exactly. */
class WavRoundTripPropertyTest {

    record Variant(Codec codec, int bits, PcmEncoding encoding) {
    }

    record Extra(String id, byte[] body) {
    }

    @Property(tries = 300)
    void builderAndParserAgree(
            @ForAll("variants") Variant variant,
            @ForAll Container container,
            @ForAll @IntRange(min = 1, max = PcmFormat.MAX_SAMPLE_RATE) int rate,
            @ForAll @IntRange(min = 1, max = PcmFormat.MAX_CHANNELS) int channels,
            @ForAll boolean extensible,
            @ForAll int channelMask,
            @ForAll boolean streaming,
            @ForAll("extras") List<Extra> beforeFmt,
            @ForAll("extras") List<Extra> afterFmt,
            @ForAll("extras") List<Extra> afterData,
            @ForAll @Size(max = 200) byte[] data) throws IOException {
        WavBuilder builder = WavBuilder.of(variant.codec(), variant.bits(), rate, channels)
                .container(container).data(data);
        if (extensible) {
            builder.extensible(variant.bits(), channelMask);
        }
        if (streaming) {
            builder.streaming();
        }
        beforeFmt.forEach(e -> builder.chunkBeforeFmt(e.id(), e.body()));
        afterFmt.forEach(e -> builder.chunkAfterFmt(e.id(), e.body()));
        afterData.forEach(e -> builder.chunkAfterData(e.id(), e.body()));
        byte[] wav = builder.build();

        ReadableByteChannel channel = Channels.newChannel(new ByteArrayInputStream(wav));
        AudioInfo info = WavParser.parse(channel);

        assertThat(info.format()).isEqualTo(new PcmFormat(variant.encoding(), rate, channels));
        assertThat(info.dataOffset()).isEqualTo(builder.dataOffset());
        assertThat(info.channelMask()).isEqualTo(extensible ? channelMask : 0);
        if (streaming || data.length == 0) {
            assertThat(info.dataLength()).isEmpty();
        } else {
            assertThat(info.dataLength()).hasValue(data.length);
        }
        ByteBuffer next = ByteBuffer.allocate(data.length);
        while (next.hasRemaining() && channel.read(next) >= 0) {
            continue;
        }
        assertThat(next.array()).isEqualTo(data);
    }

    @Provide
    Arbitrary<Variant> variants() {
        return Arbitraries.of(
                new Variant(Codec.PCM, 8, PcmEncoding.U8),
                new Variant(Codec.PCM, 16, PcmEncoding.S16LE),
                new Variant(Codec.PCM, 24, PcmEncoding.S24LE),
                new Variant(Codec.PCM, 32, PcmEncoding.S32LE),
                new Variant(Codec.FLOAT, 32, PcmEncoding.F32LE),
                new Variant(Codec.FLOAT, 64, PcmEncoding.F64LE),
                new Variant(Codec.ALAW, 8, PcmEncoding.ALAW),
                new Variant(Codec.ULAW, 8, PcmEncoding.ULAW));
    }

    @Provide
    Arbitrary<List<Extra>> extras() {
        Arbitrary<String> ids = Arbitraries.of("LIST", "fact", "bext", "JUNK", "PAD ", "iXML",
                "cue ", "smpl", "id3 ", "\u0000\u0001ab");
        Arbitrary<byte[]> bodies = Arbitraries.bytes().array(byte[].class).ofMaxSize(41);
        return Combinators.combine(ids, bodies).as(Extra::new).list().ofMaxSize(3);
    }

    @Property(tries = 200)
    void everyTruncationFailsWithTheSameLine(@ForAll("variants") Variant variant,
            @ForAll Container container, @ForAll boolean extensible,
            @ForAll("extras") List<Extra> beforeFmt,
            @ForAll @IntRange(min = 4, max = 1000) int cut) {
        WavBuilder builder = WavBuilder.of(variant.codec(), variant.bits(), 44100, 2)
                .container(container);
        if (extensible) {
            builder.extensible(variant.bits(), 3);
        }
        beforeFmt.forEach(e -> builder.chunkBeforeFmt(e.id(), e.body()));
        byte[] wav = builder.build();
        byte[] truncated = Arrays.copyOf(wav, Math.min(cut, builder.dataOffset() - 1));
        assertThatThrownBy(() -> WavParser.parse(
                        Channels.newChannel(new ByteArrayInputStream(truncated))))
                .isInstanceOf(FormatException.class)
                .hasMessage("header ends before the data chunk");
    }
}
