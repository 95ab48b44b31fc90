package dev.asios.health.adapt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.health.audit.AuditEvent;
import dev.asios.health.audit.AuditEventType;
import dev.asios.health.audit.AuditLog;
import dev.asios.health.audit.AuditLogSettings;
import dev.asios.health.audit.AuditQuery;
import dev.asios.health.policy.HealGate;
import dev.asios.health.policy.HealPolicy;
import dev.asios.observe.runs.TrackedRun;
import dev.asios.host.sysroot.SysfsTree;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.tune.apply.ExecutionListener;
import dev.asios.tune.apply.PlanExecutor;
import dev.asios.tune.apply.Rollback;
import dev.asios.tune.plan.Change;
import dev.asios.tune.plan.Plan;
import dev.asios.tune.plan.ValueFormat;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.InstantSource;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pool manager on a fake node 0 with 2 MiB pages, a temporary journal and audit log, and checks a stepped time apart. */
class HugepagePoolManagerTest {

    private static final long T0 = Instant.parse("2026-11-25T13:00:00Z").toEpochMilli();
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(T0), ZoneOffset.UTC);
    private static final String POOL = "/sys/devices/system/node/node0/hugepages/hugepages-2048kB/";
    private static final String SIZE = POOL + "nr_hugepages";
    /** Enforce, 10% headroom, a 1 min idle delay, no cooldown, rate limits out of the way. */
    static final String POLICY = """
            mode: enforce
            remediations:
              hugepage-pools:
                enabled: true
                headroom-percent: 10
                idle-shrink-delay: 1m
                cooldown: 0s
                per-subject: { max: 100, per: 1h }
                overall: { max: 100, per: 1h }
            """;

    @TempDir
    Path root;

    @TempDir
    Path journal;

    @TempDir
    Path auditDir;

    private AuditLog audit;
    private long nowMs = T0;

    @AfterEach
    void closeAudit() {
        if (audit != null) {
            audit.close();
        }
    }

    private SysfsTree pool(long size, long free, long reserved) {
        return new SysfsTree(root).file(SIZE, size + "\n").file(POOL + "free_hugepages", free + "\n").file(POOL + "surplus_hugepages", "0\n")
                .file("/sys/kernel/mm/hugepages/hugepages-2048kB/resv_hugepages", reserved + "\n");
    }

    private HugepagePoolManager manager(Sysroot host, String policyText) {
        audit = AuditLog.open(auditDir, AuditLogSettings.STANDARD, InstantSource.fixed(Instant.ofEpochMilli(T0)));
        return new HugepagePoolManager(new HealGate(HealPolicy.parse(policyText, "test-policy")), audit, host, journal, CLOCK,
                () -> List.of(new TrackedRun("train-7", List.of("/sys/fs/cgroup/asios/train-7"))));
    }

    private void check(HugepagePoolManager manager, long afterMs) {
        nowMs += afterMs;
        manager.onRound(nowMs);
    }

    private List<AuditEvent> events(AuditEventType type) {
        return audit.query(AuditQuery.all().withNewestFirst(false)).events().stream().filter(e -> e.type() == type).toList();
    }

    @Test
    void aPoolWhoseHeadroomIsUsedGrowsToWhatIsHeldPlusHeadroom() {
        SysfsTree tree = pool(20, 0, 0);
        tree.file("/sys/fs/cgroup/asios/train-7/hugetlb.2MB.current", String.valueOf(20L * 2 * 1024 * 1024));
        HugepagePoolManager manager = manager(tree.sysroot(), POLICY);
        check(manager, 0);
        assertThat(tree.sysroot().readTrimmed(SIZE)).hasValue("22");
        AuditEvent applied = events(AuditEventType.REMEDIATION_APPLIED).getFirst();
        assertThat(applied.subject()).isEqualTo("node/0 2048kB");
        assertThat(applied.before().toString()).contains("pages=20", "held-pages=20", "run/train-7=20 pages");
        assertThat(applied.after().toString()).contains("asked-pages=22", "pages=22", "shortfall-pages=0");
        assertThat(applied.outcome()).isEqualTo("resized node/0 2048kB from 20 to 22 pages");

        new Rollback(tree.sysroot(), journal, CLOCK, ExecutionListener.NONE).run();
        assertThat(tree.sysroot().readTrimmed(SIZE)).hasValue("20");
    }

    @Test
    void reservedPagesCountAsNeeded() {
        SysfsTree tree = pool(10, 10, 10);
        HugepagePoolManager manager = manager(tree.sysroot(), POLICY);
        check(manager, 0);
        assertThat(tree.sysroot().readTrimmed(SIZE)).hasValue("11");
    }

    @Test
    void aRisingUseGrowsThePoolBeforeItRunsOut() {
        SysfsTree tree = pool(100, 100, 0);
        HugepagePoolManager manager = manager(tree.sysroot(), POLICY);
        for (int held = 0; held <= 12; held += 2) {
            tree.file(POOL + "free_hugepages", (100 - held) + "\n");
            check(manager, HugepagePoolManager.CHECK_EVERY_MS);
        }
        // 2 pages per 10 s = 120 pages in the 10 min lead, +12 held, +10%
        AuditEvent grown = events(AuditEventType.REMEDIATION_APPLIED).getFirst();
        assertThat(grown.why()).contains("more expected soon", "growing before the forecast shortage");
        assertThat(Long.parseLong(tree.sysroot().readTrimmed(SIZE).orElseThrow())).isGreaterThan(100);
    }

    @Test
    void aSparePoolShrinksOnlyAfterTheIdleDelayAndNeverBelowWhatIsHeld() {
        SysfsTree tree = pool(100, 90, 0);
        HugepagePoolManager manager = manager(tree.sysroot(), POLICY);
        check(manager, 0);
        check(manager, 30_000);
        assertThat(tree.sysroot().readTrimmed(SIZE)).as("spare for 30 s only").hasValue("100");
        check(manager, 31_000);
        assertThat(tree.sysroot().readTrimmed(SIZE)).hasValue("11");
        assertThat(events(AuditEventType.REMEDIATION_APPLIED).getLast().why()).contains("10 held", "target 11", "spare for 61 s, shrinking");
    }

    @Test
    void aPoolThatIsRightOrThatTheProfileSetIsLeftAlone() {
        SysfsTree tree = pool(11, 1, 0);
        HugepagePoolManager manager = manager(tree.sysroot(), POLICY);
        check(manager, 0);
        check(manager, 120_000);
        assertThat(tree.sysroot().readTrimmed(SIZE)).hasValue("11");

        new PlanExecutor(tree.sysroot(), journal, CLOCK, ExecutionListener.NONE).apply(new Plan("training",
                List.of(new Change("memory.hugepages", SIZE, ValueFormat.PLAIN, "11", "40", "profile")), List.of()));
        check(manager, 120_000);
        check(manager, 120_000);
        assertThat(tree.sysroot().readTrimmed(SIZE)).hasValue("40");
        assertThat(audit.query(AuditQuery.all()).events()).isEmpty();
    }

    @Test
    void dryRunAndTheBuiltInPolicyChangeNothing() {
        SysfsTree tree = pool(20, 0, 0);
        HugepagePoolManager dryRun = manager(tree.sysroot(), POLICY.replace("mode: enforce", "mode: dry-run"));
        check(dryRun, 0);
        assertThat(events(AuditEventType.REMEDIATION_PROPOSED)).singleElement().satisfies(e -> assertThat(e.outcome()).startsWith("dry-run"));
        audit.close();
        audit = AuditLog.open(auditDir.resolve("builtin"), AuditLogSettings.STANDARD, InstantSource.fixed(Instant.ofEpochMilli(T0)));
        new HugepagePoolManager(new HealGate(HealPolicy.builtIn()), audit, tree.sysroot(), journal, CLOCK, List::of).onRound(nowMs);
        assertThat(audit.query(AuditQuery.all()).events()).isEmpty();
        assertThat(tree.sysroot().readTrimmed(SIZE)).hasValue("20");
    }

    @Test
    void aShortfallIsReported() {
        NodePool pool = new NodePool(0, 2048, 20, 0, 0, 0);
        PoolResize shortfall = PoolResize.of(pool, 22, 21, java.util.Optional.of("reads back as '21'"));
        assertThat(shortfall.type()).isEqualTo(AuditEventType.REMEDIATION_APPLIED);
        assertThat(shortfall.after()).containsEntry("pages", "21").containsEntry("shortfall-pages", "1").doesNotContainKey("error");
        assertThat(shortfall.outcome()).contains("the kernel gave 21: short by 1");
        PoolResize nothing = PoolResize.of(pool, 22, 20, java.util.Optional.of("reads back as '20'"));
        assertThat(nothing.type()).isEqualTo(AuditEventType.REMEDIATION_FAILED);
        assertThat(nothing.after()).containsEntry("shortfall-pages", "2");
    }
}
