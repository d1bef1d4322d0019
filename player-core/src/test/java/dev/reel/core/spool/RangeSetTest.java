package dev.reel.core.spool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class RangeSetTest {

    @Property(tries = 300)
    void matchesABitSetModel(@ForAll @Size(max = 30) List<@IntRange(max = 200) Integer> starts,
            @ForAll @Size(max = 30) List<@IntRange(max = 40) Integer> lengths,
            @ForAll @IntRange(max = 220) int cut, @ForAll @IntRange(max = 220) int probe) {
        RangeSet set = new RangeSet();
        BitSet model = new BitSet();
        for (int i = 0; i < Math.min(starts.size(), lengths.size()); i++) {
            int s = starts.get(i);
            set.add(s, s + lengths.get(i));
            model.set(s, s + lengths.get(i));
        }
        assertThat(set.ranges()).isEqualTo(rangesOf(model));
        assertThat(set.total()).isEqualTo(model.cardinality());
        assertThat(set.runEnd(probe)).isEqualTo(model.get(probe) ? model.nextClearBit(probe) : probe);
        BitSet gaps = new BitSet();
        gaps.set(cut, 250);
        gaps.andNot(model);
        assertThat(set.gaps(cut, 250)).isEqualTo(rangesOf(gaps));

        set.removeBefore(cut);
        model.clear(0, cut);
        assertThat(set.ranges()).isEqualTo(rangesOf(model));
        assertThat(set.total()).isEqualTo(model.cardinality());
        assertThat(set.highestEnd()).isEqualTo(model.length());
    }

    private static List<ByteRange> rangesOf(BitSet bits) {
        List<ByteRange> out = new ArrayList<>();
        for (int s = bits.nextSetBit(0); s >= 0; s = bits.nextSetBit(bits.nextClearBit(s))) {
            out.add(new ByteRange(s, bits.nextClearBit(s)));
        }
        return out;
    }
}
