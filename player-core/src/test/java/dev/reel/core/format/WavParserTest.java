package dev.reel.core.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.reel.testkit.WavBuilder;
import dev.reel.testkit.WavBuilder.Codec;
import dev.reel.testkit.WavBuilder.Container;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

@Timeout(10)
class WavParserTest {

    private static final byte[] SAMPLES = ramp(48);

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({
        "PCM, 8, U8", "PCM, 16, S16LE", "PCM, 24, S24LE", "PCM, 32, S32LE",
        "PCM, 12, S16LE", "PCM, 20, S24LE",
        "FLOAT, 32, F32LE", "FLOAT, 64, F64LE", "ALAW, 8, ALAW", "ULAW, 8, ULAW"})
    void readsEveryFormatTag(Codec codec, int bits, PcmEncoding expected) throws IOException {
        WavBuilder builder = WavBuilder.of(codec, bits, 22050, 2).data(SAMPLES);
        byte[] wav = builder.build();

        AudioInfo info = parseAndCheckData(wav, builder.dataOffset(), SAMPLES.length);

        assertThat(info.format()).isEqualTo(new PcmFormat(expected, 22050, 2));
        assertThat(info.dataLength()).hasValue(SAMPLES.length);
        assertThat(info.channelMask()).isZero();
    }

    @ParameterizedTest
    @CsvSource({"PCM, 16, 16, S16LE", "PCM, 32, 24, S32LE", "PCM, 24, 20, S24LE",
        "FLOAT, 32, 32, F32LE", "FLOAT, 64, 64, F64LE", "ALAW, 8, 8, ALAW", "ULAW, 8, 8, ULAW",
        "PCM, 16, 0, S16LE"})
    void readsExtensible(Codec codec, int bits, int validBits, PcmEncoding expected)
            throws IOException {
        WavBuilder builder = WavBuilder.of(codec, bits, 48000, 6).extensible(validBits, 0x3F)
                .data(ramp(6 * 8 * 4));
        AudioInfo info = parseAndCheckData(builder.build(), builder.dataOffset(), 6 * 8 * 4);

        assertThat(info.format()).isEqualTo(new PcmFormat(expected, 48000, 6));
        assertThat(info.channelMask()).isEqualTo(0x3F);
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void skipsChunksWhereverTheyStandIncludingOddOnes(Container container) throws IOException {
        WavBuilder builder = WavBuilder.pcm(16, 44100, 2).container(container).data(SAMPLES)
                .chunkBeforeFmt("JUNK", new byte[27])
                .chunkBeforeFmt("bext", new byte[602])
                .chunkAfterFmt("LIST", "INFOISFT\u0005\u0000\u0000\u0000Reel\u0000".getBytes())
                .chunkAfterFmt("fact", new byte[4])
                .chunkAfterFmt("odd ", new byte[1])
                .chunkAfterData("id3 ", new byte[11]);

        AudioInfo info = parseAndCheckData(builder.build(), builder.dataOffset(), SAMPLES.length);

        assertThat(info.dataLength()).hasValue(SAMPLES.length);
        assertThat(info.dataOffset()).isEqualTo(builder.dataOffset());
    }

    @Test
    void skipsALargeChunkWithoutAllocatingIt() throws IOException {
        byte[] art = new byte[5 << 20];
        WavBuilder builder = WavBuilder.pcm(16, 44100, 2).chunkBeforeFmt("LIST", art).data(SAMPLES);
        parseAndCheckData(builder.build(), builder.dataOffset(), SAMPLES.length);
    }

    @Test
    void fmtWithExtensionBytesIsRead() throws IOException {
        WavBuilder builder = WavBuilder.of(Codec.FLOAT, 32, 8000, 1).fmtExtraBytes(7).data(SAMPLES);
        AudioInfo info = parseAndCheckData(builder.build(), builder.dataOffset(), SAMPLES.length);
        assertThat(info.format().encoding()).isEqualTo(PcmEncoding.F32LE);
    }

    @ParameterizedTest
    @CsvSource({"0", "4294967295"})
    void streamingDataSizesMeanUntilTheEnd(long size) throws IOException {
        WavBuilder builder = WavBuilder.pcm(16, 44100, 2).declaredDataSize(size).data(SAMPLES);
        AudioInfo info = parseAndCheckData(builder.build(), builder.dataOffset(), SAMPLES.length);
        assertThat(info.dataLength()).isEmpty();
        assertThat(info.durationSeconds()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Container.class)
    void streamingBuilderSizesMeanUntilTheEnd(Container container) throws IOException {
        WavBuilder builder = WavBuilder.pcm(24, 96000, 2).container(container).streaming()
                .data(SAMPLES);
        assertThat(parseAndCheckData(builder.build(), builder.dataOffset(), SAMPLES.length)
                .dataLength()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = Container.class, names = {"RF64", "BW64"})
    void rf64DataOverFourGibibytes(Container container) throws IOException {
        long size = 6L << 30;
        WavBuilder builder = WavBuilder.pcm(16, 44100, 2).container(container)
                .declaredDataSize(size).data(SAMPLES);
        AudioInfo info = parseAndCheckData(builder.build(), builder.dataOffset(), SAMPLES.length);
        assertThat(info.dataLength()).hasValue(size);
        assertThat(info.frames()).hasValue(size / 4);
    }

    @Test
    void aShortDataChunkIsTheCallersBusiness() throws IOException {
        WavBuilder builder = WavBuilder.pcm(16, 44100, 2).declaredDataSize(1000).data(SAMPLES);
        AudioInfo info = parseAndCheckData(builder.build(), builder.dataOffset(), SAMPLES.length);
        assertThat(info.dataLength()).hasValue(1000);
    }

    @Test
    void readsNothingPastTheDataChunkHeader() throws IOException {
        WavBuilder builder = WavBuilder.pcm(16, 44100, 2).chunkBeforeFmt("JUNK", new byte[9000])
                .data(SAMPLES);
        byte[] wav = builder.build();
        AtomicLong delivered = new AtomicLong();
        InputStream counting = new ByteArrayInputStream(wav) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                int n = super.read(b, off, len);
                delivered.addAndGet(Math.max(n, 0));
                return n;
            }
        };
        WavParser.parse(Channels.newChannel(counting));
        assertThat(delivered).hasValue(builder.dataOffset());
    }

    @Test
    void readsThroughAChannelThatTricklesWithSmallBuffersOnly() throws IOException {
        WavBuilder builder = WavBuilder.pcm(16, 44100, 2).container(Container.RF64)
                .chunkBeforeFmt("LIST", new byte[3 << 20]).chunkAfterFmt("JUNK", new byte[7])
                .data(SAMPLES);
        byte[] wav = builder.build();
        ByteBuffer source = ByteBuffer.wrap(wav);
        int[] largestRequest = {0};
        ReadableByteChannel trickle = new ReadableByteChannel() {
            @Override
            public int read(ByteBuffer dst) {
                largestRequest[0] = Math.max(largestRequest[0], dst.remaining());
                if (!source.hasRemaining()) {
                    return -1;
                }
                dst.put(source.get());
                return 1;
            }

            @Override
            public boolean isOpen() {
                return true;
            }

            @Override
            public void close() {
            }
        };

        AudioInfo info = WavParser.parse(trickle);

        assertThat(info.dataOffset()).isEqualTo(builder.dataOffset());
        assertThat(source.position()).isEqualTo(builder.dataOffset());
        assertThat(largestRequest[0]).isLessThanOrEqualTo(8192);
    }

    @Test
    void describesItsFormatForPeople() throws IOException {
        AudioInfo info = parse(WavBuilder.pcm(16, 44100, 2).data(new byte[44100 * 4]).build());
        assertThat(info.format().describe()).isEqualTo("44.1 kHz · 16-bit · stereo");
        assertThat(info.durationSeconds()).hasValue(1.0);
    }

    // ---- errors: one line each, FormatException

    @Test
    void rejectsWrongStarts() {
        assertRejected(latin1("<!DOCTYPE html><html>"), "not a WAV file (starts with \"<!DOCTYP\")");
        assertRejected(latin1("ID3\u0004\u0000"), "not a WAV file (starts with 49 44 33 04 00)");
        assertRejected(latin1("RIFF\u0000\u0000\u0000\u0000AVI "),
                "not a WAV file (a RIFF file of form 'AVI ')");
        assertRejected(latin1("RIFX\u0000\u0000\u0000\u0000WAVE"),
                "big-endian RIFX WAV files are not supported");
        assertRejected(latin1("RIFF\u0000\u0000"), "header ends before the data chunk");
        assertRejected(latin1("RIFF\u0000\u0000\u0000\u0000WAVE"), "header ends before the data chunk");
        assertRejected(latin1("RIFF\u0000\u0000\u0000\u0000WAVEdata\u0000\u0000\u0000\u0000"),
                "data chunk comes before the fmt chunk");
        assertRejected(latin1("RF64\u0000\u0000\u0000\u0000WAVEfmt \u0000\u0000\u0000\u0000"),
                "RF64 file starts with chunk 'fmt ' instead of ds64");
        assertRejected(latin1("RF64\u0000\u0000\u0000\u0000WAVEds64\u0010\u0000\u0000\u0000"),
                "ds64 chunk of 16 bytes is too short (24 needed)");
    }

    @Test
    void rejectsAnAbsurdDs64DataSize() {
        byte[] wav = WavBuilder.pcm(16, 8000, 1).container(Container.RF64).declaredDataSize(-2)
                .data(SAMPLES).build();
        assertRejected(wav, "ds64 declares a data size of 18446744073709551614 bytes");
    }

    @Test
    void rejectsAnEmptyResource() {
        assertRejected(new byte[0], "not a WAV file (it is empty)");
    }

    @Test
    void rejectsZeroChannels() {
        assertRejected(WavBuilder.pcm(16, 44100, 0).build(), "fmt chunk declares 0 channels");
    }

    @Test
    void rejectsTooManyChannels() {
        assertRejected(WavBuilder.pcm(16, 44100, 300).build(),
                "fmt chunk declares 300 channels (at most 256 supported)");
    }

    @Test
    void rejectsZeroRate() {
        assertRejected(WavBuilder.pcm(16, 0, 2).build(), "fmt chunk declares a sample rate of 0 Hz");
    }

    @Test
    void rejectsAbsurdRate() {
        assertRejected(WavBuilder.pcm(16, -1, 2).build(),
                "fmt chunk declares a sample rate of 4294967295 Hz (at most 1536000 supported)");
    }

    @Test
    void rejectsCompressedFormats() {
        assertRejected(WavBuilder.withFormatTag(0x0055, 0, 44100, 2).blockAlign(1).build(),
                "format tag 0x0055 (MP3) is not PCM");
        assertRejected(WavBuilder.withFormatTag(0x1234, 4, 44100, 2).build(),
                "format tag 0x1234 is not PCM");
        assertRejected(WavBuilder.withFormatTag(0x0011, 4, 44100, 2).extensible(4, 3).build(),
                "extensible sub-format 0x0011 (IMA ADPCM) is not PCM");
    }

    @Test
    void rejectsAForeignSubFormatGuid() {
        byte[] guid = new byte[16];
        guid[0] = 1;
        assertRejected(WavBuilder.pcm(16, 44100, 2).extensible(16, 3).subFormatGuid(guid).build(),
                "extensible sub-format {00000001-0000-0000-0000-000000000000} is not PCM");
    }

    @Test
    void rejectsValidBitsWiderThanTheContainer() {
        assertRejected(WavBuilder.pcm(16, 44100, 2).extensible(24, 3).build(),
                "24 valid bits do not fit 16-bit samples");
    }

    @Test
    void rejectsAShortExtensibleFmt() throws IOException {
        byte[] wav = WavBuilder.withFormatTag(0xFFFE, 16, 44100, 2).fmtExtraBytes(4).build();
        assertRejected(wav, "WAVE_FORMAT_EXTENSIBLE fmt chunk of 22 bytes is too short (40 needed)");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "PCM|0|PCM with 0 bits per sample is not supported",
        "PCM|40|PCM with 40 bits per sample is not supported",
        "FLOAT|16|IEEE float with 16 bits per sample is not supported",
        "ALAW|16|A-law with 16 bits per sample is not supported",
        "ULAW|4|µ-law with 4 bits per sample is not supported"})
    void rejectsUnsupportedSampleSizes(Codec codec, int bits, String message) {
        assertRejected(WavBuilder.of(codec, bits, 44100, 2).blockAlign(2).build(), message);
    }

    @Test
    void rejectsAContradictingBlockAlign() {
        assertRejected(WavBuilder.pcm(16, 44100, 2).blockAlign(3).build(),
                "block align 3 contradicts 2 channels of 16-bit");
        assertRejected(WavBuilder.pcm(24, 44100, 1).blockAlign(4).build(),
                "block align 4 contradicts 1 channel of 24-bit");
    }

    @Test
    void rejectsShortAndHugeFmtChunks() {
        byte[] shortFmt = riff("fmt ", 14);
        assertRejected(shortFmt, "fmt chunk of 14 bytes is too short (16 needed)");
        assertRejected(riff("fmt ", 0x7FFF_0000),
                "fmt chunk of 2147418112 bytes is larger than any format (65553)");
    }

    @Test
    void rejectsASecondFmtChunk() {
        byte[] fmtChunk = Arrays.copyOfRange(WavBuilder.pcm(16, 8000, 1).build(), 12, 12 + 24);
        assertRejected(WavBuilder.pcm(16, 8000, 1).chunkAfterFmt("fmt ", Arrays.copyOfRange(
                fmtChunk, 8, 24)).build(), "second fmt chunk");
    }

    @Test
    void rejectsAHeaderPastTheLimitWithoutReadingIt() {
        assertRejected(riff("LIST", 0xFFFF_FFF0), "no data chunk in the first 16 MiB of the file");
        byte[] twoBig = WavBuilder.pcm(16, 8000, 1).chunkBeforeFmt("JUNK", new byte[9 << 20])
                .chunkAfterFmt("JUNK", new byte[9 << 20]).build();
        assertRejected(twoBig, "no data chunk in the first 16 MiB of the file");
    }

    @Test
    void rejectsEveryTruncationOfTheHeader() {
        WavBuilder builder = WavBuilder.pcm(16, 44100, 2).container(Container.RF64)
                .chunkBeforeFmt("LIST", new byte[5]).data(SAMPLES);
        builder.build();
        for (int n = 4; n < builder.dataOffset(); n++) {
            assertRejected(builder.buildTruncated(n), "header ends before the data chunk");
        }
    }

    @Test
    void rejectsNonBlockingChannels() throws IOException {
        try (var pipe = java.nio.channels.Pipe.open().source()) {
            pipe.configureBlocking(false);
            assertThatThrownBy(() -> WavParser.parse(pipe))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static byte[] riff(String chunkId, int chunkSize) {
        ByteBuffer b = ByteBuffer.allocate(20).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(0).put("WAVE".getBytes()).put(chunkId.getBytes())
                .putInt(chunkSize);
        return b.array();
    }

    private void assertRejected(byte[] wav, String message) {
        for (ReadableByteChannel channel : channels(wav)) {
            try (channel) {
                assertThatThrownBy(() -> WavParser.parse(channel))
                        .isInstanceOf(FormatException.class)
                        .hasMessage(message);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Parses through a stream channel and a file channel; both must agree and leave the data. */
    private AudioInfo parseAndCheckData(byte[] wav, int dataOffset, int dataBytes)
            throws IOException {
        AudioInfo first = null;
        for (ReadableByteChannel channel : channels(wav)) {
            try (channel) {
                first = parseOne(channel, wav, dataOffset, dataBytes, first);
            }
        }
        return first;
    }

    private static AudioInfo parseOne(ReadableByteChannel channel, byte[] wav, int dataOffset,
            int dataBytes, AudioInfo previous) throws IOException {
        AudioInfo info = WavParser.parse(channel);
        assertThat(info.dataOffset()).isEqualTo(dataOffset);
        ByteBuffer rest = ByteBuffer.allocate(dataBytes);
        while (rest.hasRemaining() && channel.read(rest) >= 0) {
            continue;
        }
        assertThat(rest.array())
                .isEqualTo(Arrays.copyOfRange(wav, dataOffset, dataOffset + dataBytes));
        if (previous != null) {
            assertThat(info).isEqualTo(previous);
        }
        return info;
    }

    private AudioInfo parse(byte[] wav) throws IOException {
        return WavParser.parse(Channels.newChannel(new ByteArrayInputStream(wav)));
    }

    private ReadableByteChannel[] channels(byte[] wav) {
        try {
            Path file = Files.createTempFile(dir, "t", ".wav");
            Files.write(file, wav);
            return new ReadableByteChannel[] {
                Channels.newChannel(new ByteArrayInputStream(wav)), FileChannel.open(file)};
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] ramp(int n) {
        byte[] b = new byte[n];
        for (int i = 0; i < n; i++) {
            b[i] = (byte) (i * 7 + 3);
        }
        return b;
    }

    private static byte[] latin1(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
