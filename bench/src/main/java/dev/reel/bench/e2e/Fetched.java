package dev.reel.bench.e2e;

import dev.reel.testkit.Exchange;
import dev.reel.testkit.RangeServer;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * What a {@link RangeServer} has sent of one resource, counted from its log and its responses in
 * flight. Only the resource's own requests count: a download of another resource that is still
 * running (a spool cache keeps one going after its player stopped) is not this resource's cost.
 */
final class Fetched {

    private Fetched() {
    }

    /** The path of {@code url} on the server, the key of its log. */
    static String path(String url) {
        return URI.create(url).getPath();
    }

    /** Body bytes of {@code path} sent since the log was last cleared. */
    static long bytes(RangeServer server, String path) {
        return before(server, path, Long.MAX_VALUE);
    }

    /** Body bytes of {@code path} sent from offsets below {@code target} since the log was last cleared. */
    static long before(RangeServer server, String path, long target) {
        long total = 0;
        for (Exchange e : exchanges(server, path)) {
            if (e.bodyStart() >= 0) {
                total += Math.max(0, Math.min(target, e.bodyStart() + e.bodyBytes()) - e.bodyStart());
            }
        }
        return total;
    }

    /** The requests for {@code path} since the log was last cleared, those in flight included, each once. */
    static List<Exchange> exchanges(RangeServer server, String path) {
        List<Exchange> all = new ArrayList<>(server.active());
        all.addAll(server.log());
        Set<String> seen = new HashSet<>();
        List<Exchange> mine = new ArrayList<>();
        for (Exchange e : all) {
            if (e.path().equals(path) && seen.add(e.connection() + "/" + e.startNanos())) {
                mine.add(e);
            }
        }
        return mine;
    }
}
