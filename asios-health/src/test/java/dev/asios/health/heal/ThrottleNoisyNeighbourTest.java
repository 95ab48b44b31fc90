package dev.asios.health.heal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.health.audit.AuditEvent;
import dev.asios.health.audit.AuditEventType;
import dev.asios.health.audit.AuditLog;
import dev.asios.health.audit.AuditLogSettings;
import dev.asios.health.heal.neighbour.CgroupFolder;
import dev.asios.health.heal.neighbour.Neighbour;
import dev.asios.health.heal.neighbour.PressureResource;
import dev.asios.health.policy.HealGate;
import dev.asios.health.policy.HealMode;
import dev.asios.health.policy.HealPolicy;
import dev.asios.health.policy.RemediationKind;
import dev.asios.health.policy.RemediationParameters.Throttle;
import dev.asios.health.rules.RuleFinding;
import dev.asios.health.rules.RuleReport;
import dev.asios.host.findings.Severity;
import dev.asios.host.kernel.CgroupVersion;
import dev.asios.host.parse.CpuSet;
import dev.asios.host.sysroot.SysfsTree;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.run.launch.Controller;
import dev.asios.tune.apply.ExecutionListener;
import dev.asios.tune.apply.Rollback;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A noisy neighbour held back on cgroup v1 and v2: weights first, then the cap, then nothing more; rollback restores it. */
class ThrottleNoisyNeighbourTest {

    private static final long T0 = Instant.parse("2026-11-25T13:00:00Z").toEpochMilli();
    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(T0), ZoneOffset.UTC);
    private static final Throttle THROTTLE = new Throttle(10, 200, 10, List.of());
    private static final String UNLIMITED = "9223372036854771712";
    private static final String V1 = "/sys/fs/cgroup/";
    private static final String V2 = "/sys/fs/cgroup/system.slice/backup.service/";

    @TempDir
    Path root;

    @TempDir
    Path journal;

    @TempDir
    Path auditDir;

    private Sysroot v1Host() {
        return new SysfsTree(root).file(V1 + "cpu/batch/job/cpu.shares", "1024\n").file(V1 + "cpu/batch/job/cpu.cfs_quota_us", "-1\n")
                .file(V1 + "cpu/batch/job/cpu.cfs_period_us", "100000\n").file(V1 + "blkio/batch/blkio.bfq.weight", "100\n")
                .file(V1 + "memory/batch/job/memory.usage_in_bytes", "2147480000\n").file(V1 + "memory/batch/job/memory.soft_limit_in_bytes", UNLIMITED + "\n")
                .sysroot();
    }

    private static Neighbour v1Neighbour(PressureResource resource) {
        return new Neighbour(resource, folder(CgroupVersion.V1, "memory", "/batch/job"), Map.of(Controller.CPU, folder(CgroupVersion.V1, "cpu", "/batch/job"),
                Controller.IO, folder(CgroupVersion.V1, "blkio", "/batch"), Controller.MEMORY, folder(CgroupVersion.V1, "memory", "/batch/job")),
                "/batch/job holds 2048.0 MiB of memory, +0.0 MiB/s");
    }

    private static CgroupFolder folder(CgroupVersion version, String controller, String path) {
        return new CgroupFolder(version, version == CgroupVersion.V1 ? V1 + controller : "/sys/fs/cgroup", path);
    }

    private Sysroot v2Host() {
        return new SysfsTree(root).file(V2 + "cpu.weight", "100\n").file(V2 + "cpu.max", "max 100000\n").file(V2 + "io.weight", "default 100\n")
                .file(V2 + "memory.current", "1000000\n").file(V2 + "memory.high", "max\n").sysroot();
    }

    private static Neighbour v2Neighbour(PressureResource resource) {
        CgroupFolder backup = folder(CgroupVersion.V2, "", "/system.slice/backup.service");
        return new Neighbour(resource, backup, Map.of(Controller.CPU, backup, Controller.IO, backup, Controller.MEMORY, backup), "busy");
    }

    @Test
    void onV1TheSharesBfqWeightAndSoftLimitComeFirstThenTheQuotaThenNothing() {
        Sysroot host = v1Host();
        Remediations remediations = new Remediations(host, journal, Path.of("/var/lib/asios"), CLOCK);

        Remediation weights = remediations.throttleNoisyNeighbour(v1Neighbour(PressureResource.MEMORY), THROTTLE).orElseThrow();
        assertThat(weights.subject()).isEqualTo("cgroup/batch/job");
        assertThat(weights.kind()).isEqualTo(RemediationKind.THROTTLE_NOISY_NEIGHBOUR);
        assertThat(weights.describe()).startsWith("/sys/fs/cgroup/cpu/batch/job/cpu.shares: 1024 -> 102 (noisy neighbour under memory pressure "
                + "(/batch/job holds 2048.0 MiB of memory, +0.0 MiB/s): lowest CPU shares)");
        assertThat(weights.apply().succeeded()).isTrue();
        assertThat(host.readTrimmed(V1 + "cpu/batch/job/cpu.shares")).hasValue("102");
        assertThat(host.readTrimmed(V1 + "blkio/batch/blkio.bfq.weight")).hasValue("10");
        assertThat(host.readTrimmed(V1 + "memory/batch/job/memory.soft_limit_in_bytes")).as("2147480000 rounded up to 64 KiB").hasValue("2147483648");
        assertThat(host.readTrimmed(V1 + "cpu/batch/job/cpu.cfs_quota_us")).as("no cap yet").hasValue("-1");

        Remediation cap = remediations.throttleNoisyNeighbour(v1Neighbour(PressureResource.MEMORY), THROTTLE).orElseThrow();
        assertThat(cap.describe()).startsWith("/sys/fs/cgroup/cpu/batch/job/cpu.cfs_quota_us: -1 -> 200000 (");
        assertThat(cap.apply().succeeded()).isTrue();
        assertThat(remediations.throttleNoisyNeighbour(v1Neighbour(PressureResource.MEMORY), THROTTLE)).as("held back as far as the policy goes").isEmpty();

        new Rollback(host, journal, CLOCK, ExecutionListener.NONE).run();
        assertThat(host.readTrimmed(V1 + "cpu/batch/job/cpu.shares")).hasValue("1024");
        assertThat(host.readTrimmed(V1 + "cpu/batch/job/cpu.cfs_quota_us")).hasValue("-1");
        assertThat(host.readTrimmed(V1 + "blkio/batch/blkio.bfq.weight")).hasValue("100");
        assertThat(host.readTrimmed(V1 + "memory/batch/job/memory.soft_limit_in_bytes")).hasValue(UNLIMITED);
    }

    @Test
    void onV2TheWeightsAndMemoryHighComeFirstThenCpuMaxKeepingThePeriod() {
        Sysroot host = v2Host();
        Remediations remediations = new Remediations(host, journal, Path.of("/var/lib/asios"), CLOCK);

        remediations.throttleNoisyNeighbour(v2Neighbour(PressureResource.MEMORY), THROTTLE).orElseThrow().apply();
        assertThat(host.readTrimmed(V2 + "cpu.weight")).hasValue("10");
        assertThat(host.readTrimmed(V2 + "io.weight")).hasValue("default 10");
        assertThat(host.readTrimmed(V2 + "memory.high")).hasValue("1048576");
        assertThat(host.readTrimmed(V2 + "cpu.max")).hasValue("max 100000");

        remediations.throttleNoisyNeighbour(v2Neighbour(PressureResource.MEMORY), THROTTLE).orElseThrow().apply();
        assertThat(host.readTrimmed(V2 + "cpu.max")).hasValue("200000 100000");
        assertThat(remediations.throttleNoisyNeighbour(v2Neighbour(PressureResource.MEMORY), THROTTLE)).isEmpty();

        new Rollback(host, journal, CLOCK, ExecutionListener.NONE).run();
        assertThat(host.readTrimmed(V2 + "cpu.weight")).hasValue("100");
        assertThat(host.readTrimmed(V2 + "io.weight")).hasValue("default 100");
        assertThat(host.readTrimmed(V2 + "memory.high")).hasValue("max");
        assertThat(host.readTrimmed(V2 + "cpu.max")).hasValue("max 100000");
    }

    @Test
    void cpuPressureLeavesMemoryAloneAndOperatorSettingsBelowTheTargetsStay() {
        Sysroot host = new SysfsTree(v2Host().root()).file(V2 + "cpu.weight", "5\n").file(V2 + "io.weight", "default 100\n8:0 300\n")
                .file(V2 + "cpu.max", "50000 100000\n").sysroot();
        Remediations remediations = new Remediations(host, journal, Path.of("/var/lib/asios"), CLOCK);
        assertThat(remediations.throttleNoisyNeighbour(v2Neighbour(PressureResource.CPU), THROTTLE))
                .as("weight below the floor, per-device I/O weights left alone, no memory.high for CPU pressure, capped lower already").isEmpty();
    }

    @Test
    void theHealerActsOnTheNeighboursCgroupAndRateLimitsIt() {
        Sysroot host = v2Host();
        RuleFinding finding = new RuleFinding("memory-pressure-stall", "host", "", Severity.WARNING, "tasks stalled on memory 25.0% of the time", T0,
                OptionalLong.empty(), Optional.of(RemediationKind.THROTTLE_NOISY_NEIGHBOUR), Map.of("resource", "memory"));
        try (AuditLog audit = AuditLog.open(auditDir, AuditLogSettings.STANDARD, CLOCK)) {
            Healer.HostView view = new Healer.HostView(() -> CpuSet.parseList("1"), () -> CpuSet.parseList("0-1"), gpu -> Optional.empty(),
                    (resource, protect) -> v2Neighbour(resource));
            Healer healer = new Healer(new HealGate(HealPolicy.builtIn().withMode(HealMode.ENFORCE)),
                    new Remediations(host, journal, Path.of("/var/lib/asios"), CLOCK), audit, view, Duration.ofSeconds(30));

            List<AuditEvent> events = healer.onRound(new RuleReport(T0, List.of(finding), List.of(), List.of(), List.of()));
            assertThat(events).extracting(AuditEvent::type).containsExactly(AuditEventType.REMEDIATION_PROPOSED, AuditEventType.REMEDIATION_APPLIED);
            assertThat(events).extracting(AuditEvent::subject).containsOnly("cgroup/system.slice/backup.service");
            assertThat(host.readTrimmed(V2 + "cpu.weight")).hasValue("10");

            List<AuditEvent> retry = healer.onRound(new RuleReport(T0 + 31_000, List.of(finding), List.of(), List.of(), List.of()));
            assertThat(retry).as("the cap waits for the 2 min cooldown of the neighbour's cgroup").extracting(AuditEvent::type)
                    .containsExactly(AuditEventType.RATE_LIMITED);
            assertThat(host.readTrimmed(V2 + "cpu.max")).hasValue("max 100000");
        }
    }
}
