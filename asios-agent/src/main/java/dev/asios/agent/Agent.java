package dev.asios.agent;

import dev.asios.agent.api.ApiContext;
import dev.asios.agent.api.ApiRoutes;
import dev.asios.agent.api.HostModel;
import dev.asios.agent.dashboard.DashboardRoutes;
import dev.asios.agent.health.HealthMonitor;
import dev.asios.agent.health.HealthRoutes;
import dev.asios.agent.http.HttpApiServer;
import dev.asios.agent.runs.RunStoreTrackedRuns;
import dev.asios.agent.self.AgentProcessCollector;
import dev.asios.agent.store.SampleStore;
import dev.asios.agent.store.StateBlobs;
import dev.asios.agent.store.StoreException;
import dev.asios.agent.store.StoreSettings;
import dev.asios.health.heal.FailingProbeBackoff;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.observe.cgroup.RunCgroupCollector;
import dev.asios.observe.collect.Collector;
import dev.asios.observe.collect.CollectorLoop;
import dev.asios.observe.collect.CollectorStatus;
import dev.asios.observe.cpu.CpuCollector;
import dev.asios.observe.disk.DiskCollector;
import dev.asios.observe.ebpf.BpftraceAvailability;
import dev.asios.observe.ebpf.EbpfProbes;
import dev.asios.observe.ebpf.ProbeStatus;
import dev.asios.observe.fs.FilesystemCollector;
import dev.asios.observe.gpu.GpuCollector;
import dev.asios.observe.memory.MemoryCollector;
import dev.asios.observe.metric.MetricRegistry;
import dev.asios.observe.net.NetworkCollector;
import dev.asios.observe.pressure.PressureCollector;
import dev.asios.observe.restart.RestartPermit;
import dev.asios.observe.runs.TrackedRuns;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/**
 * The running node agent: the collector loop, the HTTP server with {@code /metrics}, the API and
 * the dashboard. {@link #start} brings everything up or, if any part fails, closes what it
 * started and throws; {@link #close} stops everything, trying every part and reporting once.
 */
public final class Agent implements AutoCloseable {

    private final List<AutoCloseable> parts = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final MetricRegistry registry;
    private final CollectorLoop loop;
    private final HttpApiServer server;
    private EbpfProbes probes;

    private Agent(MetricRegistry registry, CollectorLoop loop, HttpApiServer server) {
        this.registry = registry;
        this.loop = loop;
        this.server = server;
    }

    /**
     * Starts an agent.
     *
     * @throws AgentException if the port is taken or another part cannot start; nothing is left running
     */
    public static Agent start(AgentSettings settings, String version) throws AgentException {
        SampleStore store;
        try {
            store = SampleStore.open(settings.stateDir(), StoreSettings.DEFAULTS);
        } catch (StoreException e) {
            throw new AgentException(e.getMessage(), e);
        }
        MetricRegistry registry = new MetricRegistry();
        TrackedRuns trackedRuns = new RunStoreTrackedRuns(settings.stateDir(), Duration.ofSeconds(5).toNanos(), System::nanoTime);
        StoreRecorder recorder = new StoreRecorder(store, registry);
        GpuCollector gpu = GpuCollector.open(registry);
        FilesystemCollector filesystems = new FilesystemCollector(settings.sysroot(), registry);
        List<Collector> collectors = List.of(
                new AgentProcessCollector(Sysroot.host(), registry, 4096),
                new CpuCollector(settings.sysroot(), registry),
                new MemoryCollector(settings.sysroot(), registry),
                new PressureCollector(settings.sysroot(), registry),
                new DiskCollector(settings.sysroot(), registry),
                new NetworkCollector(settings.sysroot(), registry),
                filesystems,
                new RunCgroupCollector(settings.sysroot(), registry, trackedRuns),
                gpu,
                recorder);
        CollectorLoop loop = new CollectorLoop(collectors, settings.interval(), registry, FailingProbeBackoff.backoff(settings.health().policy()),
                CollectorLoop.FAILURES_BEFORE_BACKOFF);
        loop.onRound(recorder);
        HttpApiServer server = new HttpApiServer();
        Agent agent = new Agent(registry, loop, server);
        agent.parts.add(store);
        agent.parts.add(recorder);
        agent.parts.add(gpu);
        agent.parts.add(filesystems);
        try {
            HostModel host = new HostModel(settings.sysroot(), Duration.ofMinutes(1));
            HealthMonitor health = agent.startHealth(settings, trackedRuns, host, store, version);
            FailingProbeBackoff restarts = new FailingProbeBackoff(health.gate(), health.audit(), InstantSource.system());
            agent.parts.add(restarts);
            loop.restartPermit(restarts);
            if (settings.ebpf()) {
                agent.startProbes(settings, trackedRuns, restarts);
            }
            ApiContext context = new ApiContext(version, Instant.now(), settings.interval(), registry, loop::status, loop::lastRoundMs, agent::probes,
                    host, settings.sysroot(), settings.journalDir(), settings.stateDir(), store);
            new ApiRoutes(context).install(server);
            new HealthRoutes(health).install(server);
            new DashboardRoutes().install(server);
            agent.parts.add(loop);
            loop.start();
            agent.parts.add(server);
            server.start(new InetSocketAddress(settings.listen(), settings.port()));
            return agent;
        } catch (IOException | RuntimeException e) {
            agent.close();
            throw new AgentException(e.getMessage(), e);
        }
    }

    private HealthMonitor startHealth(AgentSettings settings, TrackedRuns trackedRuns, HostModel host, SampleStore store, String version) {
        StateBlobs blobs = StateBlobs.open(settings.stateDir());
        parts.add(blobs);
        HealthMonitor health = HealthMonitor.start(settings.sysroot(), settings.journalDir(), settings.stateDir(), registry, trackedRuns, host, store,
                blobs, settings.health(), version, notes);
        parts.add(health);
        loop.onRound(health);
        return health;
    }

    // The probes wait between restarts as the heal policy says, and ask it before each restart.
    private void startProbes(AgentSettings settings, TrackedRuns trackedRuns, RestartPermit permit) {
        TracefsMount tracefs = TracefsMount.ensure(settings.sysroot(), BpftraceAvailability.privileges(settings.sysroot()).available());
        parts.add(tracefs);
        if (!tracefs.outcome().isEmpty()) {
            notes.add(tracefs.outcome());
        }
        EbpfProbes.Options defaults = EbpfProbes.Options.DEFAULTS;
        EbpfProbes.Options options = new EbpfProbes.Options(defaults.bpftrace(), defaults.topProcesses(), defaults.cuda(), defaults.libraryFolders(),
                FailingProbeBackoff.backoff(settings.health().policy()));
        probes = EbpfProbes.forHost(settings.sysroot(), registry, trackedRuns, options, permit);
        parts.add(probes);
        probes.start();
    }

    /** The eBPF probes' status; empty when they are off. */
    public List<ProbeStatus> probes() {
        return probes == null ? List.of() : probes.status();
    }

    /** What the agent did to the host at start (such as mounting tracefs), one line each. */
    public List<String> notes() {
        return List.copyOf(notes);
    }

    /** Where the HTTP server listens. */
    public InetSocketAddress address() {
        return server.address();
    }

    /** The live metrics. */
    public MetricRegistry registry() {
        return registry;
    }

    /** The collectors' status. */
    public List<CollectorStatus> collectors() {
        return loop.status();
    }

    /** Stops the HTTP server, then the collectors; every part is tried. */
    @Override
    public void close() {
        List<String> failures = new ArrayList<>();
        for (int i = parts.size() - 1; i >= 0; i--) {
            try {
                parts.get(i).close();
            } catch (Exception e) {
                failures.add(e.getMessage());
            }
        }
        parts.clear();
        if (!failures.isEmpty()) {
            throw new IllegalStateException("stopping the agent: " + String.join("; ", failures));
        }
    }
}
