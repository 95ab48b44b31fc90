package dev.asios.cli.run;

import dev.asios.cli.ByteSize;
import dev.asios.cli.Privileges;
import dev.asios.host.inspect.HostInspector;
import dev.asios.host.inspect.HostSnapshot;
import dev.asios.host.parse.ParseException;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.run.command.CommandResolver;
import dev.asios.run.launch.CgroupLayout;
import dev.asios.run.launch.HugepageMode;
import dev.asios.run.launch.LaunchException;
import dev.asios.run.launch.LaunchPlanner;
import dev.asios.run.launch.LaunchSpec;
import dev.asios.run.launch.Launcher;
import dev.asios.run.launch.RunCleaner;
import dev.asios.run.launch.RestartPolicy;
import dev.asios.run.launch.RunJson;
import dev.asios.run.launch.RunReport;
import dev.asios.run.launch.RunRequest;
import dev.asios.run.launch.RunRequestJson;
import dev.asios.run.place.NumaPolicy;
import dev.asios.run.place.PlacementException;
import dev.asios.run.place.PlacementRequest;
import dev.asios.run.store.RestartInfo;
import dev.asios.run.store.RunIds;
import dev.asios.run.store.RunStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code asios run [OPTIONS] -- COMMAND [ARGS]}: places a workload on the GPUs, CPUs and memory
 * that fit it, launches it in its own cgroup, passes its I/O and signals through, and reports what
 * it used. Exits with the command's status; its own failures use 125 (nothing ran), 126 (the
 * command cannot be run) and 127 (no such command), as {@code env} and {@code timeout} do.
 */
@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Places a workload on the right GPUs, cores and memory, runs it in its own cgroup, and reports what it used.",
            "Exits with the command's status; 125 when asios could not run it, 126 when it is not executable, 127 when it does not exist."})
public final class RunCommand implements Callable<Integer> {

    /** Nothing ran: a bad request, a placement that cannot be met, or a host that cannot make the cgroup. */
    static final int NOT_RUN = 125;
    /** The command exists but cannot be executed. */
    static final int NOT_EXECUTABLE = 126;
    /** The command does not exist. */
    static final int NOT_FOUND = 127;

    @Spec
    private CommandSpec spec;

    @Mixin
    private RunOptions options;

    @Option(names = "--gpus", paramLabel = "N", description = "How many GPUs; the best-connected set is chosen.")
    private Integer gpus;

    @Option(names = "--gpu-ids", paramLabel = "LIST", split = ",", description = "These GPUs: indices in PCI bus order (0,1) or PCI addresses (0000:3b:00.0).")
    private List<String> gpuIds = new ArrayList<>();

    @Option(names = "--cpus", paramLabel = "N", description = "How many CPUs in all (whole cores first). Default: every free CPU of the chosen NUMA nodes.")
    private Integer cpus;

    @Option(names = "--cpus-per-gpu", paramLabel = "N", description = "CPUs for each GPU, from the GPUs' NUMA nodes.")
    private Integer cpusPerGpu;

    @Option(names = "--memory", paramLabel = "SIZE", description = "Memory the run needs and may use (cgroup limit): 4096, 512M, 64G.")
    private String memory;

    @Option(names = "--numa", paramLabel = "POLICY", description = "Memory policy on the CPUs' nodes: strict (one node, bound), preferred, interleave. Default: ${DEFAULT-VALUE}.",
            defaultValue = "preferred")
    private String numa;

    @Option(names = "--isolate", description = "Run on the isolated CPUs of the active tuning profile (asios tune apply --profile inference).")
    private boolean isolate;

    @Option(names = "--hugepages", paramLabel = "N", description = "Back malloc with N pages of the hugetlb pool on the run's nodes (glibc.malloc.hugetlb=2).")
    private Long hugepages;

    @Option(names = "--hugepage-size", paramLabel = "SIZE", description = "The hugepage size for --hugepages: 2M or 1G. Default: 2M.", defaultValue = "2M")
    private String hugepageSize;

    @Option(names = "--thp", description = "Back malloc with transparent hugepages (madvise; glibc.malloc.hugetlb=1).")
    private boolean thp;

    @Option(names = "--rdma-nic", description = "Also take the RDMA NIC nearest the GPUs (NCCL_IB_HCA, NCCL_SOCKET_IFNAME).")
    private boolean rdma;

    @Option(names = "--cpu-weight", paramLabel = "W", description = "CPU weight, 1-10000 (default of the kernel: 100).")
    private Integer cpuWeight;

    @Option(names = "--io-weight", paramLabel = "W", description = "I/O weight, 1-10000 (default of the kernel: 100).")
    private Integer ioWeight;

    @Option(names = "--pids-max", paramLabel = "N", description = "The most tasks the run may have.")
    private Integer pidsMax;

    @Option(names = "--rt", paramLabel = "PRIO", arity = "0..1", fallbackValue = "10",
            description = "Run the main thread SCHED_FIFO at PRIO, 1-98 (default when given without a value: 10, below the kernel's IRQ threads at 50).")
    private Integer realtime;

    @Option(names = "--mlock", description = "Lock all the run's memory (mlockall through a preloaded library; RLIMIT_MEMLOCK raised).")
    private boolean mlock;

    @Option(names = "--restart", paramLabel = "POLICY", defaultValue = "no",
            description = {"Whether the agent (asios up with --heal enforce) may restart the run when it crashes: no (default) or on-failure"
                + " (a non-zero exit, or killed by a signal that did not come through this asios run). The request, environment and working folder"
                + " are kept in the run store so the restart is launched the same way; the heal policy sets the backoff and the attempts."})
    private String restart;

    @Option(names = "--checkpoint-command", paramLabel = "CMD",
            description = "With --restart on-failure: the shell command line (/bin/sh -c) a restart runs instead of COMMAND, such as one that"
                + " resumes from the last checkpoint.")
    private String checkpointCommand;

    @Option(names = "--dry-run", description = "Print the placement and the exact launch; run nothing. Works without root.")
    private boolean dryRun;

    @Parameters(paramLabel = "COMMAND", arity = "1..*", description = "The command and its arguments (after --).")
    private List<String> command;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        try {
            return run(err);
        } catch (RunRefused e) {
            err.println("asios run: " + e.getMessage());
            err.flush();
            return e.exitCode;
        }
    }

    private int run(PrintWriter err) throws RunRefused {
        if (!dryRun && options.sysroot != null) {
            throw new RunRefused(NOT_RUN, "--sysroot places on a recorded tree: add --dry-run");
        }
        if (!dryRun && !Privileges.root()) {
            throw new RunRefused(NOT_RUN, "making the run's cgroup needs root: run it with sudo (or add --dry-run to see the placement)");
        }
        Sysroot sysroot = options.sysroot();
        Path program = resolveCommand(sysroot);
        // The store's first open loads SQLite's native library: done while the host is read.
        CompletableFuture<RunStore> opening = dryRun ? CompletableFuture.completedFuture(null)
                : CompletableFuture.supplyAsync(this::openStore, task -> Thread.ofVirtual().start(task));
        HostSnapshot host = new HostInspector(sysroot).inspect();
        try (RunStore store = opened(opening)) {
            CgroupLayout layout = CgroupLayout.of(host.kernel().cgroups()
                    .orElseThrow(() -> new RunRefused(NOT_RUN, "no cgroup hierarchy is mounted (no cgroup or cgroup2 entry in /proc/self/mountinfo or /proc/mounts)")));
            if (store != null) {
                RunCleaner.Result cleaned = new RunCleaner(sysroot, layout, store).clean();
                cleaned.abandonedRuns().forEach(id -> err.println("asios run: cleaned up after run " + id + ", whose asios was killed"));
                cleaned.failures().forEach(f -> err.println("asios run: clean-up: " + f));
            }
            RunRequest request = runRequest(program, host);
            LaunchPlanner.Plan plan = plan(LaunchPlanner.of(sysroot, host, layout, store == null ? List.of() : store.running(), options.state,
                    options.sysroot != null), request);
            LaunchSpec launch = plan.spec();
            Map<String, String> added = plan.added();
            if (dryRun) {
                new DryRunView(options.json, spec.commandLine().getOut()).print(launch, layout, hugepageMode(), added);
                return 0;
            }
            err.flush();
            RestartInfo restartInfo = request.restart() == RestartPolicy.NO ? RestartInfo.NONE
                    : RestartInfo.declared(RunRequestJson.write(request), Optional.empty(), 0);
            RunReport report = new Launcher(sysroot, layout, store, options.state, new RunJson()).launch(launch, restartInfo);
            RunReportView.print(report, options.json, err);
            return report.exitCode();
        } catch (IOException e) {
            throw new RunRefused(NOT_RUN, e.getMessage());
        } catch (LaunchException | ParseException e) {
            throw new RunRefused(NOT_RUN, e.getMessage());
        }
    }

    private RunStore openStore() {
        try {
            return RunStore.open(options.state);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static RunStore opened(CompletableFuture<RunStore> opening) throws IOException {
        try {
            return opening.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw e;
        }
    }

    private Path resolveCommand(Sysroot sysroot) throws RunRefused {
        String name = command.getFirst();
        Optional<Path> program = CommandResolver.resolve(name, System.getenv().getOrDefault("PATH", "/usr/local/bin:/usr/bin:/bin"));
        if (program.isEmpty()) {
            boolean exists = name.contains("/") && java.nio.file.Files.exists(Path.of(name));
            throw new RunRefused(exists ? NOT_EXECUTABLE : NOT_FOUND, exists ? name + ": not an executable file"
                    : name + ": command not found (searched PATH=" + System.getenv().getOrDefault("PATH", "") + ")");
        }
        return program.get();
    }

    private PlacementRequest request() throws RunRefused {
        NumaPolicy policy = switch (numa.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "strict" -> NumaPolicy.STRICT;
            case "preferred" -> NumaPolicy.PREFERRED;
            case "interleave" -> NumaPolicy.INTERLEAVE;
            default -> throw new RunRefused(NOT_RUN, "--numa '" + numa + "': expected strict, preferred or interleave");
        };
        if (gpus != null && !gpuIds.isEmpty()) {
            throw new RunRefused(NOT_RUN, "--gpus and --gpu-ids both given: ask for a number of GPUs or for specific ones");
        }
        if (thp && hugepages != null) {
            throw new RunRefused(NOT_RUN, "--thp and --hugepages both given: malloc uses one or the other");
        }
        return new PlacementRequest(gpus == null ? 0 : gpus, gpuIds, optional(cpusPerGpu), optional(cpus),
                memory == null ? OptionalLong.empty() : OptionalLong.of(size("--memory", memory)), isolate,
                hugepages == null ? 0 : hugepages, size("--hugepage-size", hugepageSize) / 1024, rdma, policy);
    }

    private static LaunchPlanner.Plan plan(LaunchPlanner planner, RunRequest request) throws RunRefused {
        try {
            return planner.plan(RunIds.next(Clock.systemUTC()), request);
        } catch (PlacementException e) {
            throw new RunRefused(NOT_RUN, e.getMessage() + e.alternative().map(a -> "; nearest that fits: " + a).orElse(""));
        }
    }

    /** The request as the options give it, checked; the command resolved to {@code program}. */
    private RunRequest runRequest(Path program, HostSnapshot host) throws RunRefused {
        if (realtime != null && (realtime < 1 || realtime > 98)) {
            throw new RunRefused(NOT_RUN, "--rt " + realtime + ": expected a priority from 1 to 98");
        }
        if (thp && host.kernel().memory().thpEnabled().map(choice -> choice.selected().equals("never")).orElse(false)) {
            throw new RunRefused(NOT_RUN, "--thp: transparent hugepages are 'never' on this host (/sys/kernel/mm/transparent_hugepage/enabled);"
                    + " a tuning profile with memory.thp: madvise turns them on (asios tune apply --profile training)");
        }
        checkWeight("--cpu-weight", cpuWeight);
        checkWeight("--io-weight", ioWeight);
        if (pidsMax != null && pidsMax < 1) {
            throw new RunRefused(NOT_RUN, "--pids-max " + pidsMax + ": expected at least 1");
        }
        RestartPolicy policy = RestartPolicy.fromWireName(restart)
                .orElseThrow(() -> new RunRefused(NOT_RUN, "--restart '" + restart + "': expected " + RestartPolicy.names()));
        if (checkpointCommand != null && (policy == RestartPolicy.NO || checkpointCommand.isBlank())) {
            throw new RunRefused(NOT_RUN, checkpointCommand.isBlank() ? "--checkpoint-command is empty: give the shell command line a restart runs"
                    : "--checkpoint-command needs --restart on-failure: only a restarted run runs it");
        }
        List<String> argv = new ArrayList<>(command);
        argv.set(0, program.toString());
        return new RunRequest(argv, System.getenv(), Path.of("").toAbsolutePath().toString(), request(), hugepageMode(), optional(cpuWeight),
                optional(ioWeight), optional(pidsMax), optional(realtime), mlock, policy, Optional.ofNullable(checkpointCommand));
    }

    private HugepageMode hugepageMode() {
        return thp ? HugepageMode.THP : hugepages != null ? HugepageMode.HUGETLB : HugepageMode.NONE;
    }

    private static void checkWeight(String option, Integer weight) throws RunRefused {
        if (weight != null && (weight < 1 || weight > 10_000)) {
            throw new RunRefused(NOT_RUN, option + " " + weight + ": expected a weight from 1 to 10000");
        }
    }

    private static long size(String option, String text) throws RunRefused {
        try {
            return ByteSize.parse(option, text);
        } catch (IllegalArgumentException e) {
            throw new RunRefused(NOT_RUN, e.getMessage());
        }
    }

    private static OptionalInt optional(Integer value) {
        return value == null ? OptionalInt.empty() : OptionalInt.of(value);
    }

    /** A run refused before its command ran, with the exit code to return. */
    private static final class RunRefused extends Exception {

        private static final long serialVersionUID = 1L;

        private final int exitCode;

        RunRefused(int exitCode, String message) {
            super(message);
            this.exitCode = exitCode;
        }
    }
}
