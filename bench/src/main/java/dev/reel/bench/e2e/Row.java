package dev.reel.bench.e2e;

import java.util.List;
import java.util.stream.Collectors;

/**
 * One line of the benchmark table: a measured quantity for one subject (Reel in-process, the
 * {@code reel} launcher, or an external player), with the target it is held to. Immutable.
 *
 * @param values the measurements of every run
 * @param target the target in words, or "" for none
 * @param met whether the median meets the target (null: no target, or a comparison only)
 */
record Row(String metric, String subject, String unit, List<Double> values, int decimals, String target,
        Boolean met) {

    private static final String SEPARATOR = "\t";

    Summary summary() {
        return Summary.of(values);
    }

    /** One line of the child-to-parent protocol, tab-separated. */
    String encode() {
        return String.join(SEPARATOR, "ROW", metric, subject, unit,
                values.stream().map(String::valueOf).collect(Collectors.joining(",")), String.valueOf(decimals),
                target, String.valueOf(met));
    }

    /** The row {@link #encode()} wrote, or null when the line is something else. */
    static Row decode(String line) {
        String[] f = line.split(SEPARATOR, -1);
        if (f.length != 8 || !f[0].equals("ROW")) {
            return null;
        }
        return new Row(f[1], f[2], f[3], Summary.parse(f[4]), Integer.parseInt(f[5]), f[6],
                f[7].equals("null") ? null : Boolean.valueOf(f[7]));
    }
}
