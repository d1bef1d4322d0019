package dev.reel.core.format;

/**
 * A PCM sample encoding. Command-line ids ({@code s16le}) name the raw encodings; the rest come
 * from WAV headers. The format owner completes this type.
 */
public enum PcmEncoding {
    U8, S8, S16LE, S16BE, S24LE, S24BE, S32LE, S32BE, F32LE, F32BE, F64LE, F64BE, ALAW, ULAW
}
