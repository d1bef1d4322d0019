package dev.reel.app.gui;

import dev.reel.core.format.PcmFormat;
import dev.reel.core.format.RawPcm;
import java.util.Optional;
import java.util.prefs.Preferences;
import javafx.scene.control.TextInputDialog;
import javafx.stage.Window;

/**
 * Asks which format raw PCM files are in ({@code ENC:RATE:CHANNELS}, as {@code --format} takes
 * it), offering the last one given. JavaFX thread only.
 */
final class RawFormatDialog {

    private static final String KEY = "rawFormat";

    private RawFormatDialog() {
    }

    /** The format, or empty when the user cancels. */
    static Optional<PcmFormat> ask(Window owner, Preferences prefs) {
        String error = null;
        String spec = prefs.get(KEY, "s16le:44100:2");
        while (true) {
            TextInputDialog dialog = new TextInputDialog(spec);
            dialog.initOwner(owner);
            dialog.setTitle("Raw PCM");
            dialog.setHeaderText(error == null ? "Which format are the raw PCM samples in?" : error);
            dialog.setContentText("ENC:RATE:CHANNELS");
            Optional<String> answer = dialog.showAndWait();
            if (answer.isEmpty()) {
                return Optional.empty();
            }
            spec = answer.get().trim();
            try {
                PcmFormat format = RawPcm.parseSpec(spec);
                prefs.put(KEY, spec);
                return Optional.of(format);
            } catch (IllegalArgumentException e) {
                error = e.getMessage();
            }
        }
    }
}
