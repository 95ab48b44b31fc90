package dev.asios.health.rules;

import java.util.Map;

/**
 * What NVIDIA's XID error codes mean, for evidence, and which of them say the GPU itself (its
 * memory, bus, NVLink or firmware) failed rather than the program that ran on it. From NVIDIA's
 * "XID Errors" table; a code not listed is described by its number only and counted as the
 * program's.
 */
final class XidCodes {

    /** Codes that point at the GPU: ECC, row remapping, NVLink, bus, internal micro-controller, GSP. */
    private static final Map<Long, String> GPU_FAULTS = Map.ofEntries(
            Map.entry(48L, "double-bit ECC error"),
            Map.entry(61L, "internal micro-controller breakpoint"),
            Map.entry(62L, "internal micro-controller halt"),
            Map.entry(63L, "ECC page retirement or row remapping event"),
            Map.entry(64L, "ECC page retirement or row remapping failure"),
            Map.entry(74L, "NVLink error"),
            Map.entry(79L, "GPU has fallen off the bus"),
            Map.entry(92L, "high single-bit ECC error rate"),
            Map.entry(94L, "contained ECC error"),
            Map.entry(95L, "uncontained ECC error"),
            Map.entry(119L, "GSP RPC timeout"),
            Map.entry(120L, "GSP error"),
            Map.entry(140L, "unrecovered ECC error"));

    /** Codes usually caused by the program. */
    private static final Map<Long, String> PROGRAM_FAULTS = Map.of(
            13L, "graphics engine exception",
            31L, "GPU memory page fault",
            32L, "invalid or corrupted push buffer stream",
            43L, "GPU stopped processing",
            45L, "preemptive cleanup after earlier errors",
            69L, "graphics engine class error");

    private XidCodes() {
    }

    /** True if the code says the GPU failed. */
    static boolean gpuFault(long xid) {
        return GPU_FAULTS.containsKey(xid);
    }

    /** {@code XID 79 (GPU has fallen off the bus)}, or {@code XID 12345} for a code not listed. */
    static String describe(long xid) {
        String meaning = GPU_FAULTS.getOrDefault(xid, PROGRAM_FAULTS.get(xid));
        return "XID " + xid + (meaning == null ? "" : " (" + meaning + ")");
    }
}
