package dev.asios.agent.dashboard;

import dev.asios.agent.api.ApiContext;
import dev.asios.agent.api.ApiRoutes;
import dev.asios.agent.api.HostModel;
import dev.asios.agent.health.HealthMonitor;
import dev.asios.agent.health.HealthOptions;
import dev.asios.agent.health.HealthRoutes;
import dev.asios.agent.http.HttpApiServer;
import dev.asios.agent.store.SampleStore;
import dev.asios.agent.store.StateBlobs;
import dev.asios.agent.store.StoreSettings;
import dev.asios.host.inspect.ConformanceDumps;
import dev.asios.host.sysroot.SysfsTree;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.observe.collect.Availability;
import dev.asios.observe.collect.CollectorStatus;
import dev.asios.observe.metric.MetricRegistry;
import dev.asios.run.store.RunRecord;
import dev.asios.run.store.RunState;
import dev.asios.run.store.RunStore;
import dev.asios.tune.journal.Journal;
import dev.asios.tune.plan.Operation;
import dev.asios.tune.plan.ValueFormat;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * An agent for the dashboard's tests, on loopback: the API and dashboard routes over
 * {@link SyntheticMetrics} advanced (and recorded in its store) every 200 ms on a background thread, a recorded host for the
 * inventory and findings, an applied profile with one drifted setting, two recorded runs, and a
 * GPU collector that is unavailable. {@link #stopServer} and {@link #restartServer} take the HTTP
 * server away and bring it back on the same port. Run {@link #main} to look at it in a browser.
 */
final class SyntheticAgent implements AutoCloseable {

    static final String DUMP = "2pa-pcidomain32bits";
    static final Duration INTERVAL = Duration.ofMillis(200);
    static final String GPU_REASON = "no GPU found: no NVIDIA, AMD or Intel GPU on the PCI bus";

    private final ScheduledExecutorService feeder = Executors.newSingleThreadScheduledExecutor();
    private final ApiContext context;
    private final HealthMonitor health;
    private final StateBlobs blobs;
    private HttpApiServer server;
    private int port;

    private SyntheticAgent(ApiContext context, HealthMonitor health, StateBlobs blobs) {
        this.context = context;
        this.health = health;
        this.blobs = blobs;
    }

    /** Starts on loopback at {@code port} (0 for any), keeping its journal, runs and host files in {@code state}. */
    static SyntheticAgent start(Path state, int port) throws IOException {
        MetricRegistry registry = new MetricRegistry();
        SyntheticMetrics metrics = new SyntheticMetrics(registry);
        Sysroot recorded = Sysroot.of(ConformanceDumps.sysroot(DUMP));
        List<CollectorStatus> collectors = List.of(
                new CollectorStatus("cpu", Availability.AVAILABLE, 10, 0, Optional.empty(), Optional.empty(), 200_000, false, 0, Optional.empty(), ""),
                new CollectorStatus("gpu", Availability.unavailable(GPU_REASON), 0, 0, Optional.empty(), Optional.empty(), 0, false, 0, Optional.empty(), ""));
        ApiContext context = new ApiContext("test", Instant.now(), INTERVAL, registry, () -> collectors, metrics::advancedAtMs, List::of,
                new HostModel(recorded, Duration.ofMinutes(1)), tunedHost(state.resolve("host")), state.resolve("tune"), state,
                SampleStore.open(state.resolve("samples"), StoreSettings.DEFAULTS));
        journal(state.resolve("tune"));
        runs(state);
        StateBlobs blobs = StateBlobs.open(state);
        HealthMonitor health = HealthMonitor.start(context.sysroot(), context.journalDir(), state, registry, List::of, context.host(), context.store(), blobs,
                HealthOptions.DEFAULTS, "test", new java.util.ArrayList<>());
        SyntheticAgent agent = new SyntheticAgent(context, health, blobs);
        agent.port = port;
        agent.restartServer();
        agent.feeder.scheduleAtFixedRate(() -> {
            metrics.advance(INTERVAL.toMillis() / 1000.0);
            context.store().record(metrics.advancedAtMs(), registry);
            health.accept(metrics.advancedAtMs());
        }, INTERVAL.toMillis(), INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
        return agent;
    }

    // The files the tuning journal names: numa_balancing holds the applied 0; THP drifted back to always.
    private static Sysroot tunedHost(Path root) {
        return new SysfsTree(root)
                .file("/proc/sys/kernel/numa_balancing", "0\n")
                .file("/sys/kernel/mm/transparent_hugepage/enabled", "[always] madvise never\n")
                .sysroot();
    }

    private static void journal(Path dir) {
        try (Journal journal = Journal.open(dir, Clock.systemUTC())) {
            journal.begin("inference");
            journal.original(Operation.WRITE, "/proc/sys/kernel/numa_balancing", ValueFormat.PLAIN, "1");
            journal.applied(Operation.WRITE, "/proc/sys/kernel/numa_balancing", ValueFormat.PLAIN, "0", null);
            journal.original(Operation.WRITE, "/sys/kernel/mm/transparent_hugepage/enabled", ValueFormat.BRACKETED, "always");
            journal.applied(Operation.WRITE, "/sys/kernel/mm/transparent_hugepage/enabled", ValueFormat.BRACKETED, "madvise", null);
            journal.end();
        }
    }

    private static void runs(Path state) throws IOException {
        Instant now = Instant.now();
        String placement = "{\"gpus\":[],\"cpus\":\"1\",\"memoryNodes\":\"0\",\"numaPolicy\":\"bind\",\"score\":1.0,\"reasons\":[\"isolated CPU 1\"]}";
        try (RunStore store = RunStore.open(state)) {
            store.insert(new RunRecord("20250101-120000-a1b2", now.minusSeconds(600), Optional.of(now.minusSeconds(480)), RunState.EXITED,
                    List.of("python3", "train.py", "--epochs", "1"), ProcessHandle.current().pid(), List.of(), OptionalInt.of(0), placement, Optional.empty()));
            store.insert(new RunRecord("20250101-121500-c3d4", now.minusSeconds(90), Optional.empty(), RunState.RUNNING,
                    List.of("python3", "serve.py", "--port", "8000"), ProcessHandle.current().pid(), List.of(), OptionalInt.empty(), placement, Optional.empty()));
        }
    }

    /** The dashboard's address. */
    URI uri() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    /** Stops answering: the port is closed, as when the agent goes away. */
    synchronized void stopServer() {
        server.close();
    }

    /** Serves again on the same port. */
    synchronized void restartServer() throws IOException {
        server = new HttpApiServer();
        new ApiRoutes(context).install(server);
        new HealthRoutes(health).install(server);
        new DashboardRoutes().install(server);
        server.start(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        port = server.address().getPort();
    }

    @Override
    public synchronized void close() {
        feeder.shutdownNow();
        server.close();
        health.close();
        blobs.close();
        context.store().close();
    }

    /** Serves the synthetic agent on port 7072 (or the first argument) until stopped. */
    public static void main(String[] args) throws Exception {
        Path state = Files.createTempDirectory("asios-dashboard");
        try (SyntheticAgent agent = start(state, args.length > 0 ? Integer.parseInt(args[0]) : 7072)) {
            System.out.println("dashboard at " + agent.uri() + " (Ctrl-C stops)");
            Thread.currentThread().join();
        }
    }
}
