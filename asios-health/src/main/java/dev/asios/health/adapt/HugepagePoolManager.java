package dev.asios.health.adapt;

import dev.asios.health.audit.AuditEvent;
import dev.asios.health.audit.AuditLog;
import dev.asios.health.audit.AuditValue;
import dev.asios.health.audit.HealEvents;
import dev.asios.health.policy.Decision;
import dev.asios.health.policy.HealGate;
import dev.asios.health.policy.HealMode;
import dev.asios.health.policy.Proposal;
import dev.asios.health.policy.RemediationKind;
import dev.asios.health.policy.RemediationParameters.HugepagePools;
import dev.asios.health.policy.RemediationRule;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.host.sysroot.SysrootValues;
import dev.asios.observe.runs.TrackedRuns;
import dev.asios.tune.apply.Outcome;
import dev.asios.tune.plan.ValueFormat;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Sizes every NUMA node's hugepage pools ({@link NodePool}) to what is held and reserved, plus
 * what the recent rate adds within {@value #LEAD_MS} ms ({@link InUseRate}), plus the policy's
 * headroom ({@link PoolSizing}). Every {@value #CHECK_EVERY_MS} ms it reads the pools; a pool to
 * grow or shrink is proposed as {@code hugepage-pools} on {@code node/N SIZEkB} to the
 * {@link HealGate}, and carried out as a journaled write of {@code nr_hugepages}. The kernel may
 * give fewer pages than asked (memory fragmented): the size is read back and the shortfall
 * reported. A pool whose size another profile set is left alone (the profile's choice wins).
 * Every decision and resize is an audit event with the pool before and after, and the pages each
 * tracked run holds where its cgroup accounts hugetlb.
 *
 * <p>Does nothing while the policy is off or the remediation disabled (the default). Time is the
 * rounds' own. Not thread-safe: the agent calls it from its health thread.
 */
public final class HugepagePoolManager {

    /** How often the pools are read and sized. */
    public static final long CHECK_EVERY_MS = 10_000;
    /** How far ahead the rate's growth is provided for. */
    public static final long LEAD_MS = 600_000;
    /** The window the rate is taken over. */
    public static final long RATE_WINDOW_MS = 300_000;

    private static final RemediationKind KIND = RemediationKind.HUGEPAGE_POOLS;
    private static final String TUNABLE = "adapt.hugepages";

    private final HealGate gate;
    private final AuditLog audit;
    private final Sysroot sysroot;
    private final TrackedRuns runs;
    private final AdaptJournal journal;
    private final Map<String, InUseRate> rates = new HashMap<>();
    private final Map<String, Long> spareSinceMs = new HashMap<>();
    private long lastCheckMs = Long.MIN_VALUE;

    /** Manages the pools of {@code sysroot}, journaling in {@code journalDir}, deciding under {@code gate}, recording in {@code audit}. */
    public HugepagePoolManager(HealGate gate, AuditLog audit, Sysroot sysroot, Path journalDir, Clock clock, TrackedRuns runs) {
        this.gate = gate;
        this.audit = audit;
        this.sysroot = sysroot;
        this.runs = runs;
        this.journal = new AdaptJournal(sysroot, journalDir, clock);
    }

    /** After a round at {@code epochMs}: sizes the pools when a check is due. */
    public void onRound(long epochMs) {
        RemediationRule rule = gate.policy().rule(KIND);
        if (gate.policy().mode() == HealMode.OFF || !rule.enabled() || lastCheckMs != Long.MIN_VALUE && epochMs - lastCheckMs < CHECK_EVERY_MS) {
            return;
        }
        lastCheckMs = epochMs;
        HugepagePools parameters = (HugepagePools) rule.parameters();
        for (NodePool pool : NodePool.read(sysroot)) {
            String subject = pool.subject();
            InUseRate rate = rates.computeIfAbsent(subject, s -> new InUseRate(RATE_WINDOW_MS));
            rate.add(epochMs, pool.floorPages());
            PoolSizing.Plan plan = PoolSizing.plan(pool, rate.extraPages(LEAD_MS), parameters, spareSinceMs.getOrDefault(subject, Long.MIN_VALUE), epochMs);
            if (pool.persistentPages() > plan.wantedPages()) {
                spareSinceMs.putIfAbsent(subject, epochMs);
            } else {
                spareSinceMs.remove(subject);
            }
            if (plan.action() != PoolSizing.Action.HOLD && !journal.setByProfile(pool.sizePath())) {
                propose(pool, plan, epochMs);
            }
        }
    }

    private void propose(NodePool pool, PoolSizing.Plan plan, long nowMs) {
        Decision decision = gate.decide(new Proposal(KIND, pool.subject(), plan.reason()), nowMs);
        Map<String, String> before = before(pool);
        if (!decision.repeated()) {
            audit.append(HealEvents.decided(decision).before(AuditValue.of(before)));
        }
        if (!decision.carryOut()) {
            return;
        }
        String path = pool.sizePath();
        Outcome outcome = journal.write(TUNABLE, path, ValueFormat.PLAIN, String.valueOf(pool.persistentPages()), String.valueOf(plan.targetPages()),
                plan.reason());
        long got = new SysrootValues(sysroot).longValue(path).orElse(-1);
        PoolResize resize = PoolResize.of(pool, plan.targetPages(), got, outcome.error());
        audit.append(AuditEvent.builder(AuditEvent.HEAL, resize.type(), pool.subject(), plan.reason()).remediation(KIND).mode(decision.mode())
                .before(AuditValue.of(before)).after(AuditValue.of(resize.after())).undoRef(journal.undo()).outcome(resize.outcome()));
        if (plan.action() == PoolSizing.Action.SHRINK) {
            spareSinceMs.remove(pool.subject());
        }
    }

    private Map<String, String> before(NodePool pool) {
        Map<String, String> before = new LinkedHashMap<>();
        before.put("pages", String.valueOf(pool.persistentPages()));
        before.put("free-pages", String.valueOf(pool.freePages()));
        before.put("surplus-pages", String.valueOf(pool.surplusPages()));
        before.put("held-pages", String.valueOf(pool.heldPages()));
        before.put("reserved-pages", String.valueOf(pool.reservedPages()));
        RunHugetlb.pagesByRun(sysroot, runs, pool.pageSizeKib()).forEach((run, pages) -> before.put("run/" + run, pages + " pages"));
        return before;
    }
}
