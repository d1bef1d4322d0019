package dev.reel.audio;

import javax.sound.sampled.AudioFormat;

/** A device that accepts only 16-bit signed samples and at most {@code maxChannels} channels. */
final class RestrictedSink implements AudioSink {

    private final AudioSink device;
    private final int maxChannels;

    RestrictedSink(AudioSink device, int maxChannels) {
        this.device = device;
        this.maxChannels = maxChannels;
    }

    @Override
    public boolean open(AudioFormat format, int bufferBytes) throws AudioException {
        boolean accepted = format.getEncoding().equals(AudioFormat.Encoding.PCM_SIGNED)
                && format.getSampleSizeInBits() == 16 && format.getChannels() <= maxChannels;
        return accepted && device.open(format, bufferBytes);
    }

    @Override
    public int write(byte[] bytes, int offset, int len) throws AudioException {
        return device.write(bytes, offset, len);
    }

    @Override
    public void start() {
        device.start();
    }

    @Override
    public void stop() {
        device.stop();
    }

    @Override
    public void flush() {
        device.flush();
    }

    @Override
    public void drain() throws AudioException {
        device.drain();
    }

    @Override
    public long framesPlayed() {
        return device.framesPlayed();
    }

    @Override
    public boolean setGain(double linear) {
        return device.setGain(linear);
    }

    @Override
    public String describe() {
        return device.describe();
    }

    @Override
    public void close() {
        device.close();
    }
}
