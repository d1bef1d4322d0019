package dev.reel.bench.e2e;

import dev.reel.testkit.Exchange;
import dev.reel.testkit.RangeServer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** What a {@link RangeServer} has sent of a resource, counted from its log and its responses in flight. */
final class Fetched {

    private Fetched() {
    }

    /** Body bytes sent from offsets below {@code target} since the log was last cleared. */
    static long before(RangeServer server, long target) {
        List<Exchange> all = new ArrayList<>(server.active());
        all.addAll(server.log());
        Set<String> seen = new HashSet<>();
        long total = 0;
        for (Exchange e : all) {
            if (e.bodyStart() >= 0 && seen.add(e.connection() + "/" + e.startNanos())) {
                total += Math.max(0, Math.min(target, e.bodyStart() + e.bodyBytes()) - e.bodyStart());
            }
        }
        return total;
    }
}
