package dev.asios.bench.network;

import dev.asios.host.parse.CpuSet;
import java.util.Arrays;

/**
 * The CPUs the receiving and the sending side of a stream run on. Immutable.
 *
 * @param receiverCpus the receiver's CPUs; empty to leave it unpinned
 * @param senderCpus the sender's CPUs; empty to leave it unpinned
 */
record Pinning(CpuSet receiverCpus, CpuSet senderCpus) {

    /**
     * Splits the CPUs a user gave: none leaves both sides unpinned; one CPU runs both on it; more
     * give the receiver the first half (rounded up) and the sender the rest, so that the two sides
     * never share a CPU.
     */
    static Pinning split(CpuSet cpus) {
        if (cpus.size() <= 1) {
            return new Pinning(cpus, cpus);
        }
        int[] all = cpus.toArray();
        int receiverCount = (all.length + 1) / 2;
        CpuSet receiver = CpuSet.of(Arrays.copyOfRange(all, 0, receiverCount));
        return new Pinning(receiver, cpus.andNot(receiver));
    }

    /** Whether the sides are pinned at all. */
    boolean pinned() {
        return !receiverCpus.isEmpty();
    }

    /** The pinning in words, for a measurement's method. */
    String describe() {
        return pinned() ? "receiver on CPUs " + receiverCpus.toList() + ", sender on CPUs " + senderCpus.toList() : "neither side pinned";
    }
}
