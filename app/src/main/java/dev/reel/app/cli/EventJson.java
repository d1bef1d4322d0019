package dev.reel.app.cli;

import dev.reel.core.format.PcmFormat;
import dev.reel.core.player.PlayerEvent;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * The {@code --json} lines of the contract (issue 4, "Contract details"): one object per event,
 * times in seconds, {@code null} where unknown. Stateless.
 */
final class EventJson {

    private EventJson() {
    }

    /** The line for {@code event}, or null for events the contract does not print. */
    static String line(PlayerEvent event) {
        if (event instanceof PlayerEvent.Ready ready) {
            return describe(event("ready"), ready.format(), ready.duration(), ready.size(), ready.seekable())
                    .toString();
        } else if (event instanceof PlayerEvent.Position position) {
            return event("position").put("position", position.seconds()).toString();
        } else if (event instanceof PlayerEvent.Seeked seeked) {
            return event("seeked").put("position", seeked.seconds()).toString();
        } else if (event instanceof PlayerEvent.Buffering buffering) {
            return event("buffering").put("buffering", buffering.buffering()).toString();
        } else if (event instanceof PlayerEvent.Underrun underrun) {
            return event("underrun").put("count", underrun.count()).put("gapMs", underrun.gapMillis()).toString();
        } else if (event instanceof PlayerEvent.Ended) {
            return event("ended").toString();
        } else if (event instanceof PlayerEvent.Error error) {
            return error(error.message());
        }
        return null;
    }

    static String error(String message) {
        return event("error").put("message", message).toString();
    }

    static Json event(String name) {
        return Json.object().put("event", name);
    }

    /** The fields {@code ready} and {@code reel info} share. */
    static Json describe(Json json, PcmFormat format, OptionalDouble duration, OptionalLong size,
            boolean seekable) {
        return json.put("format", format(format))
                .put("duration", duration)
                .put("size", size)
                .put("seekable", seekable);
    }

    static Json format(PcmFormat format) {
        return Json.object()
                .put("encoding", encoding(format))
                .put("rate", format.sampleRate())
                .put("channels", format.channels());
    }

    /** The command-line id of an encoding ({@code s16le}, {@code ulaw}). */
    static String encoding(PcmFormat format) {
        return format.encoding().id();
    }
}
