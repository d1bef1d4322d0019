package dev.reel.core.spool;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A sorted set of disjoint, coalesced half-open byte ranges. Not thread-safe: the spool guards it
 * with its bookkeeping lock.
 */
final class RangeSet {

    private final TreeMap<Long, Long> ranges = new TreeMap<>();
    private long total;

    /** Adds {@code [start, end)}, merging it with the ranges it overlaps or touches. */
    void add(long start, long end) {
        if (start >= end) {
            return;
        }
        Map.Entry<Long, Long> before = ranges.floorEntry(start);
        if (before != null && before.getValue() >= start) {
            if (before.getValue() >= end) {
                return;
            }
            start = before.getKey();
            remove(before);
        }
        for (Map.Entry<Long, Long> next = ranges.ceilingEntry(start);
                next != null && next.getKey() <= end; next = ranges.ceilingEntry(start)) {
            end = Math.max(end, next.getValue());
            remove(next);
        }
        ranges.put(start, end);
        total += end - start;
    }

    /** The end of the range containing {@code position}, or {@code position} itself when absent. */
    long runEnd(long position) {
        Map.Entry<Long, Long> e = ranges.floorEntry(position);
        return e != null && e.getValue() > position ? e.getValue() : position;
    }

    /** Forgets every byte before {@code position}. */
    void removeBefore(long position) {
        for (Map.Entry<Long, Long> first = ranges.firstEntry();
                first != null && first.getKey() < position; first = ranges.firstEntry()) {
            remove(first);
            if (first.getValue() > position) {
                ranges.put(position, first.getValue());
                total += first.getValue() - position;
            }
        }
    }

    /** The end of the last range, 0 when empty. */
    long highestEnd() {
        return ranges.isEmpty() ? 0 : ranges.lastEntry().getValue();
    }

    /** Bytes present. */
    long total() {
        return total;
    }

    List<ByteRange> ranges() {
        List<ByteRange> out = new ArrayList<>(ranges.size());
        ranges.forEach((s, e) -> out.add(new ByteRange(s, e)));
        return out;
    }

    /** The absent ranges inside {@code [from, to)}. */
    List<ByteRange> gaps(long from, long to) {
        List<ByteRange> out = new ArrayList<>();
        long cursor = runEnd(from);
        for (Map.Entry<Long, Long> e : ranges.tailMap(cursor, false).entrySet()) {
            if (cursor >= to) {
                break;
            }
            out.add(new ByteRange(cursor, Math.min(e.getKey(), to)));
            cursor = e.getValue();
        }
        if (cursor < to) {
            out.add(new ByteRange(cursor, to));
        }
        return out;
    }

    private void remove(Map.Entry<Long, Long> e) {
        ranges.remove(e.getKey());
        total -= e.getValue() - e.getKey();
    }
}
