package dev.asios.health.adapt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.health.adapt.DiskRounds.Load;
import dev.asios.health.audit.AuditEvent;
import dev.asios.health.audit.AuditEventType;
import dev.asios.health.audit.AuditLog;
import dev.asios.health.audit.AuditLogSettings;
import dev.asios.health.audit.AuditQuery;
import dev.asios.health.policy.HealGate;
import dev.asios.health.policy.HealPolicy;
import dev.asios.host.sysroot.SysfsTree;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.tune.apply.ExecutionListener;
import dev.asios.tune.apply.PlanExecutor;
import dev.asios.tune.apply.Rollback;
import dev.asios.tune.apply.TuneStatus;
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

/** The trial state machine on a fake virtio disk, a temporary journal and audit log, and rounds a second apart. */
class AdaptiveIoSchedulerTest {

    private static final long T0 = Instant.parse("2026-11-25T13:00:00Z").toEpochMilli();
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(T0), ZoneOffset.UTC);
    private static final String SCHEDULER = "/sys/block/vda/queue/scheduler";
    private static final String READ_AHEAD = "/sys/block/vda/queue/read_ahead_kb";

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

    private Sysroot virtioDisk() {
        return new SysfsTree(root).file(SCHEDULER, "none [mq-deadline] kyber bfq\n").file(READ_AHEAD, "128\n").file("/sys/block/vda/queue/rotational", "1\n")
                .link("/sys/block/vda/device/driver", "../../../../bus/virtio/drivers/virtio_blk").sysroot();
    }

    private AdaptiveIoScheduler scheduler(Sysroot host, String policyText) {
        audit = AuditLog.open(auditDir, AuditLogSettings.STANDARD, InstantSource.fixed(Instant.ofEpochMilli(T0)));
        return new AdaptiveIoScheduler(new HealGate(HealPolicy.parse(policyText, "test-policy")), audit, host, journal, CLOCK);
    }

    private static String policy(String mode) {
        return "mode: " + mode + "\nremediations:\n  adaptive-io-scheduler:\n    enabled: true\n    trial-duration: 10s\n    min-improvement-percent: 10\n";
    }

    private void feed(AdaptiveIoScheduler scheduler, Load load, int seconds) {
        for (int i = 0; i < seconds; i++) {
            nowMs += 1000;
            scheduler.onRound(load.round(nowMs));
        }
    }

    private List<AuditEvent> events() {
        return audit.query(AuditQuery.all().withNewestFirst(false)).events();
    }

    private List<AuditEventType> types() {
        return events().stream().map(AuditEvent::type).toList();
    }

    @Test
    void aBetterTrialIsKeptAndTheJournalStillRollsItBack() {
        Sysroot host = virtioDisk();
        AdaptiveIoScheduler scheduler = scheduler(host, policy("enforce"));
        feed(scheduler, DiskRounds.RANDOM_DEEP_READS, 11);
        assertThat(types()).containsExactly(AuditEventType.REMEDIATION_PROPOSED, AuditEventType.TRIAL_STARTED);
        assertThat(ValueFormat.BRACKETED.effective(host.readTrimmed(SCHEDULER).orElseThrow())).isEqualTo("none");
        assertThat(scheduler.trying("vda")).isTrue();

        feed(scheduler, DiskRounds.RANDOM_DEEP_READS.withP99(0.012), 10);
        AuditEvent kept = events().getLast();
        assertThat(kept.type()).isEqualTo(AuditEventType.TRIAL_KEPT);
        assertThat(kept.outcome()).contains("kept scheduler mq-deadline -> none", "p99 latency 20.000 -> 12.000 ms");
        assertThat(kept.before().toString()).contains("baseline-latency-p99-ms=20.000");
        assertThat(kept.after().toString()).contains("trial-latency-p99-ms=12.000");
        assertThat(scheduler.trying("vda")).isFalse();
        assertThat(ValueFormat.BRACKETED.effective(host.readTrimmed(SCHEDULER).orElseThrow())).isEqualTo("none");

        new Rollback(host, journal, CLOCK, ExecutionListener.NONE).run();
        assertThat(ValueFormat.BRACKETED.effective(host.readTrimmed(SCHEDULER).orElseThrow())).isEqualTo("mq-deadline");
    }

    @Test
    void aTrialNoBetterByTheMarginIsRevertedWithoutLeavingDrift() {
        Sysroot host = virtioDisk();
        AdaptiveIoScheduler scheduler = scheduler(host, policy("enforce"));
        feed(scheduler, DiskRounds.RANDOM_DEEP_READS, 11);
        feed(scheduler, DiskRounds.RANDOM_DEEP_READS.withP99(0.019), 10);
        AuditEvent reverted = events().getLast();
        assertThat(reverted.type()).isEqualTo(AuditEventType.TRIAL_REVERTED);
        assertThat(reverted.outcome()).startsWith("revert: not better by the margin").contains("restored " + SCHEDULER + " to mq-deadline");
        assertThat(ValueFormat.BRACKETED.effective(host.readTrimmed(SCHEDULER).orElseThrow())).isEqualTo("mq-deadline");
        assertThat(TuneStatus.read(host, journal).drifted()).isEmpty();
    }

    @Test
    void aTrialWhoseLoadChangesIsVoidAndReverted() {
        Sysroot host = virtioDisk();
        AdaptiveIoScheduler scheduler = scheduler(host, policy("enforce"));
        feed(scheduler, DiskRounds.RANDOM_DEEP_READS, 11);
        feed(scheduler, DiskRounds.SEQUENTIAL_READS, 10);
        AuditEvent reverted = events().getLast();
        assertThat(reverted.type()).isEqualTo(AuditEventType.TRIAL_REVERTED);
        assertThat(reverted.outcome()).startsWith("void: the load changed during the trial");
        assertThat(ValueFormat.BRACKETED.effective(host.readTrimmed(SCHEDULER).orElseThrow())).isEqualTo("mq-deadline");
    }

    @Test
    void closingDuringATrialRevertsIt() {
        Sysroot host = virtioDisk();
        AdaptiveIoScheduler scheduler = scheduler(host, policy("enforce"));
        feed(scheduler, DiskRounds.RANDOM_DEEP_READS, 13);
        scheduler.close();
        assertThat(events().getLast().outcome()).startsWith("void: the agent stopped");
        assertThat(ValueFormat.BRACKETED.effective(host.readTrimmed(SCHEDULER).orElseThrow())).isEqualTo("mq-deadline");
    }

    @Test
    void dryRunOnlyReportsWhatItWouldTryWithinTheRateLimits() {
        Sysroot host = virtioDisk();
        AdaptiveIoScheduler scheduler = scheduler(host, policy("dry-run"));
        feed(scheduler, DiskRounds.RANDOM_DEEP_READS, 60);
        assertThat(types()).as("then refused once for the cooldown, its repeats left out")
                .containsExactly(AuditEventType.REMEDIATION_PROPOSED, AuditEventType.RATE_LIMITED);
        assertThat(events().getFirst()).satisfies(e -> {
            assertThat(e.type()).isEqualTo(AuditEventType.REMEDIATION_PROPOSED);
            assertThat(e.why()).startsWith("try scheduler mq-deadline -> none: random I/O at a deep queue on a fast device");
            assertThat(e.outcome()).startsWith("dry-run: would carry out adaptive-io-scheduler on disk/vda");
        });
        assertThat(host.readTrimmed(SCHEDULER)).hasValue("none [mq-deadline] kyber bfq");
    }

    @Test
    void theBuiltInPolicyLeavesDevicesAlone() {
        Sysroot host = virtioDisk();
        audit = AuditLog.open(auditDir, AuditLogSettings.STANDARD, InstantSource.fixed(Instant.ofEpochMilli(T0)));
        AdaptiveIoScheduler scheduler = new AdaptiveIoScheduler(new HealGate(HealPolicy.builtIn()), audit, host, journal, CLOCK);
        feed(scheduler, DiskRounds.RANDOM_DEEP_READS, 30);
        assertThat(events()).isEmpty();
    }

    @Test
    void aSchedulerTheProfileSetIsLeftToTheProfile() {
        Sysroot host = new SysfsTree(root).file(SCHEDULER, "none [mq-deadline] kyber bfq\n").file(READ_AHEAD, "8192\n")
                .file("/sys/block/vda/queue/rotational", "0\n").sysroot();
        new PlanExecutor(host, journal, CLOCK, ExecutionListener.NONE).apply(new Plan("training",
                List.of(new Change("io.scheduler", SCHEDULER, ValueFormat.BRACKETED, "mq-deadline", "kyber", "profile")), List.of()));
        AdaptiveIoScheduler scheduler = scheduler(host, policy("enforce"));
        feed(scheduler, DiskRounds.RANDOM_DEEP_READS, 11);
        assertThat(ValueFormat.BRACKETED.effective(host.readTrimmed(SCHEDULER).orElseThrow())).isEqualTo("kyber");
        assertThat(events().getLast().type()).isEqualTo(AuditEventType.TRIAL_STARTED);
        assertThat(host.readTrimmed(READ_AHEAD)).as("the read-ahead the profile did not set is tried instead").hasValue("128");
    }

    @Test
    void anUnsteadyOrIdleDeviceIsNotTried() {
        Sysroot host = virtioDisk();
        AdaptiveIoScheduler scheduler = scheduler(host, policy("enforce"));
        for (int i = 0; i < 15; i++) {
            feed(scheduler, DiskRounds.RANDOM_DEEP_READS, 1);
            feed(scheduler, DiskRounds.SEQUENTIAL_READS, 1);
        }
        feed(scheduler, DiskRounds.RANDOM_DEEP_READS.withIops(0), 30);
        assertThat(events()).isEmpty();
    }
}
