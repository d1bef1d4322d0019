package dev.reel.audio;

import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import javax.sound.sampled.AudioFormat;
import org.tinylog.Logger;

/**
 * An {@link AudioSink} that renders into a WAV file, at the speed the input allows (not paced).
 * The header gets its sizes when the sink closes. Integer PCM (8-bit unsigned, 16/24/32-bit
 * signed) and 32/64-bit float, little-endian; anything else is refused so the writer converts.
 * Threading as {@link AudioSink} says; {@link #flush} has nothing queued to discard. Opens
 * once: reopening (after a failed write) is refused, so the writer reports the failure.
 */
public final class WavFileSink implements AudioSink {

    private static final int HEADER_BYTES = 44;
    private static final long MAX_DATA_BYTES = 0xFFFF_FFFFL - (HEADER_BYTES - 8);

    private final Path file;
    private FileChannel channel;
    private AudioFormat format;
    private volatile long bytesWritten;
    private boolean used;

    public WavFileSink(Path file) {
        this.file = file;
    }

    @Override
    public boolean open(AudioFormat format, int bufferBytes) throws AudioException {
        if (!writable(format)) {
            return false;
        }
        if (used) {
            throw new AudioException(describe() + " cannot be reopened: it was already written");
        }
        try {
            channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING);
            channel.write(header(format, 0), 0);
            channel.position(HEADER_BYTES);
        } catch (IOException e) {
            throw new AudioException("cannot create " + file + ": " + e.getMessage(), e);
        }
        this.format = format;
        used = true;
        bytesWritten = 0;
        return true;
    }

    private static boolean writable(AudioFormat f) {
        if (f.isBigEndian() && f.getSampleSizeInBits() > 8) {
            return false;
        }
        int bits = f.getSampleSizeInBits();
        if (f.getEncoding().equals(AudioFormat.Encoding.PCM_SIGNED)) {
            return bits == 16 || bits == 24 || bits == 32;
        }
        if (f.getEncoding().equals(AudioFormat.Encoding.PCM_UNSIGNED)) {
            return bits == 8;
        }
        return f.getEncoding().equals(AudioFormat.Encoding.PCM_FLOAT) && (bits == 32 || bits == 64);
    }

    @Override
    public int write(byte[] bytes, int offset, int len) throws AudioException {
        try {
            ByteBuffer src = ByteBuffer.wrap(bytes, offset, len);
            while (src.hasRemaining()) {
                channel.write(src);
            }
        } catch (IOException e) {
            throw new AudioException("cannot write " + file + ": " + e.getMessage(), e);
        }
        bytesWritten += len;
        return len;
    }

    @Override
    public void start() {
    }

    @Override
    public void stop() {
    }

    @Override
    public void flush() {
    }

    @Override
    public void drain() {
    }

    @Override
    public long framesPlayed() {
        AudioFormat f = format;
        return f == null ? 0 : bytesWritten / f.getFrameSize();
    }

    @Override
    public boolean setGain(double linear) {
        return false;
    }

    @Override
    public String describe() {
        return "WAV file " + file;
    }

    /** Writes the header's sizes and closes the file. A data chunk over 4 GiB is declared as 4 GiB. */
    @Override
    public void close() {
        FileChannel c = channel;
        channel = null;
        if (c == null) {
            return;
        }
        try (c) {
            c.write(header(format, Math.min(bytesWritten, MAX_DATA_BYTES)), 0);
        } catch (IOException e) {
            Logger.warn("cannot finish {}: {}", file, e.getMessage());
        }
    }

    private static ByteBuffer header(AudioFormat f, long dataBytes) {
        boolean isFloat = f.getEncoding().equals(AudioFormat.Encoding.PCM_FLOAT);
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(US_ASCII));
        b.putInt((int) (dataBytes + HEADER_BYTES - 8));
        b.put("WAVEfmt ".getBytes(US_ASCII));
        b.putInt(16);
        b.putShort((short) (isFloat ? 3 : 1));
        b.putShort((short) f.getChannels());
        b.putInt((int) f.getSampleRate());
        b.putInt((int) f.getSampleRate() * f.getFrameSize());
        b.putShort((short) f.getFrameSize());
        b.putShort((short) f.getSampleSizeInBits());
        b.put("data".getBytes(US_ASCII));
        b.putInt((int) dataBytes);
        return b.flip();
    }
}
