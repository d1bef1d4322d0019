package dev.reel.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class SignalsTest {

    @Test
    void everyFrameOf16BitStereoCarriesItsNumber() {
        byte[] data = Signals.pcm(4, 100_000);
        for (int frame = 0; frame < 100_000; frame += 997) {
            assertThat(Signals.frameNumber(data, frame * 4, 4)).isEqualTo(frame);
        }
        assertThat(Signals.pcm(4, 70_000, 3)).isEqualTo(Arrays.copyOfRange(data, 280_000, 280_012));
    }

    @Test
    void wideFramesHaveTheCounterFirstAndDistinctFrames() {
        byte[] data = Signals.pcm(6, 50_000);
        Set<String> frames = new HashSet<>();
        for (int frame = 0; frame < 50_000; frame++) {
            frames.add(Arrays.toString(Arrays.copyOfRange(data, frame * 6, frame * 6 + 6)));
        }
        assertThat(frames).hasSize(50_000);
        assertThat(Signals.frameNumber(data, 6 * 12_345, 6)).isEqualTo(12_345);
    }

    @Test
    void syntheticContentEqualsTheArrayAtAnyPosition() throws Exception {
        for (int frameSize : new int[] {1, 2, 3, 4, 6, 8}) {
            byte[] data = Signals.pcm(frameSize, 5000);
            Content content = Signals.content(frameSize, 5000);
            assertThat(content.length()).isEqualTo(data.length);
            byte[] part = new byte[777];
            content.read(1234, part, 0, part.length);
            assertThat(part).as("frame size %d", frameSize).isEqualTo(Arrays.copyOfRange(data, 1234, 1234 + 777));
            assertThat(content.toByteArray()).isEqualTo(data);
        }
        assertThat(Signals.content(4, 1L << 29).length()).isEqualTo(1L << 31);
    }

    @Test
    void locateFindsASegmentEvenInNarrowFrames() {
        byte[] source = Signals.pcm(2, 40_000);
        byte[] segment = Arrays.copyOfRange(source, 31_002, 31_402);
        assertThat(Signals.locate(source, segment)).isEqualTo(31_002);
        assertThat(Signals.locate(source, new byte[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16})).isEqualTo(-1);
    }

    @Test
    void compareNamesTheFirstWrongFrameAndWhereItCameFrom() {
        byte[] source = Signals.pcm(4, 1000);
        assertThat(Signals.compare(source, source.clone(), 4)).isEmpty();

        byte[] spliced = source.clone();
        System.arraycopy(source, 4 * 600, spliced, 4 * 300, 4 * 100);
        assertThat(Signals.compare(source, spliced, 4)).hasValueSatisfying(m -> assertThat(m)
                .contains("first wrong frame 300").contains("source frame 600 played instead"));

        assertThat(Signals.compare(source, Arrays.copyOf(source, 4 * 900), 4))
                .hasValueSatisfying(m -> assertThat(m).contains("ends early at frame 900"));

        byte[] longer = Arrays.copyOf(source, source.length + 8);
        assertThat(Signals.compare(source, longer, 4)).hasValueSatisfying(m -> assertThat(m).contains("8 extra bytes"));

        byte[] shifted = source.clone();
        System.arraycopy(source, 4 * 500 + 2, shifted, 4 * 10, 4 * 100);
        assertThat(Signals.compare(source, shifted, 4)).hasValueSatisfying(m -> assertThat(m).contains("not frame-aligned"));
    }
}
