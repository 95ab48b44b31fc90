package dev.asios.agent.health;

import dev.asios.agent.api.HostModel;
import dev.asios.agent.runs.RestartCandidates;
import dev.asios.agent.store.SampleStore;
import dev.asios.agent.store.StateBlobs;
import dev.asios.health.adapt.AdaptiveTuning;
import dev.asios.health.anomaly.AnomalyWatch;
import dev.asios.health.anomaly.WatchSettings;
import dev.asios.health.anomaly.trace.SignalTraceWriter;
import dev.asios.health.audit.AuditEvent;
import dev.asios.health.audit.AuditEventType;
import dev.asios.health.audit.AuditLog;
import dev.asios.health.audit.AuditLogCheck;
import dev.asios.health.audit.AuditLogSettings;
import dev.asios.health.audit.AuditValue;
import dev.asios.health.audit.HealEvents;
import dev.asios.health.forecast.ForecastWatch;
import dev.asios.health.forecast.HeldBackAccuracy;
import dev.asios.health.heal.Healer;
import dev.asios.health.heal.IsolatedTasks;
import dev.asios.health.heal.Remediations;
import dev.asios.health.heal.neighbour.CgroupNeighbourScan;
import dev.asios.health.heal.neighbour.Neighbours;
import dev.asios.health.policy.HealGate;
import dev.asios.health.policy.HealPolicy;
import dev.asios.health.policy.RemediationKind;
import dev.asios.health.policy.RemediationParameters.Restart;
import dev.asios.health.rules.ForeignTasks;
import dev.asios.health.rules.IsolatedCpus;
import dev.asios.health.rules.KnownCauseRules;
import dev.asios.health.rules.KnownCauseSettings;
import dev.asios.health.rules.RuleEngine;
import dev.asios.health.rules.RuleFinding;
import dev.asios.health.rules.RuleReport;
import dev.asios.health.rules.TaskScanner;
import dev.asios.health.rules.TrackedRunTasks;
import dev.asios.health.rules.TuningDriftRule;
import dev.asios.health.signal.GroupObservation;
import dev.asios.health.signal.SignalExtractor;
import dev.asios.health.signal.SignalRound;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.observe.metric.MetricRegistry;
import dev.asios.observe.runs.TrackedRuns;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongConsumer;

/**
 * The agent's health loop. As a round listener of the collector loop it turns the round's metrics
 * into signals on the loop's thread (cheap, and the metrics are consistent there), then hands them
 * to its own thread, which feeds every signal group to its learned detector (Random Cut Forest,
 * state kept in {@code health.db}), feeds the exhaustion forecasts ({@link ForecastTargets}), checks the known-cause rules (some read host files), records
 * findings that start or clear, and lets the {@link Healer} act, and the adaptive tuning try its changes, under the heal policy. When that thread
 * falls behind, the older waiting round is dropped and counted. Every finding and action is an
 * event in the audit log ({@code audit/events.jsonl} in the state folder). Thread-safe.
 */
public final class HealthMonitor implements LongConsumer, AutoCloseable {

    /** The audit log's folder in the state folder. */
    public static final String AUDIT_DIR = "audit";

    private final SignalExtractor extractor;
    private final AnomalyWatch anomalies;
    private final ForecastTargets forecasts;
    private final RuleEngine engine;
    private final Healer healer;
    private final AdaptiveTuning adaptive;
    private final AuditLog audit;
    private final HealPolicy policy;
    private final HealGate gate;
    private final ThreadPoolExecutor worker;
    private final AtomicLong roundsDropped = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private volatile String lastFailure = "";
    private SignalTraceWriter traces;

    private HealthMonitor(SignalExtractor extractor, AnomalyWatch anomalies, ForecastTargets forecasts, RuleEngine engine, Healer healer,
            AdaptiveTuning adaptive, AuditLog audit, HealGate gate) {
        this.extractor = extractor;
        this.anomalies = anomalies;
        this.forecasts = forecasts;
        this.engine = engine;
        this.healer = healer;
        this.adaptive = adaptive;
        this.audit = audit;
        this.policy = gate.policy();
        this.gate = gate;
        this.worker = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1),
                task -> Thread.ofPlatform().name("asios-health").daemon().unstarted(task), (task, pool) -> {
                    pool.getQueue().poll();
                    roundsDropped.incrementAndGet();
                    pool.getQueue().offer(task);
                });
    }

    /**
     * Loads the policy, opens the audit log, puts the profile in force, and builds the rules and
     * the healer; what it did at start is added to {@code notes}.
     *
     * @throws dev.asios.health.audit.AuditException if the audit log cannot be opened
     * @throws dev.asios.tune.profile.ProfileException if the profile is unknown or bad
     */
    public static HealthMonitor start(Sysroot sysroot, Path journalDir, Path stateDir, MetricRegistry registry, TrackedRuns runs, HostModel host,
            SampleStore store, StateBlobs blobs, HealthOptions options, String version, List<String> notes) {
        HealPolicy policy = options.policy();
        AuditLog audit = AuditLog.open(stateDir.resolve(AUDIT_DIR), AuditLogSettings.STANDARD, InstantSource.system());
        try {
            AuditLogCheck check = audit.openCheck();
            if (check.damaged()) {
                notes.add("audit log " + audit.dir() + " was damaged: " + check.newBreaks().size() + " break(s), " + check.tornLine().orElse("no torn line"));
            }
            audit.append(AuditEvent.builder(AuditEvent.HEAL, AuditEventType.AGENT_STARTED, "agent", "asios up started")
                    .after(AuditValue.of(Map.of("version", version, "state", stateDir.toString(), "journal", journalDir.toString()))));
            audit.append(HealEvents.policyLoaded(policy, AuditEvent.OPERATOR, "asios up"));
            notes.add("heal: " + policy.mode().wireName() + " (policy " + policy.source() + "), audit log " + audit.dir());
            options.profile().ifPresent(name -> notes.add(ProfileKeeper.ensure(name, options.profilesDir(), sysroot, journalDir, host.current().host())));
            IsolatedCpus isolated = host.current().host().kernel().cgroups().map(cgroups -> IsolatedCpus.forHost(sysroot, cgroups))
                    .orElseGet(() -> IsolatedCpus.of(sysroot, List.of()));
            TrackedRunTasks runTasks = new TrackedRunTasks(sysroot, runs);
            RuleEngine engine = new RuleEngine(KnownCauseRules.standard(KnownCauseSettings.DEFAULTS, new KnownCauseRules.Inputs(sysroot, registry, isolated,
                    runTasks, TuningDriftRule.fromJournal(sysroot, journalDir), new RestartCandidates(stateDir),
                    (Restart) policy.rule(RemediationKind.RESTART_CRASHED_RUN).parameters())));
            Neighbours neighbours = host.current().host().kernel().cgroups().<Neighbours>map(cgroups -> CgroupNeighbourScan.onHost(sysroot, cgroups, runs))
                    .orElse(Neighbours.NONE);
            Healer.HostView view = new Healer.HostView(isolated, () -> host.current().host().cpu().onlineCpus(),
                    new GpuAddresses(() -> host.current().host(), registry), neighbours);
            HealGate gate = new HealGate(policy);
            Healer healer = new Healer(gate, new Remediations(sysroot, journalDir, stateDir, Clock.systemUTC(),
                    new IsolatedTasks(new ForeignTasks(new TaskScanner(sysroot), runTasks), isolated.cpusetFolders())), audit, view, options.retryAfter());
            AdaptiveTuning adaptive = new AdaptiveTuning(gate, audit, sysroot, journalDir, Clock.systemUTC(), runs);
            AnomalyWatch anomalies = new AnomalyWatch(WatchSettings.defaults(), new DetectorStates(blobs), new AnomalyEvents(audit));
            HealthMonitor monitor = new HealthMonitor(new SignalExtractor(registry), anomalies, new ForecastTargets(registry, store), engine, healer, adaptive,
                    audit, gate);
            if (options.recordSignals().isPresent()) {
                monitor.traces = traceWriter(options.recordSignals().get());
                notes.add("recording signal traces in " + options.recordSignals().get() + " (label file: "
                        + options.recordSignals().get().resolve(SignalTraceWriter.LABEL_FILE) + ")");
            }
            return monitor;
        } catch (RuntimeException e) {
            audit.close();
            throw e;
        }
    }

    private static SignalTraceWriter traceWriter(Path dir) {
        try {
            return new SignalTraceWriter(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record signal traces in " + dir + ": " + e.getMessage(), e);
        }
    }

    /** After a collection round: extracts the signals here, and checks and heals on the health thread. */
    @Override
    public void accept(long epochMs) {
        SignalRound round = extractor.extract(epochMs);
        worker.execute(() -> check(round));
    }

    private void check(SignalRound round) {
        try {
            for (GroupObservation observed : round.observations()) {
                anomalies.observe(observed.group(), observed.observation());
            }
            forecasts.observe(round.epochMs());
            if (traces != null) {
                traces.write(round);
            }
            RuleReport report = engine.evaluate(round);
            List<AuditEvent.Builder> events = new ArrayList<>();
            report.started().forEach(f -> events.add(finding(f, "started")));
            report.cleared().forEach(f -> events.add(finding(f, "cleared")));
            report.failures().forEach(f -> lastFailure = "rule " + f.ruleId() + ": " + f.message());
            if (!events.isEmpty()) {
                audit.appendAll(events);
            }
            healer.onRound(report);
            adaptive.onRound(round);
        } catch (RuntimeException e) {
            failures.incrementAndGet();
            lastFailure = e.getMessage() == null ? e.toString() : e.getMessage();
        }
    }

    private static AuditEvent.Builder finding(RuleFinding finding, String state) {
        return AuditEvent.builder(AuditEvent.HEAL, AuditEventType.FINDING, finding.subject(), finding.evidence())
                .after(AuditValue.of(Map.of("rule", finding.ruleId(), "state", state, "severity", finding.severity().name().toLowerCase(java.util.Locale.ROOT),
                        "finding", finding.id())))
                .outcome(finding.ruleId() + " " + state);
    }

    /** The known-cause findings active now. */
    public List<RuleFinding> findings() {
        return engine.active();
    }

    /** The learned detectors, their anomalies and their state. */
    public AnomalyWatch anomalies() {
        return anomalies;
    }

    /** The exhaustion forecasts: node, run and GPU memory, hugepage pools, file systems, GPU temperature. */
    public ForecastWatch forecasts() {
        return forecasts.watch();
    }

    /** How well a forecast target did on its held-back recorded history; empty before its first check. */
    public Optional<HeldBackAccuracy> forecastAccuracy(String targetId) {
        return forecasts.accuracy(targetId);
    }

    /** Forecast targets still being built from their history, and why the latest failed (empty if none). */
    public String forecastState() {
        String failure = forecasts.lastStartFailure();
        return forecasts.starting() + " target(s) learning from history" + (failure.isEmpty() ? "" : "; latest failure: " + failure);
    }

    /** The heal policy in force. */
    public HealPolicy policy() {
        return policy;
    }

    /** The gate every remediation is decided at, so that other parts of the agent share its limits. */
    public HealGate gate() {
        return gate;
    }

    /** The audit log. */
    public AuditLog audit() {
        return audit;
    }

    /** Rounds dropped because the health thread was still busy with an older one. */
    public long roundsDropped() {
        return roundsDropped.get();
    }

    /** Rounds whose check failed, and the latest failure (of a round or a rule); empty when none. */
    public String lastFailure() {
        return lastFailure;
    }

    /** Checks that failed as a whole. */
    public long failures() {
        return failures.get();
    }

    private void closeTraces() {
        if (traces != null) {
            try {
                traces.close();
            } catch (IOException e) {
                lastFailure = "closing the signal traces: " + e.getMessage();
            }
        }
    }

    /** Finishes the round in hand, saves the detectors, records the stop, and closes the audit log. */
    @Override
    public void close() {
        worker.shutdown();
        try {
            worker.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        forecasts.close();
        try {
            closeTraces();
            adaptive.close();
            anomalies.close();
            audit.append(AuditEvent.builder(AuditEvent.HEAL, AuditEventType.AGENT_STOPPED, "agent", "asios up stopped"));
        } finally {
            audit.close();
        }
    }
}
