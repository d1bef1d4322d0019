package dev.reel.testkit;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Builds WAV files for tests from given sample bytes, in every layout a parser meets: RIFF, RF64
 * and BW64; PCM, IEEE float, A-law and µ-law, plain or WAVE_FORMAT_EXTENSIBLE; extra chunks
 * before and after {@code fmt } and after the data, odd sizes with their pad byte; streaming data
 * sizes; wrong fields and cut headers ({@link #buildTruncated}) for error tests.
 * Not thread-safe; each {@code build()} returns a fresh array.
 *
 * <pre>{@code
 * WavBuilder builder = WavBuilder.pcm(16, 44100, 2).data(Signals.pcm(4, 44100))
 *         .chunkBeforeFmt("LIST", info);
 * byte[] wav = builder.build();          // builder.dataOffset() is where the samples start
 * }</pre>
 */
public final class WavBuilder {

    /** The file's outer form. */
    public enum Container {
        /** Classic RIFF with 32-bit sizes. */
        RIFF,
        /** EBU RF64: 32-bit sizes of 0xFFFFFFFF, the real ones in a {@code ds64} chunk. */
        RF64,
        /** ITU BW64, the same layout as RF64 under another magic. */
        BW64
    }

    /** A format tag of the fmt chunk (or the sub-format of an extensible one). */
    public enum Codec {
        PCM(0x0001), FLOAT(0x0003), ALAW(0x0006), ULAW(0x0007);

        private final int tag;

        Codec(int tag) {
            this.tag = tag;
        }

        public int tag() {
            return tag;
        }
    }

    /** The 32-bit size {@code 0xFFFFFFFF} that streaming writers put where they cannot seek back. */
    public static final long UNKNOWN_SIZE = 0xFFFF_FFFFL;

    private static final int EXTENSIBLE_TAG = 0xFFFE;
    private static final byte[] GUID_TAIL = {
        0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00, (byte) 0xAA, 0x00, 0x38,
        (byte) 0x9B, 0x71};

    private record Chunk(String id, byte[] body) {
    }

    private Container container = Container.RIFF;
    private int formatTag;
    private int bitsPerSample;
    private int sampleRate;
    private int channels;
    private Integer blockAlign;
    private boolean extensible;
    private int validBits;
    private int channelMask;
    private byte[] subFormatGuid;
    private int fmtExtraBytes;
    private byte[] data = new byte[0];
    private Long declaredDataSize;
    private Long declaredRiffSize;
    private boolean streaming;
    private final List<Chunk> beforeFmt = new ArrayList<>();
    private final List<Chunk> afterFmt = new ArrayList<>();
    private final List<Chunk> afterData = new ArrayList<>();
    private int dataOffset = -1;

    private WavBuilder(int formatTag, int bitsPerSample, int sampleRate, int channels) {
        this.formatTag = formatTag;
        this.bitsPerSample = bitsPerSample;
        this.sampleRate = sampleRate;
        this.channels = channels;
    }

    /** A file of this codec; sizes and fields follow from the arguments unless overridden. */
    public static WavBuilder of(Codec codec, int bitsPerSample, int sampleRate, int channels) {
        return new WavBuilder(codec.tag(), bitsPerSample, sampleRate, channels);
    }

    /** Integer PCM: 8 bits unsigned, 16/24/32 signed little-endian. */
    public static WavBuilder pcm(int bitsPerSample, int sampleRate, int channels) {
        return of(Codec.PCM, bitsPerSample, sampleRate, channels);
    }

    /** A fmt chunk with any format tag, e.g. 0x0055 (MP3), for error tests. */
    public static WavBuilder withFormatTag(int tag, int bitsPerSample, int sampleRate, int channels) {
        return new WavBuilder(tag, bitsPerSample, sampleRate, channels);
    }

    public WavBuilder container(Container value) {
        container = Objects.requireNonNull(value);
        return this;
    }

    /** Writes WAVE_FORMAT_EXTENSIBLE with the codec's tag as sub-format. */
    public WavBuilder extensible(int validBitsPerSample, int speakerMask) {
        extensible = true;
        validBits = validBitsPerSample;
        channelMask = speakerMask;
        return this;
    }

    /** Replaces the extensible sub-format GUID (16 bytes, as stored), for error tests. */
    public WavBuilder subFormatGuid(byte[] guid) {
        if (guid.length != 16) {
            throw new IllegalArgumentException("a GUID has 16 bytes, not " + guid.length);
        }
        subFormatGuid = guid.clone();
        return this;
    }

    /** Overrides the block align (default channels × bytes per sample). */
    public WavBuilder blockAlign(int value) {
        blockAlign = value;
        return this;
    }

    /** Adds this many extension bytes to the fmt chunk (cbSize grows with them). */
    public WavBuilder fmtExtraBytes(int count) {
        fmtExtraBytes = count;
        return this;
    }

    /** The sample bytes of the data chunk (default none). */
    public WavBuilder data(byte[] samples) {
        data = samples.clone();
        return this;
    }

    /**
     * The size the header declares for the data, instead of its real length: 0 or
     * {@link #UNKNOWN_SIZE} for streaming, or a lie. In RF64/BW64 files this goes in ds64
     * (any 64-bit value) and the data chunk keeps 0xFFFFFFFF.
     */
    public WavBuilder declaredDataSize(long size) {
        declaredDataSize = size;
        return this;
    }

    /** The RIFF size field (RF64: the ds64 RIFF size) instead of the real one. */
    public WavBuilder declaredRiffSize(long size) {
        declaredRiffSize = size;
        return this;
    }

    /** Streaming sizes: RIFF and data sizes of 0xFFFFFFFF (RF64: ds64 sizes of -1). */
    public WavBuilder streaming() {
        streaming = true;
        return this;
    }

    /** A chunk between the file header (RF64: the ds64 chunk) and {@code fmt }. */
    public WavBuilder chunkBeforeFmt(String id, byte[] body) {
        beforeFmt.add(chunk(id, body));
        return this;
    }

    /** A chunk between {@code fmt } and {@code data}. */
    public WavBuilder chunkAfterFmt(String id, byte[] body) {
        afterFmt.add(chunk(id, body));
        return this;
    }

    /** A chunk after the data. */
    public WavBuilder chunkAfterData(String id, byte[] body) {
        afterData.add(chunk(id, body));
        return this;
    }

    /** The whole file. */
    public byte[] build() {
        boolean rf64 = container != Container.RIFF;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes(ascii("WAVE"));
        int ds64At = -1;
        if (rf64) {
            ds64At = body.size() + 8;
            writeChunk(body, "ds64", new byte[28]);
        }
        beforeFmt.forEach(c -> writeChunk(body, c.id, c.body));
        writeChunk(body, "fmt ", fmt());
        afterFmt.forEach(c -> writeChunk(body, c.id, c.body));
        long streamingSize = rf64 ? -1L : UNKNOWN_SIZE;
        long dataSize = declaredDataSize != null ? declaredDataSize
                : streaming ? streamingSize : data.length;
        body.writeBytes(ascii("data"));
        body.writeBytes(le32(rf64 ? UNKNOWN_SIZE : dataSize));
        dataOffset = 8 + body.size();
        body.writeBytes(data);
        if (data.length % 2 == 1) {
            body.write(0);
        }
        afterData.forEach(c -> writeChunk(body, c.id, c.body));

        byte[] bytes = body.toByteArray();
        long riffSize = declaredRiffSize != null ? declaredRiffSize
                : streaming ? streamingSize : bytes.length;
        ByteBuffer file = ByteBuffer.allocate(8 + bytes.length).order(ByteOrder.LITTLE_ENDIAN);
        file.put(ascii(container.name()));
        file.putInt((int) (rf64 ? UNKNOWN_SIZE : riffSize));
        file.put(bytes);
        if (rf64) {
            file.position(8 + ds64At);
            file.putLong(riffSize);
            file.putLong(dataSize);
            file.putLong(data.length / Math.max(1, blockAlign()));
            file.putInt(0);
        }
        return file.array();
    }

    /** The first {@code length} bytes of the file, e.g. a header cut short for error tests. */
    public byte[] buildTruncated(int length) {
        return Arrays.copyOf(build(), length);
    }

    /** Offset of the first sample in the last {@link #build()}'s file. */
    public int dataOffset() {
        if (dataOffset < 0) {
            throw new IllegalStateException("build() first");
        }
        return dataOffset;
    }

    private byte[] fmt() {
        int size = (extensible ? 40 : formatTag == Codec.PCM.tag() && fmtExtraBytes == 0 ? 16 : 18)
                + fmtExtraBytes;
        ByteBuffer fmt = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        fmt.putShort((short) (extensible ? EXTENSIBLE_TAG : formatTag));
        fmt.putShort((short) channels);
        fmt.putInt(sampleRate);
        fmt.putInt(sampleRate * blockAlign());
        fmt.putShort((short) blockAlign());
        fmt.putShort((short) bitsPerSample);
        if (size > 16) {
            fmt.putShort((short) (size - 18));
        }
        if (extensible) {
            fmt.putShort((short) validBits);
            fmt.putInt(channelMask);
            if (subFormatGuid != null) {
                fmt.put(subFormatGuid);
            } else {
                fmt.putShort((short) formatTag);
                fmt.put(GUID_TAIL);
            }
        }
        return fmt.array();
    }

    private int blockAlign() {
        return blockAlign != null ? blockAlign : channels * ((bitsPerSample + 7) / 8);
    }

    private static Chunk chunk(String id, byte[] body) {
        if (ascii(id).length != 4) {
            throw new IllegalArgumentException("a chunk id has 4 characters: '" + id + "'");
        }
        return new Chunk(id, body.clone());
    }

    private static void writeChunk(ByteArrayOutputStream out, String id, byte[] body) {
        out.writeBytes(ascii(id));
        out.writeBytes(le32(body.length));
        out.writeBytes(body);
        if (body.length % 2 == 1) {
            out.write(0);
        }
    }

    private static byte[] le32(long value) {
        return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt((int) value).array();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }
}
