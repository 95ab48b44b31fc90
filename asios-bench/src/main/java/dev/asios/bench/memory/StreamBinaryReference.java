package dev.asios.bench.memory;

import dev.asios.host.parse.CpuSet;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A user's STREAM build ({@code stream.c} with OpenMP), run through {@code env} with one OpenMP
 * thread bound to each CPU. Its array size is the one compiled into it. Immutable.
 *
 * @param env the {@code env} program
 * @param binary the STREAM binary
 * @param cpus the CPUs, one thread each
 */
record StreamBinaryReference(Path env, Path binary, CpuSet cpus) implements MemoryReference {

    private static final Duration TIMEOUT = Duration.ofMinutes(10);

    @Override
    public String tool() {
        return "stream";
    }

    @Override
    public List<String> command() {
        List<String> command = new ArrayList<>();
        command.add(env.toString());
        command.add("OMP_NUM_THREADS=" + cpus.size());
        command.add("OMP_PROC_BIND=true");
        command.add("OMP_PLACES=" + cpus.stream().mapToObj(cpu -> "{" + cpu + "}").collect(Collectors.joining(",")));
        command.add(binary.toString());
        return command;
    }

    @Override
    public Duration timeout() {
        return TIMEOUT;
    }

    @Override
    public String method() {
        return "STREAM (" + binary + "): " + cpus.size() + " OpenMP threads, one bound to each of CPUs " + cpus.toList()
                + " (OMP_PLACES); arrays of the size compiled into it; each kernel's best of its passes after the first, bytes counted"
                + " as STREAM does";
    }

    @Override
    public Map<StreamKernel, Double> parse(String output) {
        StreamRates rates = StreamOutputParser.parse(output);
        Map<StreamKernel, Double> byKernel = new EnumMap<>(StreamKernel.class);
        for (StreamKernel kernel : StreamKernel.values()) {
            byKernel.put(kernel, rates.of(kernel));
        }
        return byKernel;
    }
}
