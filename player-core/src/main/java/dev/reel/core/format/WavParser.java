package dev.reel.core.format;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.ReadableByteChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Reads a RIFF or RF64/BW64 WAVE header from a channel positioned at the resource's first byte and
 * leaves the channel at the first sample. Accepts PCM, IEEE float, A-law, µ-law and
 * WAVE_FORMAT_EXTENSIBLE; skips every other chunk wherever it stands. Reads exactly the header's
 * bytes and at most {@link #MAX_HEADER_BYTES} of them, allocating only small fixed buffers, so a
 * hostile header can neither exhaust memory nor keep it reading. Stateless and thread-safe; the
 * channel must be blocking and used by no one else during the parse.
 */
public final class WavParser {

    /** Bytes before the first sample beyond which a file is refused (embedded art fits well). */
    public static final long MAX_HEADER_BYTES = 16L << 20;

    /** Largest fmt chunk a WAVE format can have: 18 bytes plus a 16-bit extension size. */
    static final int MAX_FMT_SIZE = 18 + 0xFFFF;

    private static final String HEADER_ENDS = "header ends before the data chunk";
    private static final int TAG_PCM = 0x0001;
    private static final int TAG_FLOAT = 0x0003;
    private static final int TAG_ALAW = 0x0006;
    private static final int TAG_ULAW = 0x0007;
    private static final int TAG_EXTENSIBLE = 0xFFFE;
    private static final long UNKNOWN_SIZE_32 = 0xFFFF_FFFFL;
    /** KSDATAFORMAT_SUBTYPE_* GUIDs are the format tag followed by these 14 bytes. */
    private static final byte[] SUBFORMAT_GUID_TAIL = {
        0x00, 0x00, 0x00, 0x00, 0x10, 0x00, (byte) 0x80, 0x00, 0x00, (byte) 0xAA, 0x00, 0x38,
        (byte) 0x9B, 0x71};
    private static final Map<Integer, String> CODEC_NAMES = Map.ofEntries(
            Map.entry(0x0000, "unknown"),
            Map.entry(0x0002, "Microsoft ADPCM"),
            Map.entry(0x0011, "IMA ADPCM"),
            Map.entry(0x0031, "GSM 6.10"),
            Map.entry(0x0050, "MPEG"),
            Map.entry(0x0055, "MP3"),
            Map.entry(0x00FF, "AAC"),
            Map.entry(0x0160, "WMA"),
            Map.entry(0x0161, "WMA"),
            Map.entry(0x1610, "AAC"),
            Map.entry(0x2000, "AC-3"),
            Map.entry(0x2001, "DTS"),
            Map.entry(0x674F, "Ogg Vorbis"),
            Map.entry(0x6750, "Ogg Vorbis"),
            Map.entry(0x6751, "Ogg Vorbis"),
            Map.entry(0xF1AC, "FLAC"));

    private WavParser() {
    }

    /**
     * Reads up to the start of the {@code data} chunk and leaves the channel there.
     *
     * @throws FormatException malformed or unsupported (one line)
     * @throws IOException the channel failed
     */
    public static AudioInfo parse(ReadableByteChannel in) throws IOException {
        HeaderInput input = new HeaderInput(in, MAX_HEADER_BYTES, "16 MiB");
        boolean rf64 = readRiffHeader(input);
        long ds64DataSize = rf64 ? readDs64(input) : -1;
        Fmt fmt = null;
        while (true) {
            ByteBuffer header = input.readFully(8, HEADER_ENDS);
            String id = fourCc(header);
            long size = Integer.toUnsignedLong(header.getInt());
            if (id.equals("data")) {
                if (fmt == null) {
                    throw new FormatException("data chunk comes before the fmt chunk");
                }
                OptionalLong length = dataLength(size, rf64, ds64DataSize);
                return new AudioInfo(fmt.format, input.consumed(), length, fmt.channelMask);
            }
            if (id.equals("fmt ")) {
                if (fmt != null) {
                    throw new FormatException("second fmt chunk");
                }
                fmt = readFmt(input, size);
            } else {
                input.skip(size + (size & 1), HEADER_ENDS);
            }
        }
    }

    /** Checks the 12-byte file header; true for RF64/BW64. */
    private static boolean readRiffHeader(HeaderInput input) throws IOException {
        ByteBuffer start = input.read(12);
        byte[] bytes = Arrays.copyOf(start.array(), start.limit());
        String magic = bytes.length >= 4 ? new String(bytes, 0, 4, StandardCharsets.ISO_8859_1) : "";
        boolean rf64 = magic.equals("RF64") || magic.equals("BW64");
        if (magic.equals("RIFX")) {
            throw new FormatException("big-endian RIFX WAV files are not supported");
        }
        if (!rf64 && !magic.equals("RIFF")) {
            throw new FormatException(bytes.length == 0
                    ? "not a WAV file (it is empty)"
                    : "not a WAV file (starts with " + describeStart(bytes) + ")");
        }
        if (bytes.length < 12) {
            throw new FormatException(HEADER_ENDS);
        }
        String form = new String(bytes, 8, 4, StandardCharsets.ISO_8859_1);
        if (!form.equals("WAVE")) {
            throw new FormatException("not a WAV file (a " + magic + " file of form '"
                    + printable(form) + "')");
        }
        return rf64;
    }

    /** Reads the ds64 chunk RF64 requires first; returns its 64-bit data size. */
    private static long readDs64(HeaderInput input) throws IOException {
        ByteBuffer header = input.readFully(8, HEADER_ENDS);
        String id = fourCc(header);
        long size = Integer.toUnsignedLong(header.getInt());
        if (!id.equals("ds64")) {
            throw new FormatException("RF64 file starts with chunk '" + printable(id)
                    + "' instead of ds64");
        }
        if (size < 24) {
            throw new FormatException("ds64 chunk of " + size + " bytes is too short (24 needed)");
        }
        ByteBuffer ds64 = input.readFully(24, HEADER_ENDS);
        ds64.getLong();
        long dataSize = ds64.getLong();
        // The rest (sample count, table of other >4 GiB chunks) is not needed: a chunk that big
        // before the data would break the header limit anyway.
        input.skip(size - 24 + (size & 1), HEADER_ENDS);
        return dataSize;
    }

    private static OptionalLong dataLength(long size32, boolean rf64, long ds64DataSize)
            throws FormatException {
        long size = size32;
        if (rf64 && size32 == UNKNOWN_SIZE_32) {
            if (ds64DataSize < -1) {
                throw new FormatException("ds64 declares a data size of "
                        + Long.toUnsignedString(ds64DataSize) + " bytes");
            }
            size = ds64DataSize;
        }
        return size == 0 || size == -1 || (!rf64 && size == UNKNOWN_SIZE_32)
                ? OptionalLong.empty()
                : OptionalLong.of(size);
    }

    private record Fmt(PcmFormat format, int channelMask) {
    }

    private static Fmt readFmt(HeaderInput input, long size) throws IOException {
        if (size < 16) {
            throw new FormatException("fmt chunk of " + size + " bytes is too short (16 needed)");
        }
        if (size > MAX_FMT_SIZE) {
            throw new FormatException("fmt chunk of " + size + " bytes is larger than any format ("
                    + MAX_FMT_SIZE + ")");
        }
        int wanted = (int) Math.min(size, 40);
        ByteBuffer fmt = input.readFully(wanted, HEADER_ENDS);

        int tag = Short.toUnsignedInt(fmt.getShort());
        int channels = Short.toUnsignedInt(fmt.getShort());
        long rate = Integer.toUnsignedLong(fmt.getInt());
        fmt.getInt(); // byte rate: often wrong in the wild, and implied by the rest
        int blockAlign = Short.toUnsignedInt(fmt.getShort());
        int bits = Short.toUnsignedInt(fmt.getShort());
        int channelMask = 0;
        String codec = "format tag " + tagText(tag);
        int validBits = bits;
        if (tag == TAG_EXTENSIBLE) {
            if (size < 40 || Short.toUnsignedInt(fmt.getShort()) < 22) {
                throw new FormatException("WAVE_FORMAT_EXTENSIBLE fmt chunk of " + size
                        + " bytes is too short (40 needed)");
            }
            validBits = Short.toUnsignedInt(fmt.getShort());
            channelMask = fmt.getInt();
            byte[] guid = new byte[16];
            fmt.get(guid);
            if (!Arrays.equals(guid, 2, 16, SUBFORMAT_GUID_TAIL, 0, 14)) {
                throw new FormatException("extensible sub-format " + guidText(guid) + " is not PCM");
            }
            tag = (guid[0] & 0xFF) | (guid[1] & 0xFF) << 8;
            codec = "extensible sub-format " + tagText(tag);
            if (validBits > bits) {
                throw new FormatException(validBits + " valid bits do not fit " + bits
                        + "-bit samples");
            }
        }
        if (channels == 0) {
            throw new FormatException("fmt chunk declares 0 channels");
        }
        if (channels > PcmFormat.MAX_CHANNELS) {
            throw new FormatException("fmt chunk declares " + channels + " channels (at most "
                    + PcmFormat.MAX_CHANNELS + " supported)");
        }
        if (rate == 0 || rate > PcmFormat.MAX_SAMPLE_RATE) {
            throw new FormatException("fmt chunk declares a sample rate of " + rate + " Hz"
                    + (rate == 0 ? "" : " (at most " + PcmFormat.MAX_SAMPLE_RATE + " supported)"));
        }
        PcmEncoding encoding = encoding(tag, bits, codec);
        if (blockAlign != channels * encoding.bytesPerSample()) {
            throw new FormatException("block align " + blockAlign + " contradicts " + channels
                    + (channels == 1 ? " channel" : " channels") + " of " + bits + "-bit");
        }
        // Skipped after the checks, so a bad format is reported as such even when cut short.
        input.skip(size - wanted + (size & 1), HEADER_ENDS);
        return new Fmt(new PcmFormat(encoding, (int) rate, channels), channelMask);
    }

    private static PcmEncoding encoding(int tag, int bits, String codec) throws FormatException {
        switch (tag) {
            case TAG_PCM -> {
                // Samples narrower than their container (12, 20 bits) are left-justified in it,
                // so they play correctly as the container's width.
                PcmEncoding container = switch ((bits + 7) / 8) {
                    case 1 -> PcmEncoding.U8;
                    case 2 -> PcmEncoding.S16LE;
                    case 3 -> PcmEncoding.S24LE;
                    case 4 -> PcmEncoding.S32LE;
                    default -> null;
                };
                if (container != null) {
                    return container;
                }
                throw new FormatException("PCM with " + bits + " bits per sample is not supported");
            }
            case TAG_FLOAT -> {
                if (bits == 32) {
                    return PcmEncoding.F32LE;
                }
                if (bits == 64) {
                    return PcmEncoding.F64LE;
                }
                throw new FormatException("IEEE float with " + bits
                        + " bits per sample is not supported");
            }
            case TAG_ALAW, TAG_ULAW -> {
                if (bits != 8) {
                    throw new FormatException((tag == TAG_ALAW ? "A-law" : "µ-law") + " with "
                            + bits + " bits per sample is not supported");
                }
                return tag == TAG_ALAW ? PcmEncoding.ALAW : PcmEncoding.ULAW;
            }
            default -> throw new FormatException(codec + " is not PCM");
        }
    }

    private static String tagText(int tag) {
        String name = CODEC_NAMES.get(tag);
        return String.format("0x%04X", tag) + (name == null ? "" : " (" + name + ")");
    }

    private static String guidText(byte[] g) {
        HexFormat hex = HexFormat.of().withUpperCase();
        ByteBuffer b = ByteBuffer.wrap(g).order(ByteOrder.LITTLE_ENDIAN);
        return String.format("{%08X-%04X-%04X-%s-%s}", b.getInt(), b.getShort(), b.getShort(),
                hex.formatHex(g, 8, 10), hex.formatHex(g, 10, 16));
    }

    private static String fourCc(ByteBuffer header) {
        byte[] id = new byte[4];
        header.get(id);
        return new String(id, StandardCharsets.ISO_8859_1);
    }

    /** The first bytes for an error message: as text when they are text, else in hex. */
    private static String describeStart(byte[] bytes) {
        int n = Math.min(bytes.length, 8);
        boolean text = true;
        for (int i = 0; i < n; i++) {
            text &= bytes[i] >= 0x20 && bytes[i] < 0x7F;
        }
        return text
                ? "\"" + new String(bytes, 0, n, StandardCharsets.ISO_8859_1) + "\""
                : HexFormat.ofDelimiter(" ").withUpperCase().formatHex(bytes, 0, n);
    }

    private static String printable(String s) {
        StringBuilder out = new StringBuilder();
        for (char c : s.toCharArray()) {
            out.append(c >= 0x20 && c < 0x7F ? String.valueOf(c) : String.format("\\x%02X", (int) c));
        }
        return out.toString();
    }
}
