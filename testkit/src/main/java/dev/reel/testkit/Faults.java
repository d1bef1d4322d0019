package dev.reel.testkit;

import java.time.Duration;
import java.util.function.Consumer;

/**
 * How a {@link RangeServer} misbehaves when it serves one resource. Immutable; start from
 * {@link #NONE} and combine with the {@code with…} methods. A response reads the faults once, when
 * it starts, so a change at runtime affects the following responses.
 *
 * @param ignoreRanges answer every request 200 with the whole body and no {@code Accept-Ranges}
 * @param advertiseRangesButSendAll send {@code Accept-Ranges: bytes} yet answer 200 with the whole
 *     body to range requests
 * @param rangeShift serve a 206 from {@code start + rangeShift} instead of the requested start
 *     (clamped to the resource), with a {@code Content-Range} that tells the truth about it
 * @param changeAfterRequests after this many requests for the resource (0: never) it changes:
 *     {@code changedContent}, a new ETag and a later Last-Modified
 * @param changedContent the content after the change (required when {@code changeAfterRequests > 0})
 * @param chunked send bodies with {@code Transfer-Encoding: chunked} and no {@code Content-Length}
 * @param bodyLengthError send this many bytes more (positive: garbage after the promised body) or
 *     fewer (negative) than {@code Content-Length} says, then close the connection
 * @param cutEvery close the connection after this many body bytes of each response (0: never)
 * @param stallAt the resource offset before which the first response that reaches it pauses
 *     (-1: never); later responses do not stall, so a client that reconnects gets through
 * @param stallMillis how long that pause lasts
 * @param bytesPerSecond the body rate of each response (0: unlimited), paced by sleeping
 * @param latencyMillis a delay before each response's status line
 * @param status a fixed status (such as 404 or 500) for every request instead of the resource
 *     (0: serve normally)
 * @param redirectLocation answer {@code 302 Found} with this {@code Location} (null: serve normally)
 * @param onlyFirst the faults other than the change apply to this many requests for the resource
 *     and then stop, as a server that heals (0: they never stop)
 */
public record Faults(
        boolean ignoreRanges,
        boolean advertiseRangesButSendAll,
        long rangeShift,
        int changeAfterRequests,
        Content changedContent,
        boolean chunked,
        long bodyLengthError,
        long cutEvery,
        long stallAt,
        long stallMillis,
        long bytesPerSecond,
        long latencyMillis,
        int status,
        String redirectLocation,
        int onlyFirst) {

    /** A well-behaved server. */
    public static final Faults NONE = new Faults(false, false, 0, 0, null, false, 0, 0, -1, 0, 0, 0, 0, null, 0);

    public Faults {
        if (changeAfterRequests < 0 || onlyFirst < 0 || cutEvery < 0 || stallMillis < 0 || bytesPerSecond < 0 || latencyMillis < 0) {
            throw new IllegalArgumentException("negative fault setting");
        }
        if (changeAfterRequests > 0 && changedContent == null) {
            throw new IllegalArgumentException("changeAfterRequests needs changedContent");
        }
        if (status != 0 && (status < 100 || status > 999)) {
            throw new IllegalArgumentException("status " + status + " is not an HTTP status");
        }
    }

    public Faults withIgnoreRanges() {
        return with(f -> f.ignoreRanges = true);
    }

    public Faults withAdvertiseRangesButSendAll() {
        return with(f -> f.advertiseRangesButSendAll = true);
    }

    public Faults withRangeShift(long shift) {
        return with(f -> f.rangeShift = shift);
    }

    /** The resource changes to {@code newContent} (new ETag, later Last-Modified) after {@code requests} requests. */
    public Faults withChangeAfter(int requests, Content newContent) {
        return with(f -> {
            f.changeAfterRequests = requests;
            f.changedContent = newContent;
        });
    }

    public Faults withChunked() {
        return with(f -> f.chunked = true);
    }

    public Faults withBodyLengthError(long bytes) {
        return with(f -> f.bodyLengthError = bytes);
    }

    public Faults withCutEvery(long bodyBytes) {
        return with(f -> f.cutEvery = bodyBytes);
    }

    public Faults withStall(long offset, Duration pause) {
        return with(f -> {
            f.stallAt = offset;
            f.stallMillis = pause.toMillis();
        });
    }

    public Faults withBandwidth(long bodyBytesPerSecond) {
        return with(f -> f.bytesPerSecond = bodyBytesPerSecond);
    }

    public Faults withLatency(Duration perResponse) {
        return with(f -> f.latencyMillis = perResponse.toMillis());
    }

    public Faults withStatus(int fixedStatus) {
        return with(f -> f.status = fixedStatus);
    }

    /** Every request is answered {@code 302 Found} to {@code location} (any scheme, {@code file:} too). */
    public Faults withRedirect(String location) {
        return with(f -> f.redirectLocation = location);
    }

    /** These faults (apart from the change) hit only the next {@code requests} requests; later ones are served well. */
    public Faults withOnlyFirst(int requests) {
        return with(f -> f.onlyFirst = requests);
    }

    /** What applies to the request numbered {@code number} (from 1) since these faults were set. */
    Faults forRequest(int number) {
        if (onlyFirst == 0 || number <= onlyFirst) {
            return this;
        }
        return NONE.withChangeAfter(changeAfterRequests, changedContent);
    }

    private Faults with(Consumer<Draft> change) {
        Draft draft = new Draft(this);
        change.accept(draft);
        return draft.build();
    }

    /** A mutable copy for the {@code with…} methods, so that each of them names only what it changes. */
    private static final class Draft {
        boolean ignoreRanges;
        boolean advertiseRangesButSendAll;
        long rangeShift;
        int changeAfterRequests;
        Content changedContent;
        boolean chunked;
        long bodyLengthError;
        long cutEvery;
        long stallAt;
        long stallMillis;
        long bytesPerSecond;
        long latencyMillis;
        int status;
        String redirectLocation;
        int onlyFirst;

        Draft(Faults f) {
            ignoreRanges = f.ignoreRanges;
            advertiseRangesButSendAll = f.advertiseRangesButSendAll;
            rangeShift = f.rangeShift;
            changeAfterRequests = f.changeAfterRequests;
            changedContent = f.changedContent;
            chunked = f.chunked;
            bodyLengthError = f.bodyLengthError;
            cutEvery = f.cutEvery;
            stallAt = f.stallAt;
            stallMillis = f.stallMillis;
            bytesPerSecond = f.bytesPerSecond;
            latencyMillis = f.latencyMillis;
            status = f.status;
            redirectLocation = f.redirectLocation;
            onlyFirst = f.onlyFirst;
        }

        Faults build() {
            return new Faults(ignoreRanges, advertiseRangesButSendAll, rangeShift, changeAfterRequests, changedContent,
                    chunked, bodyLengthError, cutEvery, stallAt, stallMillis, bytesPerSecond, latencyMillis, status,
                    redirectLocation, onlyFirst);
        }
    }
}
