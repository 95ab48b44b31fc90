package dev.asios.cli.bench;

import dev.asios.bench.BenchException;
import dev.asios.bench.Benchmark;
import dev.asios.bench.Target;
import dev.asios.bench.e2e.CommandBenchmark;
import dev.asios.bench.e2e.E2eBenchmark;
import dev.asios.bench.e2e.E2eSettings;
import dev.asios.bench.e2e.Neighbours;
import dev.asios.bench.jitter.JitterBenchmark;
import dev.asios.bench.memory.MemoryBenchmark;
import dev.asios.bench.network.NetworkBenchmark;
import dev.asios.bench.network.NetworkPath;
import dev.asios.bench.storage.StorageBenchmark;
import dev.asios.cli.DurationOption;
import dev.asios.cli.UserException;
import java.util.List;
import java.util.Locale;

/** The benchmark of each target that ASIOS has, as {@code asios bench} runs it. */
final class BenchmarkCatalog {

    /** The targets with a benchmark, in the order {@code all} runs them. */
    static final List<Target> BUILT = List.of(Target.JITTER, Target.MEMORY, Target.STORAGE, Target.NETWORK, Target.E2E);

    private BenchmarkCatalog() {
    }

    /**
     * The benchmark of {@code target}; {@code networkPath} and {@code streams} are network options, checked whatever the target.
     *
     * @param e2e the e2e target's settings
     * @param workload the user's workload command that e2e times instead of its inference server; empty for the server
     */
    static Benchmark of(Target target, String networkPath, int streams, E2eSettings e2e, List<String> workload) {
        NetworkPath network = path(networkPath);
        if (streams < 1 || streams > NetworkBenchmark.MAX_STREAMS) {
            throw new UserException("--streams " + streams + ": expected 1 to " + NetworkBenchmark.MAX_STREAMS);
        }
        return switch (target) {
            case JITTER -> new JitterBenchmark();
            case MEMORY -> new MemoryBenchmark();
            case STORAGE -> new StorageBenchmark();
            case NETWORK -> new NetworkBenchmark(network, streams);
            case E2E -> workload.isEmpty() ? new E2eBenchmark(e2e) : new CommandBenchmark(workload);
        };
    }

    /**
     * The e2e settings of {@code --sla}, {@code --load} and {@code --neighbours}, checked whatever the target.
     *
     * @throws UserException naming the option, what it takes and the value
     */
    static E2eSettings e2eSettings(String sla, double load, String neighbours) {
        Neighbours kind = Neighbours.ofCliName(neighbours.strip().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new UserException("--neighbours '" + neighbours + "': expected stress-ng or none"));
        try {
            E2eSettings settings = new E2eSettings(DurationOption.parse("--sla", sla), load, kind);
            settings.check();
            return settings;
        } catch (IllegalArgumentException | BenchException e) {
            throw new UserException(e.getMessage());
        }
    }

    private static NetworkPath path(String text) {
        return switch (text.strip().toLowerCase(Locale.ROOT)) {
            case "loopback" -> NetworkPath.LOOPBACK;
            case "veth" -> NetworkPath.VETH;
            default -> throw new UserException("--path '" + text + "': expected loopback or veth");
        };
    }
}
