package dev.reel.app.gui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.reel.core.format.PcmEncoding;
import dev.reel.core.format.PcmFormat;
import dev.reel.core.player.PlayerEvent;
import dev.reel.core.player.PlayerState;
import dev.reel.core.player.TimeRange;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class PlaybackStateTest {

    private static final PcmFormat CD = new PcmFormat(PcmEncoding.S16LE, 44100, 2);

    @Test
    void foldsAMediumsLife() {
        PlaybackState s = PlaybackState.INITIAL
                .apply(new PlayerEvent.StateChanged(PlayerState.OPENING))
                .apply(new PlayerEvent.Ready("http://h/a.wav", CD, OptionalDouble.of(10), OptionalLong.of(1_764_044), true))
                .apply(new PlayerEvent.StateChanged(PlayerState.PLAYING))
                .apply(new PlayerEvent.Position(2.5))
                .apply(new PlayerEvent.Downloaded(List.of(new TimeRange(0, 3), new TimeRange(7, 8)), 700_000,
                        OptionalLong.of(1_764_044), 250_000))
                .apply(new PlayerEvent.Underrun(2, 40));

        assertThat(s.location()).isEqualTo("http://h/a.wav");
        assertThat(s.format()).isEqualTo(CD);
        assertThat(s.duration()).isEqualTo(10);
        assertThat(s.state()).isEqualTo(PlayerState.PLAYING);
        assertThat(s.position()).isEqualTo(2.5);
        assertThat(s.downloaded()).hasSize(2);
        assertThat(s.totalBytes()).isEqualTo(1_764_044);
        assertThat(s.underruns()).isEqualTo(2);
        assertThat(s.isRunning()).isTrue();
        assertThat(s.isIdle()).isFalse();

        PlaybackState ended = s.apply(new PlayerEvent.Ended());
        assertThat(ended.state()).isEqualTo(PlayerState.ENDED);
        assertThat(ended.position()).isEqualTo(10);
        assertThat(ended.isIdle()).isTrue();
    }

    @Test
    void openingAnotherMediumForgetsTheLast() {
        PlaybackState s = PlaybackState.INITIAL
                .apply(new PlayerEvent.Ready("a", CD, OptionalDouble.of(10), OptionalLong.empty(), true))
                .apply(new PlayerEvent.Position(4))
                .apply(new PlayerEvent.Underrun(1, 10))
                .apply(new PlayerEvent.StateChanged(PlayerState.OPENING));

        assertThat(s.location()).isNull();
        assertThat(s.format()).isNull();
        assertThat(s.duration()).isNaN();
        assertThat(s.position()).isZero();
        assertThat(s.underruns()).isZero();
    }

    @Test
    void bufferingShowsUntilPlayingResumes() {
        PlaybackState s = PlaybackState.INITIAL
                .apply(new PlayerEvent.StateChanged(PlayerState.PLAYING))
                .apply(new PlayerEvent.Buffering(true));
        assertThat(s.isBuffering()).isTrue();
        assertThat(s.apply(new PlayerEvent.Buffering(false)).isBuffering()).isFalse();
        assertThat(s.apply(new PlayerEvent.Error("HTTP 404 from x", PlayerEvent.Error.Kind.SOURCE)).isBuffering()).isFalse();
        assertThat(s.apply(new PlayerEvent.Seeked(7)).position()).isEqualTo(7);
    }
}
