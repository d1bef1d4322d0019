package dev.reel.app.gui;

import dev.reel.core.format.PcmEncoding;
import dev.reel.core.format.PcmFormat;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Peak and RMS amplitude per channel, full scale 1.0, of a block of PCM frames. Immutable.
 */
record Levels(double[] peak, double[] rms) {

    static Levels silence(int channels) {
        return new Levels(new double[channels], new double[channels]);
    }

    int channels() {
        return peak.length;
    }

    /** Measures the whole frames between {@code frames}' position and limit. */
    static Levels measure(PcmFormat format, ByteBuffer frames) {
        int channels = format.channels();
        PcmEncoding encoding = format.encoding();
        int sampleBytes = encoding.bytesPerSample();
        int frameBytes = sampleBytes * channels;
        ByteBuffer in = frames.slice().order(encoding.isBigEndian() ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        int count = in.remaining() / frameBytes;
        double[] peak = new double[channels];
        double[] sumSquares = new double[channels];
        for (int f = 0; f < count; f++) {
            for (int c = 0; c < channels; c++) {
                double v = Math.abs(sample(encoding, in, f * frameBytes + c * sampleBytes));
                peak[c] = Math.max(peak[c], Math.min(1, v));
                sumSquares[c] += v * v;
            }
        }
        double[] rms = new double[channels];
        for (int c = 0; c < channels && count > 0; c++) {
            rms[c] = Math.min(1, Math.sqrt(sumSquares[c] / count));
        }
        return new Levels(peak, rms);
    }

    /** One sample as a fraction of full scale. */
    private static double sample(PcmEncoding encoding, ByteBuffer in, int at) {
        switch (encoding.kind()) {
            case UNSIGNED:
                return ((in.get(at) & 0xFF) - 128) / 128.0;
            case ALAW:
                return alaw(in.get(at)) / 32768.0;
            case ULAW:
                return ulaw(in.get(at)) / 32768.0;
            case FLOAT:
                return encoding.bytesPerSample() == 4 ? in.getFloat(at) : in.getDouble(at);
            default:
                return signed(encoding, in, at);
        }
    }

    private static double signed(PcmEncoding encoding, ByteBuffer in, int at) {
        switch (encoding.bytesPerSample()) {
            case 1:
                return in.get(at) / 128.0;
            case 2:
                return in.getShort(at) / 32768.0;
            case 3:
                int b0 = in.get(at) & 0xFF;
                int b1 = in.get(at + 1) & 0xFF;
                int b2 = in.get(at + 2);
                int v = in.order() == ByteOrder.BIG_ENDIAN ? (b0 << 24 | b1 << 16 | (b2 & 0xFF) << 8) >> 8
                        : (b2 << 16) | (b1 << 8) | b0;
                return v / 8388608.0;
            default:
                return in.getInt(at) / 2147483648.0;
        }
    }

    /** ITU-T G.711 A-law to 16-bit linear. */
    private static int alaw(byte code) {
        int a = (code ^ 0x55) & 0xFF;
        int exponent = (a >> 4) & 0x07;
        int mantissa = a & 0x0F;
        int magnitude = exponent == 0 ? (mantissa << 4) + 8 : ((mantissa << 4) + 0x108) << (exponent - 1);
        return (a & 0x80) != 0 ? magnitude : -magnitude;
    }

    /** ITU-T G.711 µ-law to 16-bit linear. */
    private static int ulaw(byte code) {
        int u = ~code & 0xFF;
        int magnitude = ((((u & 0x0F) << 3) + 0x84) << ((u >> 4) & 0x07)) - 0x84;
        return (u & 0x80) != 0 ? -magnitude : magnitude;
    }
}
