package dev.asios.cli.bench;

import dev.asios.bench.BenchException;
import dev.asios.bench.BenchOptions;
import dev.asios.bench.Benchmark;
import dev.asios.bench.Progress;
import dev.asios.bench.Target;
import dev.asios.bench.TargetResult;
import dev.asios.bench.ab.AbResult;
import dev.asios.bench.ab.AbRunner;
import dev.asios.bench.e2e.E2eSettings;
import dev.asios.bench.report.AbReport;
import dev.asios.bench.report.BenchJson;
import dev.asios.bench.report.BenchRun;
import dev.asios.bench.report.BenchTable;
import dev.asios.bench.report.HostSummary;
import dev.asios.bench.report.ReportDirectory;
import dev.asios.cli.ByteSize;
import dev.asios.cli.DurationOption;
import dev.asios.cli.Privileges;
import dev.asios.cli.UserException;
import dev.asios.host.inspect.HostInspector;
import dev.asios.host.parse.CpuSet;
import dev.asios.host.parse.ParseException;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.tune.profile.ProfileLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code asios bench TARGET...}: measures targets with ASIOS's probes beside the standard tools,
 * round by round, and with {@code --ab PROFILE} untuned against tuned; {@code asios bench e2e --
 * COMMAND ARGS} times a user's workload instead of the built-in one. Exits 0 when everything was
 * measured, 3 for a bad option.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Measures the targets: ASIOS's probe and the standard tool in the same run, and untuned against tuned with --ab.",
            "TARGET: jitter (cyclictest), memory (STREAM / likwid-bench / stress-ng), storage (fio), network (iperf3), e2e (an MLP inference server"
                + " beside stress-ng neighbours; no reference tool: compare with --ab), or all.",
            "asios bench e2e [OPTIONS] -- COMMAND [ARGS...] times your own workload instead: its wall-clock time, once a round."})
public final class BenchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "TARGET", arity = "1..*", description = "jitter, memory, storage, network, e2e, or all; after --, e2e's workload command.")
    private List<String> targets;

    @Option(names = "--rounds", paramLabel = "N", description = "Rounds of probe and reference, alternating. Default: ${DEFAULT-VALUE}.", defaultValue = "3")
    private int rounds;

    @Option(names = "--duration", paramLabel = "TIME", description = "One round of a timed probe (jitter, network, e2e: half closed loop, half open loop): 10s, 2m."
            + " Default: ${DEFAULT-VALUE}.",
            defaultValue = "10s")
    private String duration;

    @Option(names = "--cpus", paramLabel = "LIST", description = "CPUs to measure on (jitter: the last one; memory: all of them; e2e: an inference worker on each,"
            + " or where the workload command runs). Default: per target.")
    private String cpus;

    @Option(names = "--size", paramLabel = "SIZE", description = "Working size (memory: per array; storage: the test file): 256M, 1G. Default: per target.")
    private String size;

    @Option(names = "--dir", paramLabel = "DIR", description = "Where the storage test file goes (removed afterwards). Default: /var/tmp.")
    private Path directory;

    @Option(names = "--rt", paramLabel = "PRIO", description = "SCHED_FIFO priority of the latency probes and of cyclictest, 1-98.")
    private Integer realtime;

    @Option(names = "--stream-binary", paramLabel = "FILE", description = "Your own STREAM build, as the memory reference.")
    private Path streamBinary;

    @Option(names = "--path", paramLabel = "PATH", description = "Network path: loopback, or veth (two network namespaces ASIOS makes and removes). Default: ${DEFAULT-VALUE}.",
            defaultValue = "loopback")
    private String networkPath;

    @Option(names = "--streams", paramLabel = "N", description = "Parallel TCP streams of the network target, as iperf3 -P. Default: ${DEFAULT-VALUE}.",
            defaultValue = "1")
    private int streams;

    @Option(names = "--sla", paramLabel = "TIME", description = "e2e: the latency objective of one request, about 10x the MLP's service time"
            + " of about 1 ms: 10ms, 1s. Default: ${DEFAULT-VALUE}.", defaultValue = "10ms")
    private String sla;

    @Option(names = "--load", paramLabel = "FRACTION", description = "e2e: the open loop's request rate, as a fraction of the throughput just"
            + " measured, above 0 and at most 1. Default: ${DEFAULT-VALUE}.", defaultValue = "0.7")
    private double load;

    @Option(names = "--neighbours", paramLabel = "KIND", description = "e2e: noisy neighbours on the CPUs the workers leave free: stress-ng"
            + " or none. Default: ${DEFAULT-VALUE}.", defaultValue = "stress-ng")
    private String neighbours;

    @Option(names = "--ab", paramLabel = "PROFILE", description = {"Also run each target with this tuning profile applied, alternating with the untuned host; needs root.",
                "With a profile that isolates CPUs, jitter and e2e run on its isolated CPUs (inside its cpuset when tuned), the others on the rest."})
    private String abProfile;

    @Option(names = "--pairs", paramLabel = "N", description = "Untuned/tuned pairs of --ab. Default: ${DEFAULT-VALUE}.", defaultValue = "3")
    private int pairs;

    @Option(names = "--journal", paramLabel = "DIR", description = "The tuning journal used by --ab. Default: ${DEFAULT-VALUE}.", defaultValue = "/var/lib/asios/tune")
    private Path journal;

    @Option(names = "--profiles-dir", paramLabel = "DIR", description = "Your profiles, for --ab. Default: ${DEFAULT-VALUE}.", defaultValue = "/etc/asios/profiles")
    private Path profilesDir;

    @Option(names = "--json", description = "Print JSON instead of text.")
    private boolean json;

    @Option(names = "--report", paramLabel = "DIR", description = "Also write DIR/index.html (charts, samples, commands; one page that works offline)"
            + " and DIR/results.json (as --json prints it).")
    private Path report;

    @Override
    public Integer call() {
        List<String> workload = workloadCommand();
        Set<Target> chosen = targets(targets.subList(0, targets.size() - workload.size()));
        if (!workload.isEmpty() && !chosen.equals(Set.of(Target.E2E))) {
            throw new UserException("-- COMMAND: a workload command is timed by the e2e target alone, as in asios bench e2e -- COMMAND ARGS");
        }
        E2eSettings e2e = BenchmarkCatalog.e2eSettings(sla, load, neighbours);
        List<Benchmark> benchmarks = chosen.stream().map(target -> BenchmarkCatalog.of(target, networkPath, streams, e2e, workload)).toList();
        BenchOptions options = options();
        Optional<ReportDirectory> reportDirectory = reportDirectory();
        Sysroot sysroot = Sysroot.host();
        HostSummary host = HostSummary.of(new HostInspector(sysroot).inspect(), sysroot);
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Progress progress = ProgressLine.on(err);
        List<TargetResult> results = new ArrayList<>();
        List<AbResult> abResults = new ArrayList<>();
        if (!json) {
            BenchTable.printHost(host, out);
        }
        try {
            for (Benchmark benchmark : benchmarks) {
                if (abProfile == null) {
                    TargetResult result = benchmark.run(options, progress);
                    results.add(result);
                    if (!json) {
                        BenchTable.print(result, out);
                    }
                } else {
                    AbResult ab = abRunner(sysroot).run(benchmark, options, pairs, progress);
                    abResults.add(ab);
                    if (!json) {
                        AbReport.print(ab, out);
                    }
                }
                out.flush();
            }
        } catch (BenchException e) {
            writeReport(reportDirectory, new BenchRun(host, results, abResults, Optional.of(e.getMessage())), err);
            throw new UserException(e.getMessage());
        }
        BenchRun run = new BenchRun(host, results, abResults, Optional.empty());
        if (json) {
            out.println(new BenchJson().document(run).toPrettyString());
        }
        out.flush();
        writeReport(reportDirectory, run, err);
        return 0;
    }

    /** The --report folder, made and test-written before anything is measured. */
    private Optional<ReportDirectory> reportDirectory() {
        try {
            return report == null ? Optional.empty() : Optional.of(ReportDirectory.open(report));
        } catch (BenchException e) {
            throw new UserException(e.getMessage());
        }
    }

    /** Writes the report of {@code run} where --report asked; a failure keeps the reason {@code run} stopped, if it did. */
    private static void writeReport(Optional<ReportDirectory> reportDirectory, BenchRun run, PrintWriter err) {
        if (reportDirectory.isEmpty()) {
            return;
        }
        try {
            err.println("report: " + reportDirectory.get().write(run));
            err.flush();
        } catch (BenchException e) {
            throw new UserException(run.stoppedBy().map(why -> why + "; and ").orElse("") + e.getMessage());
        }
    }

    private AbRunner abRunner(Sysroot sysroot) {
        if (!Privileges.root()) {
            throw new UserException("--ab applies and rolls back a tuning profile, which needs root: run it with sudo");
        }
        return new AbRunner(sysroot, journal, new ProfileLoader(profilesDir).load(abProfile), Clock.systemUTC());
    }

    /** What follows {@code --} on the command line: the workload of {@code asios bench e2e -- COMMAND}; empty without {@code --}. */
    private List<String> workloadCommand() {
        List<String> args = spec.commandLine().getParseResult().originalArgs();
        int dashes = args.indexOf("--");
        if (dashes < 0) {
            return List.of();
        }
        if (dashes == args.size() - 1) {
            throw new UserException("--: expected the workload command after it, as in asios bench e2e -- COMMAND ARGS");
        }
        return List.copyOf(args.subList(dashes + 1, args.size()));
    }

    private static Set<Target> targets(List<String> names) {
        Set<Target> chosen = new LinkedHashSet<>();
        for (String name : names) {
            switch (name.strip().toLowerCase(Locale.ROOT)) {
                case "all" -> chosen.addAll(BenchmarkCatalog.BUILT);
                case "jitter" -> chosen.add(Target.JITTER);
                case "memory" -> chosen.add(Target.MEMORY);
                case "storage" -> chosen.add(Target.STORAGE);
                case "network" -> chosen.add(Target.NETWORK);
                case "e2e" -> chosen.add(Target.E2E);
                default -> throw new UserException("target '" + name + "': expected jitter, memory, storage, network, e2e or all");
            }
        }
        return chosen;
    }

    private BenchOptions options() {
        if (rounds < 1 || rounds > 1000) {
            throw new UserException("--rounds " + rounds + ": expected 1 to 1000");
        }
        if (realtime != null && (realtime < 1 || realtime > 98)) {
            throw new UserException("--rt " + realtime + ": expected a priority from 1 to 98");
        }
        try {
            CpuSet cpuSet = cpus == null ? CpuSet.empty() : CpuSet.parseList(cpus);
            OptionalLong bytes = size == null ? OptionalLong.empty() : OptionalLong.of(ByteSize.parse("--size", size));
            return new BenchOptions(rounds, DurationOption.parse("--duration", duration), cpuSet, bytes, Optional.ofNullable(directory),
                    realtime == null ? OptionalInt.empty() : OptionalInt.of(realtime), Optional.ofNullable(streamBinary));
        } catch (ParseException e) {
            throw new UserException("--cpus '" + cpus + "': " + e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
    }
}
