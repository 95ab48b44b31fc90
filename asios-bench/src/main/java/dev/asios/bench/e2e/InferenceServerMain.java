package dev.asios.bench.e2e;

import dev.asios.bench.child.MainArgs;
import dev.asios.host.parse.CpuSet;
import java.io.PrintStream;
import java.util.List;

/**
 * The inference server of the e2e target, run as its own process so that it can start inside the
 * isolated cpuset and so that each round gets a fresh JVM.
 *
 * <p>Arguments: {@code CPUS WARMUP_MS PHASE_MS LOAD SLA_US}. It builds the standard
 * {@link MlpModel}, runs one {@link InferenceServer} round with a worker on each CPU of the list
 * {@code CPUS}, prints the {@code served} line of {@link ServerLines} and exits 0. If an argument
 * is bad or the round fails it prints {@code error MESSAGE} and exits 1.
 */
public final class InferenceServerMain {

    private static final List<String> USAGE = List.of("CPUS", "WARMUP_MS", "PHASE_MS", "LOAD", "SLA_US");
    private static final long NANOS_PER_MS = 1_000_000;

    private InferenceServerMain() {
    }

    /** Runs one round as described above; ends the JVM with status 0 or 1. */
    public static void main(String[] args) {
        PrintStream out = System.out;
        try {
            String[] checked = MainArgs.expect(args, "InferenceServerMain", USAGE);
            CpuSet cpus = MainArgs.cpuList(checked[0], "CPUS");
            long warmupNs = MainArgs.intIn(checked[1], "WARMUP_MS", 0, 600_000) * NANOS_PER_MS;
            long phaseNs = MainArgs.intIn(checked[2], "PHASE_MS", 1, 1_800_000) * NANOS_PER_MS;
            double load = MainArgs.fraction(checked[3], "LOAD");
            long slaNs = MainArgs.intIn(checked[4], "SLA_US", 1, Integer.MAX_VALUE) * 1_000L;
            InferenceServer server = new InferenceServer(MlpModel.standard(), cpus);
            out.println(ServerLines.served(server.run(warmupNs, phaseNs, load, slaNs)));
            out.flush();
            System.exit(0);
        } catch (Exception e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            out.println(ServerLines.error(message.replace('\n', ' ')));
            out.flush();
            System.exit(1);
        }
    }
}
