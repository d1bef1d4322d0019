package dev.reel.audio;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioFormat.Encoding;

/**
 * Converts whole frames from a source format to the device format, applying a gain on the way.
 * Every sample passes through a signed 32-bit full-scale value: narrowing truncates (an
 * arithmetic shift), float is scaled by 2^31 and clipped, G.711 is decoded to 16-bit first.
 * Channels keep their order; a device with fewer channels gets each output channel as the mean
 * of the source channels congruent to it (stereo: even ones left, odd ones right), a device with
 * more gets the source channels repeated. Not thread-safe: one writer thread uses it.
 */
final class PcmConverter {

    private static final double FULL_SCALE = 2147483648.0;

    private final AudioFormat from;
    private final AudioFormat to;
    private final int inSampleBytes;
    private final int outSampleBytes;
    private final int inChannels;
    private final int outChannels;
    private final int[] frame;

    PcmConverter(AudioFormat from, AudioFormat to) {
        this.from = from;
        this.to = to;
        this.inChannels = from.getChannels();
        this.outChannels = to.getChannels();
        this.inSampleBytes = from.getFrameSize() / inChannels;
        this.outSampleBytes = to.getFrameSize() / outChannels;
        this.frame = new int[inChannels];
    }

    /** True when the bytes need no change at unity gain. */
    boolean isIdentity() {
        return from.matches(to) && from.getEncoding().equals(to.getEncoding())
                && from.getFrameSize() == to.getFrameSize();
    }

    /** The output size for {@code frames} frames. */
    int outputBytes(int frames) {
        return frames * to.getFrameSize();
    }

    /**
     * Converts {@code frames} frames from {@code in} at {@code inOffset} into {@code out} from 0.
     *
     * @return the bytes written to {@code out}
     */
    int convert(byte[] in, int inOffset, int frames, byte[] out, double gain) {
        int ip = inOffset;
        int op = 0;
        boolean unity = gain == 1.0;
        for (int f = 0; f < frames; f++) {
            for (int c = 0; c < inChannels; c++) {
                frame[c] = decode(in, ip);
                ip += inSampleBytes;
            }
            for (int c = 0; c < outChannels; c++) {
                long v = mix(c);
                if (!unity) {
                    v = clip((long) (v * gain));
                }
                encode((int) v, out, op);
                op += outSampleBytes;
            }
        }
        return op;
    }

    private long mix(int outChannel) {
        if (inChannels <= outChannels) {
            return frame[outChannel % inChannels];
        }
        long sum = 0;
        int n = 0;
        for (int c = outChannel; c < inChannels; c += outChannels) {
            sum += frame[c];
            n++;
        }
        return sum / n;
    }

    private int decode(byte[] b, int p) {
        Encoding e = from.getEncoding();
        if (e.equals(Encoding.ULAW)) {
            return G711.ulawToLinear(b[p]) << 16;
        }
        if (e.equals(Encoding.ALAW)) {
            return G711.alawToLinear(b[p]) << 16;
        }
        long raw = readInt(b, p, inSampleBytes, from.isBigEndian());
        if (e.equals(Encoding.PCM_FLOAT)) {
            double x = inSampleBytes == 8 ? Double.longBitsToDouble(raw) : Float.intBitsToFloat((int) raw);
            return (int) clip((long) Math.floor(x * FULL_SCALE));
        }
        int shift = 64 - 8 * inSampleBytes;
        long signed = (raw << shift) >> shift;
        if (e.equals(Encoding.PCM_UNSIGNED)) {
            signed ^= 1L << (8 * inSampleBytes - 1);
            signed = (signed << shift) >> shift;
        }
        return (int) (signed << (32 - 8 * inSampleBytes));
    }

    private void encode(int v, byte[] out, int p) {
        int value = v >> (32 - 8 * outSampleBytes);
        if (to.getEncoding().equals(Encoding.PCM_UNSIGNED)) {
            value ^= 1 << (8 * outSampleBytes - 1);
        }
        boolean big = to.isBigEndian();
        for (int i = 0; i < outSampleBytes; i++) {
            int shift = 8 * (big ? outSampleBytes - 1 - i : i);
            out[p + i] = (byte) (value >> shift);
        }
    }

    private static long readInt(byte[] b, int p, int n, boolean big) {
        long v = 0;
        for (int i = 0; i < n; i++) {
            int shift = 8 * (big ? n - 1 - i : i);
            v |= (b[p + i] & 0xFFL) << shift;
        }
        return v;
    }

    private static long clip(long v) {
        return Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, v));
    }
}
