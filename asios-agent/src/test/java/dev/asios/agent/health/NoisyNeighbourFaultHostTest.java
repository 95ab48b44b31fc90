package dev.asios.agent.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.asios.agent.Agent;
import dev.asios.agent.AgentSettings;
import dev.asios.health.audit.AuditEvent;
import dev.asios.health.audit.AuditEventType;
import dev.asios.health.policy.HealMode;
import dev.asios.health.policy.HealPolicy;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.tune.apply.ExecutionListener;
import dev.asios.tune.apply.Rollback;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Fault injection on this host (hybrid cgroups: memory and cpu on v1, no swap): memory pressure
 * from {@code stress-ng --vm} in a neighbour's cgroup. Without swap, anonymous memory cannot be
 * reclaimed, so {@code --vm} alone either fits (no stall) or, over a limit, is OOM-killed at once
 * (measured: 48 kills in 10 s and 0% PSI); what stalls tasks is reclaiming and refaulting file
 * pages. So the neighbour gets a memory limit ({@value #LIMIT_SHARE_OF_AVAILABLE}th of
 * MemAvailable, at most 512 MiB), {@code --vm} holds 78% of it with {@code --vm-keep}, and
 * {@code --mmap-file} keeps a file working set of 40% of it, which thrashes against the limit:
 * PSI memory {@code some} 25-29%, {@code full} about 5% (the rule fires at 10% some).
 *
 * <p>With the policy in enforce mode the agent finds {@code memory-pressure-stall} and throttles
 * the neighbour's cgroup (its cpu.shares and soft limit, then, the pressure holding, its CPU
 * quota); in dry-run it only proposes. Prints the times. The test policy protects this sandbox's
 * own cgroups ({@code /process_api}) and shortens the cooldown so the escalation is seen; the
 * rule's thresholds are the production ones. Kills stress-ng, rolls back and removes the cgroups
 * whatever happens.
 */
@Tag("host")
@Tag("slow")
class NoisyNeighbourFaultHostTest {

    private static final String NAME = "asios-noisy-neighbour";
    private static final String MEMORY = "/sys/fs/cgroup/memory/" + NAME;
    private static final String CPU = "/sys/fs/cgroup/cpu/" + NAME;
    private static final String SUBJECT = "cgroup/" + NAME;
    private static final int LIMIT_SHARE_OF_AVAILABLE = 16;
    private static final long MAX_LIMIT_BYTES = 512L << 20;
    private static final String POLICY = """
            remediations:
              throttle-noisy-neighbour:
                cooldown: 1s
                protect: [/process_api, "/process_api/**"]
            """;

    @TempDir
    Path state;

    @TempDir
    Path work;

    @ParameterizedTest
    @EnumSource(value = HealMode.class, names = {"ENFORCE", "DRY_RUN"})
    void memoryPressureFromANeighbourIsThrottledInEnforceAndOnlyReportedInDryRun(HealMode mode) throws Exception {
        Sysroot host = Sysroot.host();
        assumeTrue(host.isDirectory("/sys/fs/cgroup/memory") && host.isDirectory("/sys/fs/cgroup/cpu") && host.exists("/proc/pressure/memory"),
                "needs the v1 memory and cpu hierarchies and PSI, as on the Debian 12 test host");
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/stress-ng")), "needs stress-ng");
        Path journal = state.resolve("tune");
        Process stress = null;
        try {
            Files.createDirectory(Path.of(MEMORY));
            Files.createDirectory(Path.of(CPU));
            long limitBytes = Math.min(MAX_LIMIT_BYTES, memAvailableBytes() / LIMIT_SHARE_OF_AVAILABLE) & ~((1L << 20) - 1);
            Files.writeString(Path.of(MEMORY, "memory.limit_in_bytes"), limitBytes + "\n");
            HealPolicy policy = HealPolicy.parse(POLICY, "fault-test.yaml").withMode(mode);
            HealthOptions health = new HealthOptions(policy, Optional.empty(), HealthOptions.PROFILES_DIR, Duration.ofSeconds(3));
            try (Agent agent = Agent.start(new AgentSettings(InetAddress.getLoopbackAddress(), 0, Duration.ofMillis(500), state, journal, host, false, health),
                    "test")) {
                assertThat(agent.collectors()).isNotEmpty();
                Thread.sleep(1500);
                long injectedMs = System.currentTimeMillis();
                stress = startStress(limitBytes);
                AuditEvent finding = await(AuditEventType.FINDING, injectedMs, Duration.ofSeconds(60), e -> e.outcome().equals("memory-pressure-stall started"));
                if (mode == HealMode.ENFORCE) {
                    AuditEvent healed = await(AuditEventType.REMEDIATION_APPLIED, injectedMs, Duration.ofSeconds(30), e -> e.subject().equals(SUBJECT));
                    assertThat(host.readTrimmed(CPU + "/cpu.shares")).hasValue("102");
                    assertThat(Long.parseLong(host.readTrimmed(MEMORY + "/memory.soft_limit_in_bytes").orElseThrow())).isLessThanOrEqualTo(limitBytes);
                    AuditEvent capped = await(AuditEventType.REMEDIATION_APPLIED, healed.epochMs() + 1, Duration.ofSeconds(30), e -> e.subject().equals(SUBJECT));
                    assertThat(host.readTrimmed(CPU + "/cpu.cfs_quota_us")).hasValue("200000");
                    System.out.printf("memory pressure fault (%s): detected after %d ms, healed (weights) after %d ms, capped after %d ms; %s%n",
                            mode.wireName(), finding.epochMs() - injectedMs, healed.epochMs() - injectedMs, capped.epochMs() - injectedMs, finding.why());
                    System.out.println("  applied: " + healed.outcome());
                } else {
                    AuditEvent proposed = await(AuditEventType.REMEDIATION_PROPOSED, injectedMs, Duration.ofSeconds(30), e -> e.subject().equals(SUBJECT));
                    Thread.sleep(2000);
                    assertThat(host.readTrimmed(CPU + "/cpu.shares")).as("dry-run changes nothing").hasValue("1024");
                    assertThat(AuditEvents.since(state, AuditEventType.REMEDIATION_APPLIED, injectedMs)).isEmpty();
                    System.out.printf("memory pressure fault (%s): detected after %d ms, proposed after %d ms; %s%n", mode.wireName(),
                            finding.epochMs() - injectedMs, proposed.epochMs() - injectedMs, finding.why());
                }
            }
        } finally {
            stop(stress);
            new Rollback(host, journal, Clock.systemUTC(), ExecutionListener.NONE).run();
            removeWhenEmpty(Path.of(MEMORY));
            removeWhenEmpty(Path.of(CPU));
        }
        assertThat(Path.of(MEMORY)).doesNotExist();
        assertThat(Path.of(CPU)).doesNotExist();
    }

    /** stress-ng in the neighbour's cgroups: --vm holding 78% of the limit, --mmap-file a file working set of 40% that thrashes. */
    private Process startStress(long limitBytes) throws IOException {
        long vmMib = limitBytes * 78 / 100 >> 20;
        long mmapMib = limitBytes * 40 / 100 >> 20;
        String join = "echo $$ > " + MEMORY + "/cgroup.procs && echo $$ > " + CPU + "/cgroup.procs && exec stress-ng --vm 1 --vm-bytes " + vmMib
                + "M --vm-keep --mmap 1 --mmap-file --mmap-bytes " + mmapMib + "M --timeout 180s -q";
        return new ProcessBuilder("sh", "-c", join).directory(work.toFile()).redirectErrorStream(true).redirectOutput(work.resolve("stress.log").toFile())
                .start();
    }

    private static void stop(Process stress) throws InterruptedException {
        if (stress == null) {
            return;
        }
        stress.descendants().forEach(ProcessHandle::destroyForcibly);
        stress.destroyForcibly();
        stress.waitFor();
    }

    private static void removeWhenEmpty(Path cgroup) throws IOException, InterruptedException {
        for (int attempt = 0; Files.exists(cgroup) && attempt < 50; attempt++) {
            try {
                Files.delete(cgroup);
            } catch (IOException busy) {
                Thread.sleep(100);
            }
        }
        if (Files.exists(cgroup)) {
            throw new IOException(cgroup + " still has tasks: " + Files.readString(cgroup.resolve("cgroup.procs")));
        }
    }

    private AuditEvent await(AuditEventType type, long sinceMs, Duration timeout, Predicate<AuditEvent> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<AuditEvent> events = AuditEvents.since(state, type, sinceMs).stream().filter(wanted).toList();
            if (!events.isEmpty()) {
                return events.getFirst();
            }
            assertThat(System.nanoTime()).as("no such " + type + " event within " + timeout).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static long memAvailableBytes() throws IOException {
        return Files.readAllLines(Path.of("/proc/meminfo")).stream().filter(l -> l.startsWith("MemAvailable:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("\\D", "")) * 1024).findFirst().orElseThrow();
    }
}
