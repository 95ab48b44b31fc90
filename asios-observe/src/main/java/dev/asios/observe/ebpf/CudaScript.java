package dev.asios.observe.ebpf;

import java.util.ArrayList;
import java.util.List;

/**
 * Writes the bpftrace script of the CUDA part for the libraries found on a host. Uprobes attach to
 * the exported symbols of any ELF library, so the script needs nothing from CUDA but the files:
 *
 * <ul>
 *   <li>{@code cuLaunchKernel} (driver): kernel launches per process, {@code @cuda_launches};</li>
 *   <li>{@code cuMemcpyHtoD_v2}, {@code cuMemcpyDtoH_v2} (driver) and {@code cudaMemcpy}
 *       (runtime): the size argument ({@code arg2}) as a log2 histogram of {@code size - 1}, so
 *       that a bucket's {@code max + 1} is an inclusive bound in bytes, plus its sum, and the time
 *       from entry to return in microseconds and its sum in nanoseconds, keyed by the call's
 *       name;</li>
 *   <li>{@code ncclAllReduce(sendbuff, recvbuff, count, datatype, ...)}: calls per process, and
 *       elements per process and datatype, from which ASIOS computes bytes.</li>
 * </ul>
 *
 * Counts per process are printed and cleared every second; histograms and sums stay cumulative.
 * Pure.
 */
final class CudaScript {

    /** The map of kernel launches per process. */
    static final String LAUNCHES = "@cuda_launches";
    /** The log2 histogram of copy sizes minus one, per call. */
    static final String COPY_BYTES = "@cuda_memcpy_bytes";
    /** The sum of copy sizes in bytes, per call. */
    static final String COPY_BYTES_SUM = "@cuda_memcpy_bytes_sum";
    /** The log2 histogram of copy times in microseconds, per call. */
    static final String COPY_MICROS = "@cuda_memcpy_us";
    /** The sum of copy times in nanoseconds, per call. */
    static final String COPY_NANOS_SUM = "@cuda_memcpy_ns_sum";
    /** The map of all-reduce calls per process. */
    static final String ALLREDUCE_CALLS = "@nccl_calls";
    /** The map of all-reduce elements per process and NCCL datatype. */
    static final String ALLREDUCE_ELEMENTS = "@nccl_elements";
    /** The start time of each thread's copy in progress. */
    static final String COPY_START = "@cuda_memcpy_start";

    private CudaScript() {
    }

    /**
     * The script for {@code libraries}.
     *
     * @throws IllegalArgumentException if no library was found
     */
    static String generate(CudaLibraries libraries) {
        if (libraries.isEmpty()) {
            throw new IllegalArgumentException("no CUDA or NCCL library to probe");
        }
        StringBuilder script = new StringBuilder();
        List<String> printed = new ArrayList<>();
        List<String> cleared = new ArrayList<>();
        for (String driver : libraries.driver()) {
            script.append("uprobe:").append(driver).append(":cuLaunchKernel\n{\n  ").append(LAUNCHES).append("[pid] = count();\n}\n\n");
            copy(script, driver, "cuMemcpyHtoD_v2", 0);
            copy(script, driver, "cuMemcpyDtoH_v2", 1);
        }
        for (String runtime : libraries.runtimes()) {
            copy(script, runtime, "cudaMemcpy", 2);
        }
        for (String nccl : libraries.nccl()) {
            script.append("uprobe:").append(nccl).append(":ncclAllReduce\n{\n  ").append(ALLREDUCE_CALLS).append("[pid] = count();\n  ")
                    .append(ALLREDUCE_ELEMENTS).append("[pid, arg3] = sum(arg2);\n}\n\n");
        }
        if (!libraries.driver().isEmpty()) {
            cleared.add(LAUNCHES);
        }
        if (!libraries.driver().isEmpty() || !libraries.runtimes().isEmpty()) {
            printed.addAll(List.of(COPY_BYTES, COPY_BYTES_SUM, COPY_MICROS, COPY_NANOS_SUM));
        }
        if (!libraries.nccl().isEmpty()) {
            cleared.addAll(List.of(ALLREDUCE_CALLS, ALLREDUCE_ELEMENTS));
        }
        script.append("interval:s:1\n{\n");
        printed.forEach(map -> script.append("  print(").append(map).append(");\n"));
        cleared.forEach(map -> script.append("  print(").append(map).append(");\n  clear(").append(map).append(");\n"));
        return script.append("}\n").toString();
    }

    private static void copy(StringBuilder script, String library, String symbol, int callId) {
        String call = "\"" + symbol + "\"";
        script.append("uprobe:").append(library).append(':').append(symbol).append("\n{\n")
                .append("  ").append(COPY_BYTES).append('[').append(call).append("] = hist(arg2 > 0 ? arg2 - 1 : 0);\n")
                .append("  ").append(COPY_BYTES_SUM).append('[').append(call).append("] = sum(arg2);\n")
                .append("  ").append(COPY_START).append("[tid, ").append(callId).append("] = nsecs;\n}\n\n");
        script.append("uretprobe:").append(library).append(':').append(symbol).append("\n{\n")
                .append("  $start = ").append(COPY_START).append("[tid, ").append(callId).append("];\n")
                .append("  if ($start) {\n    $ns = nsecs - $start;\n")
                .append("    ").append(COPY_MICROS).append('[').append(call).append("] = hist($ns / 1000);\n")
                .append("    ").append(COPY_NANOS_SUM).append('[').append(call).append("] = sum($ns);\n")
                .append("    delete(").append(COPY_START).append(", (tid, ").append(callId).append("));\n  }\n}\n\n");
    }
}
