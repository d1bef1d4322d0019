package dev.reel.core.format;

import java.util.Locale;
import java.util.StringJoiner;

/**
 * A PCM sample encoding. Its {@link #id()} ({@code s16le}) is what the command line and JSON
 * use; the packed 3-byte {@code s24} encodings and the {@code f64}, A-law and µ-law encodings
 * come from WAV headers as well as from {@code --format}. Immutable, thread-safe.
 */
public enum PcmEncoding {
    U8("u8", 1, Kind.UNSIGNED, false),
    S8("s8", 1, Kind.SIGNED, false),
    S16LE("s16le", 2, Kind.SIGNED, false),
    S16BE("s16be", 2, Kind.SIGNED, true),
    S24LE("s24le", 3, Kind.SIGNED, false),
    S24BE("s24be", 3, Kind.SIGNED, true),
    S32LE("s32le", 4, Kind.SIGNED, false),
    S32BE("s32be", 4, Kind.SIGNED, true),
    F32LE("f32le", 4, Kind.FLOAT, false),
    F32BE("f32be", 4, Kind.FLOAT, true),
    F64LE("f64le", 8, Kind.FLOAT, false),
    F64BE("f64be", 8, Kind.FLOAT, true),
    ALAW("alaw", 1, Kind.ALAW, false),
    ULAW("ulaw", 1, Kind.ULAW, false);

    /** How a sample's bits map to amplitude. */
    public enum Kind {
        /** Offset binary integers (silence is the middle value). */
        UNSIGNED,
        /** Two's complement integers. */
        SIGNED,
        /** IEEE 754 floating point, full scale ±1.0. */
        FLOAT,
        /** ITU-T G.711 A-law, 8 bits a sample. */
        ALAW,
        /** ITU-T G.711 µ-law, 8 bits a sample. */
        ULAW
    }

    private final String id;
    private final int bytesPerSample;
    private final Kind kind;
    private final boolean bigEndian;

    PcmEncoding(String id, int bytesPerSample, Kind kind, boolean bigEndian) {
        this.id = id;
        this.bytesPerSample = bytesPerSample;
        this.kind = kind;
        this.bigEndian = bigEndian;
    }

    /** The id of the command line and JSON, e.g. {@code s16le}. */
    public String id() {
        return id;
    }

    public int bytesPerSample() {
        return bytesPerSample;
    }

    public int bitsPerSample() {
        return bytesPerSample * 8;
    }

    public Kind kind() {
        return kind;
    }

    /** True for two's complement integers (signed PCM). */
    public boolean isSigned() {
        return kind == Kind.SIGNED;
    }

    public boolean isFloat() {
        return kind == Kind.FLOAT;
    }

    /** True for A-law and µ-law. */
    public boolean isCompanded() {
        return kind == Kind.ALAW || kind == Kind.ULAW;
    }

    /** Byte order of multi-byte samples; false for one-byte encodings. */
    public boolean isBigEndian() {
        return bigEndian;
    }

    /**
     * The encoding with this id (case-insensitive).
     *
     * @throws IllegalArgumentException one line naming the bad id and listing the valid ones
     */
    public static PcmEncoding parse(String id) {
        String wanted = id.strip().toLowerCase(Locale.ROOT);
        for (PcmEncoding e : values()) {
            if (e.id.equals(wanted)) {
                return e;
            }
        }
        // Joined here, not in a static field: every WAV header parsed loads this class on the
        // way to the first audio, and a stream would link its lambdas there.
        StringJoiner valid = new StringJoiner(" ");
        for (PcmEncoding e : values()) {
            valid.add(e.id);
        }
        throw new IllegalArgumentException("unknown sample encoding '" + id + "' (valid: " + valid + ")");
    }

    @Override
    public String toString() {
        return id;
    }
}
