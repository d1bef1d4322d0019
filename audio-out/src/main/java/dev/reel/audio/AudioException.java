package dev.reel.audio;

/**
 * An audio device could not be opened or stopped working. The message is one line meant for the
 * user ("audio device 'default' is busy").
 */
public class AudioException extends Exception {

    private static final long serialVersionUID = 1L;

    public AudioException(String message) {
        super(message);
    }

    public AudioException(String message, Throwable cause) {
        super(message, cause);
    }
}
