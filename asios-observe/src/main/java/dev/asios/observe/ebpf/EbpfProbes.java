package dev.asios.observe.ebpf;

import dev.asios.observe.tool.BoundedTool;
import dev.asios.host.parse.ParseException;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.observe.collect.Availability;
import dev.asios.observe.metric.MetricRegistry;
import dev.asios.observe.restart.Backoff;
import dev.asios.observe.restart.RestartPermit;
import dev.asios.observe.runs.TrackedRuns;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * The agent's eBPF probes, each one supervised bpftrace process:
 *
 * <ul>
 *   <li>{@code kernel}: run-queue latency, block I/O latency, page faults and CPU migrations
 *       ({@link KernelParts}) in one script, since every bpftrace process costs about 100 MB of
 *       memory for its compiler; a part whose tracepoint the host lacks is left out before the
 *       start, so it cannot fail the others;</li>
 *   <li>{@code cuda}: uprobes on the CUDA and NCCL libraries found on the host, in a process of
 *       its own, since attaching to user libraries that come and go with driver updates fails
 *       more often than tracepoints do.</li>
 * </ul>
 *
 * What the host lacks (bpftrace, root, tracefs, a library) is said in the status of the probe it
 * stops, never thrown. The agent calls {@link #close()} from its shutdown hook. Thread-safe.
 */
public final class EbpfProbes implements AutoCloseable {

    private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(20);

    private final List<ProbeSupervisor> supervisors;
    private final List<ProbeStatus> unavailable;

    /**
     * Settings of the probes.
     *
     * @param bpftrace the bpftrace executable, or empty to search {@code PATH}
     * @param topProcesses how many processes per-process counters expose, 1 to 1000
     * @param cuda whether to probe CUDA and NCCL libraries when the host has them
     * @param libraryFolders more folders with CUDA or NCCL libraries, absolute host paths
     * @param backoff how long to wait before restarting a stopped bpftrace
     */
    public record Options(Optional<Path> bpftrace, int topProcesses, boolean cuda, List<String> libraryFolders, Backoff.Settings backoff) {

        /** The agent's defaults: bpftrace from PATH, top 20 processes, CUDA on, 1 s to 60 s backoff. */
        public static final Options DEFAULTS = new Options(Optional.empty(), 20, true, List.of(), Backoff.STANDARD);

        /**
         * Checks the settings.
         *
         * @throws IllegalArgumentException if {@code topProcesses} is outside 1..1000 or a library
         *     folder is not absolute
         */
        public Options {
            if (topProcesses < 1 || topProcesses > 1000) {
                throw new IllegalArgumentException("eBPF top processes must be within 1..1000, was " + topProcesses);
            }
            for (String folder : libraryFolders) {
                if (!folder.startsWith("/")) {
                    throw new IllegalArgumentException("eBPF library folder must be an absolute path, was '" + folder + "'");
                }
            }
            libraryFolders = List.copyOf(libraryFolders);
        }
    }

    private EbpfProbes(List<ProbeSupervisor> supervisors, List<ProbeStatus> unavailable) {
        this.supervisors = List.copyOf(supervisors);
        this.unavailable = List.copyOf(unavailable);
    }

    /** The probes this host can run, restarted whenever they stop, after their backoff ({@link RestartPermit#ALWAYS}). */
    public static EbpfProbes forHost(Sysroot sysroot, MetricRegistry registry, TrackedRuns runs, Options options) {
        return forHost(sysroot, registry, runs, options, RestartPermit.ALWAYS);
    }

    /**
     * The probes this host can run, not started yet; the others are reported unavailable with
     * their reason. Registers every probe's families in {@code registry}. Each probe asks
     * {@code permit} before it restarts its stopped bpftrace.
     */
    public static EbpfProbes forHost(Sysroot sysroot, MetricRegistry registry, TrackedRuns runs, Options options, RestartPermit permit) {
        List<String> names = options.cuda() ? List.of("kernel", "cuda") : List.of("kernel");
        if (options.bpftrace().isPresent() && !Files.isExecutable(options.bpftrace().get())) {
            return allUnavailable(names, "the configured bpftrace " + options.bpftrace().get() + " is not an executable file", registry);
        }
        Optional<Path> bpftrace = options.bpftrace().or(() -> BpftraceAvailability.findBpftrace(Optional.ofNullable(System.getenv("PATH")).orElse("")));
        if (bpftrace.isEmpty()) {
            return allUnavailable(names, "bpftrace is not installed: install the bpftrace package", registry);
        }
        Availability privileges = BpftraceAvailability.privileges(sysroot);
        if (!privileges.available()) {
            return allUnavailable(names, privileges.reason(), registry);
        }
        Optional<String> versionText = BoundedTool.output(List.of(bpftrace.get().toString(), "--version"), TOOL_TIMEOUT);
        BpftraceVersion version;
        try {
            version = BpftraceVersion.parse(versionText.orElseThrow(() -> new ParseException("'" + bpftrace.get() + " --version' failed")));
        } catch (ParseException e) {
            return allUnavailable(names, e.getMessage(), registry);
        }
        Builder builder = new Builder(sysroot, registry, bpftrace.get(), new ScriptDialect(version), options.backoff(), permit);
        builder.probe("kernel", KernelParts.all(sysroot, registry, runs, options.topProcesses()));
        if (options.cuda()) {
            String cache = BoundedTool.output(List.of(ldconfig(), "-p"), TOOL_TIMEOUT).orElse("");
            CudaLibraries libraries = CudaLibraries.find(sysroot, cache, System.getProperty("os.arch"), options.libraryFolders());
            if (libraries.isEmpty()) {
                builder.unavailable("cuda", "no CUDA or NCCL library (libcuda.so.1, libcudart.so*, libnccl.so.2) in the linker cache or in "
                        + String.join(", ", CudaLibraries.STANDARD_FOLDERS), Map.of());
            } else {
                builder.probe("cuda", List.of(new CudaPart(libraries, sysroot, registry, options.topProcesses())));
            }
        }
        return new EbpfProbes(builder.supervisors, builder.unavailable);
    }

    /** Starts every available probe; returns at once. */
    public void start() {
        supervisors.forEach(ProbeSupervisor::start);
    }

    /** The status of every probe, available or not. */
    public List<ProbeStatus> status() {
        List<ProbeStatus> all = new ArrayList<>();
        supervisors.forEach(supervisor -> all.add(supervisor.status()));
        all.addAll(unavailable);
        return all;
    }

    /** Stops every probe's bpftrace and waits for it; idempotent. */
    @Override
    public void close() {
        supervisors.parallelStream().forEach(ProbeSupervisor::close);
    }

    private static String ldconfig() {
        for (String path : List.of("/sbin/ldconfig", "/usr/sbin/ldconfig", "/usr/bin/ldconfig")) {
            if (Files.isExecutable(Path.of(path))) {
                return path;
            }
        }
        return "ldconfig";
    }

    private static EbpfProbes allUnavailable(List<String> names, String reason, MetricRegistry registry) {
        return new EbpfProbes(List.of(), names.stream().map(name -> unavailableStatus(name, reason, Map.of(), registry)).toList());
    }

    // Registers the probe's health series too, so that a scrape shows asios_ebpf_probe_up 0 for it.
    private static ProbeStatus unavailableStatus(String name, String reason, Map<String, String> missing, MetricRegistry registry) {
        new ProbeMetrics(registry, name).up(false);
        return new ProbeStatus(name, ProbeState.UNAVAILABLE, reason, 0, 0, OptionalLong.empty(), List.of(), missing);
    }

    // Splits each probe's parts by what the host has, and makes a supervisor of those it can run.
    private static final class Builder {
        private final Sysroot sysroot;
        private final MetricRegistry registry;
        private final Path bpftrace;
        private final ScriptDialect dialect;
        private final Backoff.Settings backoff;
        private final RestartPermit permit;
        private final List<ProbeSupervisor> supervisors = new ArrayList<>();
        private final List<ProbeStatus> unavailable = new ArrayList<>();

        Builder(Sysroot sysroot, MetricRegistry registry, Path bpftrace, ScriptDialect dialect, Backoff.Settings backoff, RestartPermit permit) {
            this.sysroot = sysroot;
            this.registry = registry;
            this.bpftrace = bpftrace;
            this.dialect = dialect;
            this.backoff = backoff;
            this.permit = permit;
        }

        void probe(String name, List<ProbePart> parts) {
            List<ProbePart> runnable = new ArrayList<>();
            Map<String, String> missing = new LinkedHashMap<>();
            for (ProbePart part : parts) {
                Optional<String> lack = part.requirements().stream().map(r -> r.check(sysroot)).filter(a -> !a.available()).map(Availability::reason)
                        .findFirst();
                lack.ifPresentOrElse(reason -> missing.put(part.name(), reason), () -> runnable.add(part));
            }
            if (runnable.isEmpty()) {
                unavailable(name, String.join("; ", missing.values().stream().distinct().toList()), missing);
            } else {
                supervisors.add(new ProbeSupervisor(name, runnable, missing, bpftrace, dialect, backoff, permit, registry));
            }
        }

        void unavailable(String name, String reason, Map<String, String> missing) {
            unavailable.add(unavailableStatus(name, reason, missing, registry));
        }
    }
}
