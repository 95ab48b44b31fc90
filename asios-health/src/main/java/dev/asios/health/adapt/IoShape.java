package dev.asios.health.adapt;

import java.util.Locale;

/**
 * The class of a device's I/O pattern, which the heuristics act on and which must hold for a
 * trial to count. Thresholds:
 * <ul>
 *   <li>access: sequential when the mean request is at least {@value #SEQUENTIAL_MIN_REQUEST_KIB} KiB
 *       (the block layer only builds requests that large from adjacent data: read-ahead, merges,
 *       large direct I/O), random when at most {@value #RANDOM_MAX_REQUEST_KIB} KiB, mixed between;</li>
 *   <li>mix: reads when at least {@value #MOSTLY_SHARE} of the bytes are read, writes when at
 *       least that share is written, mixed otherwise;</li>
 *   <li>deep when at least {@value #DEEP_QUEUE_DEPTH} requests are in flight on average: enough
 *       that the device, not the submitter, is the queue.</li>
 * </ul>
 *
 * @param access sequential, random or between
 * @param mix reads, writes or both
 * @param deep whether the queue is deep
 */
record IoShape(Access access, Mix mix, boolean deep) {

    static final int SEQUENTIAL_MIN_REQUEST_KIB = 128;
    static final int RANDOM_MAX_REQUEST_KIB = 32;
    static final double MOSTLY_SHARE = 0.8;
    static final double DEEP_QUEUE_DEPTH = 4;

    /** A trial's mean request may differ from the baseline's by this factor and still be the same load. */
    static final double SAME_REQUEST_SIZE_FACTOR = 1.5;
    /** A trial's read share may differ from the baseline's by this much and still be the same load. */
    static final double SAME_READ_SHARE_DELTA = 0.15;

    /** Sequential or random, by the mean request size. */
    enum Access {
        SEQUENTIAL, RANDOM, BETWEEN
    }

    /** Reads, writes or both, by the share of bytes read. */
    enum Mix {
        READS, WRITES, MIXED
    }

    /** The shape of {@code pattern}; a pattern without I/O is random, mixed and shallow. */
    static IoShape of(IoPattern pattern) {
        double requestKib = pattern.meanRequestBytes() / 1024;
        Access access = requestKib >= SEQUENTIAL_MIN_REQUEST_KIB ? Access.SEQUENTIAL : requestKib > RANDOM_MAX_REQUEST_KIB ? Access.BETWEEN : Access.RANDOM;
        double reads = pattern.readShare();
        Mix mix = reads >= MOSTLY_SHARE ? Mix.READS : reads <= 1 - MOSTLY_SHARE ? Mix.WRITES : Mix.MIXED;
        return new IoShape(access, mix, pattern.queueDepth() >= DEEP_QUEUE_DEPTH);
    }

    /**
     * Whether two windows carry the same offered load, so that their latency and throughput may be
     * compared: the same shape, a mean request within {@value #SAME_REQUEST_SIZE_FACTOR} times, and
     * a read share within {@value #SAME_READ_SHARE_DELTA}. For a read-ahead trial the request size
     * is what the change moves, so only the mix counts.
     */
    static boolean sameLoad(IoPattern baseline, IoPattern trial, Setting setting) {
        IoShape before = of(baseline);
        IoShape after = of(trial);
        boolean sameMix = before.mix == after.mix && Math.abs(baseline.readShare() - trial.readShare()) <= SAME_READ_SHARE_DELTA;
        if (setting == Setting.READ_AHEAD) {
            return sameMix;
        }
        double ratio = trial.meanRequestBytes() / baseline.meanRequestBytes();
        return sameMix && before.equals(after) && ratio <= SAME_REQUEST_SIZE_FACTOR && ratio >= 1 / SAME_REQUEST_SIZE_FACTOR;
    }

    /** In words: {@code random reads, deep queue}. */
    String describe() {
        String what = switch (mix) {
            case READS -> "reads";
            case WRITES -> "writes";
            case MIXED -> "reads and writes";
        };
        String how = access == Access.BETWEEN ? "medium-sized" : access.name().toLowerCase(Locale.ROOT);
        return how + " " + what + (deep ? ", deep queue" : ", shallow queue");
    }
}
