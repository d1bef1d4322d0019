package dev.reel.bench.e2e;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;

/** Collects {@link Row}s and prints them as one Markdown table. Not thread-safe. */
final class Report {

    private final List<Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();

    void add(Row row) {
        rows.add(row);
    }

    /** A line printed under the table (a skipped measurement and why, a tool that is missing). */
    void note(String note) {
        notes.add(note);
    }

    void print(PrintStream out) {
        out.println("| measurement | subject | median | min–max | runs | target | met |");
        out.println("|---|---|---:|---:|---:|---|---|");
        for (Row row : rows) {
            Summary s = row.summary();
            out.println("| " + row.metric() + " | " + row.subject() + " | " + s.medianText(row.decimals()) + " "
                    + row.unit() + " | " + s.rangeText(row.decimals()) + " | " + s.runs() + " | " + row.target()
                    + " | " + (row.met() == null ? "" : row.met() ? "yes" : "**no**") + " |");
        }
        if (!notes.isEmpty()) {
            out.println();
            notes.forEach(n -> out.println("- " + n));
        }
    }
}
