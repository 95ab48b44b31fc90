package dev.asios.health.adapt;

import dev.asios.health.adapt.IoShape.Access;
import dev.asios.health.adapt.IoShape.Mix;
import java.util.ArrayList;
import java.util.List;

/**
 * Predicts which queue setting might serve a device's I/O pattern better. Each rule is a
 * well-known piece of kernel tuning advice; none is trusted blindly, which is why every
 * prediction is only a trial candidate. Scheduler rules come first, then read-ahead:
 * <ol>
 *   <li><b>Fast device, random I/O, deep queue → {@code none}.</b> NVMe, virtio and flash
 *       serve random requests in any order at the same cost, and a virtio disk's host schedules
 *       them again; with {@value IoShape#DEEP_QUEUE_DEPTH} or more in flight, a scheduler's sorting
 *       and its lock add latency and gain nothing (the kernel's own default for NVMe is none).</li>
 *   <li><b>Rotational disk, random or mixed reads and writes, scheduler {@code none} or
 *       {@code kyber} → {@code mq-deadline}</b> (or {@code bfq} without it): a seeking disk gains
 *       from sorted dispatch, and deadlines keep writes from starving reads.</li>
 *   <li><b>Rotational disk, reads and writes mixed, deep queue, at most {@value #BFQ_MAX_IOPS} IOPS,
 *       scheduler {@code mq-deadline} → {@code bfq}</b>: per-process budgets keep reads
 *       responsive behind a write backlog, and bfq's per-request cost only hurts well above the
 *       few hundred IOPS a spinning disk gives.</li>
 *   <li><b>Long sequential reads, read-ahead under {@value #LARGE_READ_AHEAD_KIB} KiB → four times
 *       the read-ahead, at least {@value #LARGE_READ_AHEAD_KIB} and at most {@value #MAX_READ_AHEAD_KIB} KiB</b>:
 *       streaming a data set or a checkpoint needs fewer, larger requests.</li>
 *   <li><b>Random reads of at most {@value IoShape#RANDOM_MAX_REQUEST_KIB} KiB, read-ahead over
 *       {@value #SMALL_READ_AHEAD_KIB} KiB → {@value #SMALL_READ_AHEAD_KIB} KiB</b> (the kernel's
 *       default): a large window reads data random readers never use.</li>
 * </ol>
 * Pure and thread-safe.
 */
final class IoHeuristics {

    static final String NONE = "none";
    static final String MQ_DEADLINE = "mq-deadline";
    static final String BFQ = "bfq";
    static final String KYBER = "kyber";

    static final int BFQ_MAX_IOPS = 2000;
    static final long SMALL_READ_AHEAD_KIB = 128;
    static final long LARGE_READ_AHEAD_KIB = 1024;
    static final long MAX_READ_AHEAD_KIB = 4096;

    private IoHeuristics() {
    }

    /** The candidates for {@code queue} under {@code pattern}, the most promising first; empty when nothing is predicted to help. */
    static List<Candidate> candidates(DeviceQueue queue, IoPattern pattern) {
        IoShape shape = IoShape.of(pattern);
        String active = queue.scheduler().active();
        String seen = "on " + queue.name() + " (" + queue.deviceClass().name().toLowerCase(java.util.Locale.ROOT) + "): " + shape.describe() + ", "
                + pattern.describe();
        List<Candidate> candidates = new ArrayList<>();
        if (queue.deviceClass().fast() && shape.access() == Access.RANDOM && shape.deep() && queue.canSwitchTo(NONE)) {
            candidates.add(scheduler(active, NONE, "random I/O at a deep queue on a fast device gains nothing from a scheduler " + seen));
        }
        if (!queue.deviceClass().fast()) {
            boolean randomOrMixed = shape.access() != Access.SEQUENTIAL || shape.mix() == Mix.MIXED;
            String ordered = queue.canSwitchTo(MQ_DEADLINE) ? MQ_DEADLINE : queue.canSwitchTo(BFQ) ? BFQ : null;
            if ((active.equals(NONE) || active.equals(KYBER)) && randomOrMixed && ordered != null) {
                candidates.add(scheduler(active, ordered, "a seeking disk gains from sorted dispatch with deadlines " + seen));
            } else if (active.equals(MQ_DEADLINE) && shape.mix() == Mix.MIXED && shape.deep() && pattern.iops() <= BFQ_MAX_IOPS && queue.canSwitchTo(BFQ)) {
                candidates.add(scheduler(active, BFQ, "reads behind a write backlog on a seeking disk gain from bfq's per-process budgets " + seen));
            }
        }
        long readAhead = queue.readAheadKib();
        if (shape.access() == Access.SEQUENTIAL && shape.mix() == Mix.READS && readAhead < LARGE_READ_AHEAD_KIB) {
            long larger = Math.min(MAX_READ_AHEAD_KIB, Math.max(LARGE_READ_AHEAD_KIB, readAhead * 4));
            candidates.add(new Candidate(Setting.READ_AHEAD, String.valueOf(readAhead), String.valueOf(larger),
                    "long sequential reads need fewer, larger requests " + seen));
        }
        if (shape.access() == Access.RANDOM && shape.mix() == Mix.READS && readAhead > SMALL_READ_AHEAD_KIB) {
            candidates.add(new Candidate(Setting.READ_AHEAD, String.valueOf(readAhead), String.valueOf(SMALL_READ_AHEAD_KIB),
                    "a large read-ahead reads data that small random reads never use " + seen));
        }
        return candidates;
    }

    private static Candidate scheduler(String active, String proposed, String reason) {
        return new Candidate(Setting.SCHEDULER, active, proposed, reason);
    }
}
