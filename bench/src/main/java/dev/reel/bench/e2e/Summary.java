package dev.reel.bench.e2e;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/** Median and range of repeated measurements of one quantity. Immutable. */
record Summary(double median, double min, double max, int runs) {

    static Summary of(List<Double> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no measurements");
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
        return new Summary(median, sorted.get(0), sorted.get(n - 1), n);
    }

    /** The values in a line-protocol field: comma-separated. */
    static List<Double> parse(String field) {
        List<Double> values = new ArrayList<>();
        for (String v : field.split(",")) {
            if (!v.isBlank()) {
                values.add(Double.parseDouble(v));
            }
        }
        return values;
    }

    String medianText(int decimals) {
        return format(median, decimals);
    }

    String rangeText(int decimals) {
        return runs == 1 ? "–" : format(min, decimals) + "–" + format(max, decimals);
    }

    static String format(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }
}
