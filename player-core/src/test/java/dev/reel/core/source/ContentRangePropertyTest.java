package dev.reel.core.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalLong;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

/** Every well-formed Content-Range parses back to its numbers; every inverted one is refused. */
class ContentRangePropertyTest {

    private static final long MAX = 999_999_999_999_999_999L;

    @Property(tries = 500)
    void wellFormedRangesRoundTrip(@ForAll @LongRange(max = MAX - 2) long first,
            @ForAll @LongRange(max = 1_000_000_000L) long extra,
            @ForAll @LongRange(min = 1, max = 1_000_000_000L) long beyond,
            @ForAll boolean lengthKnown) {
        long last = Math.min(first + extra, MAX - 1);
        long complete = Math.min(last + beyond, MAX);
        String header = "bytes " + first + "-" + last + "/" + (lengthKnown ? complete : "*");

        assertThat(ContentRange.parse(header)).isEqualTo(new ContentRange(first, last,
                lengthKnown ? OptionalLong.of(complete) : OptionalLong.empty()));
    }

    @Property(tries = 200)
    void invertedOrOverlongRangesAreRefused(@ForAll @LongRange(min = 1, max = MAX) long first,
            @ForAll @LongRange(min = 1, max = 1_000_000L) long back) {
        long last = Math.max(0, first - back);
        assertThatThrownBy(() -> ContentRange.parse("bytes " + first + "-" + last + "/*"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ContentRange.parse("bytes 0-" + first + "/" + first))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
