package dev.asios.cli.bench;

import dev.asios.bench.Benchmark;
import dev.asios.bench.Target;
import dev.asios.bench.jitter.JitterBenchmark;
import dev.asios.bench.memory.MemoryBenchmark;
import dev.asios.bench.network.NetworkBenchmark;
import dev.asios.bench.network.NetworkPath;
import dev.asios.bench.storage.StorageBenchmark;
import dev.asios.cli.UserException;
import java.util.List;
import java.util.Locale;

/** The benchmark of each target that ASIOS has, as {@code asios bench} runs it. */
final class BenchmarkCatalog {

    /** The targets with a benchmark, in the order {@code all} runs them. */
    static final List<Target> BUILT = List.of(Target.JITTER, Target.MEMORY, Target.STORAGE, Target.NETWORK);

    private BenchmarkCatalog() {
    }

    /** The benchmark of {@code target}; {@code networkPath} and {@code streams} are network options, checked whatever the target. */
    static Benchmark of(Target target, String networkPath, int streams) {
        NetworkPath network = path(networkPath);
        if (streams < 1 || streams > NetworkBenchmark.MAX_STREAMS) {
            throw new UserException("--streams " + streams + ": expected 1 to " + NetworkBenchmark.MAX_STREAMS);
        }
        return switch (target) {
            case JITTER -> new JitterBenchmark();
            case MEMORY -> new MemoryBenchmark();
            case STORAGE -> new StorageBenchmark();
            case NETWORK -> new NetworkBenchmark(network, streams);
            case E2E -> throw new UserException("target e2e is not built yet: asios bench measures jitter, memory, storage and network");
        };
    }

    private static NetworkPath path(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "loopback" -> NetworkPath.LOOPBACK;
            case "veth" -> NetworkPath.VETH;
            default -> throw new UserException("--path '" + text + "': expected loopback or veth");
        };
    }
}
