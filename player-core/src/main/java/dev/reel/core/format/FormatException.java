package dev.reel.core.format;

import java.io.IOException;

/**
 * Audio that is malformed or not supported; the message is one line saying what is wrong
 * ("fmt chunk declares 0 channels").
 */
public class FormatException extends IOException {

    private static final long serialVersionUID = 1L;

    public FormatException(String message) {
        super(message);
    }
}
