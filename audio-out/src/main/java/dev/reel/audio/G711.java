package dev.reel.audio;

/** ITU-T G.711 µ-law and A-law expansion to 16-bit linear PCM. Stateless. */
final class G711 {

    private G711() {
    }

    static int ulawToLinear(byte code) {
        int u = ~code & 0xFF;
        int magnitude = (((u & 0x0F) << 3) + 0x84) << ((u >> 4) & 0x07);
        return (u & 0x80) != 0 ? 0x84 - magnitude : magnitude - 0x84;
    }

    static int alawToLinear(byte code) {
        int a = (code ^ 0x55) & 0xFF;
        int segment = (a >> 4) & 0x07;
        int magnitude = ((a & 0x0F) << 4) + 8;
        if (segment > 0) {
            magnitude = (magnitude + 0x100) << (segment - 1);
        }
        return (a & 0x80) != 0 ? magnitude : -magnitude;
    }
}
