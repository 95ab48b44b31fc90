package dev.asios.agent.health;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.asios.agent.Agent;
import dev.asios.agent.AgentException;
import dev.asios.agent.AgentSettings;
import dev.asios.health.audit.AuditEvent;
import dev.asios.health.audit.AuditEventType;
import dev.asios.health.policy.HealMode;
import dev.asios.health.policy.HealPolicy;
import dev.asios.health.rules.ForeignTaskRule;
import dev.asios.health.rules.IrqOnIsolatedRule;
import dev.asios.host.inspect.HostInspector;
import dev.asios.host.inspect.HostSnapshot;
import dev.asios.host.kernel.InterruptLine;
import dev.asios.host.kernel.InterruptsParser;
import dev.asios.host.parse.CpuSet;
import dev.asios.host.sys.Affinity;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.tune.apply.ExecutionListener;
import dev.asios.tune.apply.Outcome;
import dev.asios.tune.apply.PlanExecutor;
import dev.asios.tune.apply.Rollback;
import dev.asios.tune.profile.Profile;
import dev.asios.tune.profile.ProfileLoader;
import dev.asios.tune.tunable.CpuIsolationTunable;
import dev.asios.tune.tunable.Planner;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Fault injection on this host, with a CPU isolated at run time (the {@code inference} profile's
 * CPU isolation alone, through the tuning executor): a CPU hog started on the isolated CPU, and an
 * IRQ (the VM's eth0 receive queue, made to fire by DNS queries to the resolver) moved onto it. The hog joins the isolated cpuset, as a
 * process started there by hand would (one put in the root cpuset instead would be tuning drift of
 * the isolation, which moves every task of the root cpuset away, and be healed as such). With the policy in enforce mode the agent
 * detects each and moves it off, with audit events; in dry-run it only proposes. Prints the time
 * to detect and to heal (the task scan runs every 5 s, the IRQ check every 2 s: the rules'
 * defaults, which the agent uses). Kills the hog, rolls the journal back (the isolation and what
 * the agent did) and restores the IRQ's affinity whatever happens.
 */
@Tag("host")
@Tag("slow")
class IsolatedCpuFaultHostTest {

    private static final Sysroot HOST = Sysroot.host();
    private static final String CPUSET_MOUNT = "/sys/fs/cgroup/cpuset";
    /** The receive queue of this VM's eth0. */
    private static final String RX_QUEUE = "virtio2-input.0";
    // A DNS query for example.com, type A, class IN: header (id, recursion desired, one question), name, type, class
    private static final byte[] DNS_QUERY = {0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 0, 7, 'e', 'x', 'a', 'm', 'p', 'l', 'e', 3, 'c', 'o', 'm', 0,
        0, 1, 0, 1};

    @TempDir
    Path state;

    @AfterEach
    void noCpusetOfAsiosIsLeft() {
        assertThat(HOST.list(CPUSET_MOUNT)).noneMatch(name -> name.startsWith("asios"));
    }

    @ParameterizedTest
    @EnumSource(value = HealMode.class, names = {"ENFORCE", "DRY_RUN"})
    void aCpuHogStartedOnTheIsolatedCpuIsMovedOffInEnforceAndOnlyReportedInDryRun(HealMode mode) throws Exception {
        assumeTrue(HOST.exists(CPUSET_MOUNT + "/tasks"), "needs a cgroup v1 cpuset hierarchy at " + CPUSET_MOUNT);
        Process hog = null;
        try {
            CpuSet isolated = isolate();
            try (Agent agent = start(mode)) {
                assertThat(agent.collectors()).isNotEmpty();
                Thread.sleep(1500);
                hog = new ProcessBuilder("sh", "-c", "while :; do :; done").start();
                long pid = hog.pid();
                Files.writeString(Path.of(CPUSET_MOUNT, CpuIsolationTunable.ISOLATED, "tasks"), Long.toString(pid));
                long injectedMs = System.currentTimeMillis();
                assertThat(Affinity.ofTask(pid)).as("the isolated cpuset gives its CPUs").isEqualTo(isolated);
                String subject = "task/" + pid;
                AuditEvent finding = await(AuditEventType.FINDING, injectedMs, Duration.ofSeconds(20),
                        e -> (ForeignTaskRule.ID + " started").equals(e.outcome()) && e.why().contains("process " + pid + " (sh)"));
                AuditEvent proposed = await(AuditEventType.REMEDIATION_PROPOSED, injectedMs, Duration.ofSeconds(5), e -> subject.equals(e.subject()));
                assertThat(proposed.remediation().wireName()).isEqualTo("move-task-off-isolated-cpu");
                if (mode == HealMode.ENFORCE) {
                    AuditEvent healed = await(AuditEventType.REMEDIATION_APPLIED, injectedMs, Duration.ofSeconds(5), e -> subject.equals(e.subject()));
                    assertThat(Affinity.ofTask(pid).intersects(isolated)).as("the hog may no longer run on the isolated CPU").isFalse();
                    assertThat(Files.readString(Path.of(CPUSET_MOUNT, CpuIsolationTunable.HOUSEKEEPING, "tasks")).lines()).contains(Long.toString(pid));
                    report("cpu hog", mode, finding, healed, injectedMs);
                } else {
                    Thread.sleep(2000);
                    assertThat(Affinity.ofTask(pid)).as("dry-run changes nothing").isEqualTo(isolated);
                    assertThat(AuditEvents.since(state, AuditEventType.REMEDIATION_APPLIED, injectedMs)).noneMatch(e -> subject.equals(e.subject()));
                    report("cpu hog", mode, finding, proposed, injectedMs);
                }
            }
        } finally {
            if (hog != null) {
                hog.destroyForcibly().waitFor();
            }
            rollback();
        }
    }

    @ParameterizedTest
    @EnumSource(value = HealMode.class, names = {"ENFORCE", "DRY_RUN"})
    void anIrqMovedOntoTheIsolatedCpuIsMovedOffInEnforceAndOnlyReportedInDryRun(HealMode mode) throws Exception {
        OptionalInt irq = irqNamed(RX_QUEUE);
        assumeTrue(irq.isPresent(), "no IRQ named " + RX_QUEUE + " in /proc/interrupts: this host is not the VM the test was written for");
        Optional<InetSocketAddress> resolver = resolver();
        assumeTrue(resolver.isPresent(), "no nameserver in /etc/resolv.conf to send DNS queries to, for eth0 to receive");
        String affinity = "/proc/irq/" + irq.getAsInt() + "/smp_affinity_list";
        String original = HOST.readTrimmed(affinity).orElseThrow();
        AtomicBoolean sending = new AtomicBoolean(true);
        Thread traffic = Thread.ofPlatform().name("eth0-traffic").daemon().start(() -> queryWhile(resolver.get(), sending));
        try {
            CpuSet isolated = isolate();
            write(affinity, CpuSet.parseList(original).andNot(isolated).toList());
            try (Agent agent = start(mode)) {
                assertThat(agent.collectors()).isNotEmpty();
                Thread.sleep(3000);
                long injectedMs = System.currentTimeMillis();
                write(affinity, isolated.toList());
                String subject = "irq/" + irq.getAsInt();
                AuditEvent finding = await(AuditEventType.FINDING, injectedMs, Duration.ofSeconds(20),
                        e -> (IrqOnIsolatedRule.ID + " started").equals(e.outcome()) && e.why().startsWith("IRQ " + irq.getAsInt() + " ("));
                AuditEvent proposed = await(AuditEventType.REMEDIATION_PROPOSED, injectedMs, Duration.ofSeconds(5), e -> subject.equals(e.subject()));
                assertThat(proposed.remediation().wireName()).isEqualTo("move-irq-off-isolated-cpu");
                if (mode == HealMode.ENFORCE) {
                    AuditEvent healed = await(AuditEventType.REMEDIATION_APPLIED, injectedMs, Duration.ofSeconds(5), e -> subject.equals(e.subject()));
                    assertThat(CpuSet.parseList(HOST.readTrimmed(affinity).orElseThrow()).intersects(isolated)).isFalse();
                    report("irq on isolated cpu", mode, finding, healed, injectedMs);
                } else {
                    Thread.sleep(2000);
                    assertThat(HOST.readTrimmed(affinity)).as("dry-run changes nothing").hasValue(isolated.toList());
                    assertThat(AuditEvents.since(state, AuditEventType.REMEDIATION_APPLIED, injectedMs)).noneMatch(e -> subject.equals(e.subject()));
                    report("irq on isolated cpu", mode, finding, proposed, injectedMs);
                }
            }
        } finally {
            sending.set(false);
            traffic.join();
            rollback();
            write(affinity, original);
        }
        assertThat(HOST.readTrimmed(affinity)).hasValue(original);
    }

    /**
     * Isolates the CPUs the {@code inference} profile isolates on this host, with its CPU isolation
     * alone; returns them. A task forked in the root cpuset while the others move may stay there
     * (the executor reports it): that is no matter here.
     */
    private CpuSet isolate() {
        HostSnapshot host = new HostInspector(HOST).inspect();
        Profile inference = new ProfileLoader(state.resolve("no-user-profiles")).load("inference");
        CpuSet isolated = inference.isolatedCpus(host.cpu(), host.numa()).orElseThrow();
        new PlanExecutor(HOST, journal(), Clock.systemUTC(), ExecutionListener.NONE).apply(new Planner(List.of(new CpuIsolationTunable())).plan(inference, host, HOST));
        assertThat(HOST.readTrimmed(CPUSET_MOUNT + "/" + CpuIsolationTunable.ISOLATED + "/cpuset.cpus")).as("isolated at run time").hasValue(isolated.toList());
        return isolated;
    }

    private Agent start(HealMode mode) throws AgentException {
        HealthOptions health = new HealthOptions(HealPolicy.builtIn().withMode(mode), Optional.empty(), HealthOptions.PROFILES_DIR, HealthOptions.RETRY_AFTER);
        return Agent.start(new AgentSettings(InetAddress.getLoopbackAddress(), 0, Duration.ofMillis(500), state, journal(), HOST, false, health), "test");
    }

    private void rollback() {
        assertThat(new Rollback(HOST, journal(), Clock.systemUTC(), ExecutionListener.NONE).run()).allMatch(Outcome::ok);
    }

    private Path journal() {
        return state.resolve("tune");
    }

    private AuditEvent await(AuditEventType type, long sinceMs, Duration timeout, Predicate<AuditEvent> wanted) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            List<AuditEvent> events = AuditEvents.since(state, type, sinceMs);
            Optional<AuditEvent> event = events.stream().filter(wanted).findFirst();
            if (event.isPresent()) {
                return event.get();
            }
            assertThat(System.nanoTime()).as("no matching " + type + " event within " + timeout + "; there were " + events).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static void report(String fault, HealMode mode, AuditEvent finding, AuditEvent acted, long injectedMs) {
        System.out.printf("%s fault (%s): detected after %d ms, %s after %d ms%n", fault, mode.wireName(), finding.epochMs() - injectedMs,
                mode == HealMode.ENFORCE ? "healed" : "proposed", acted.epochMs() - injectedMs);
    }

    private static OptionalInt irqNamed(String action) {
        return HOST.read("/proc/interrupts").map(InterruptsParser::parse).stream().flatMap(i -> i.lines().stream())
                .filter(line -> line.actions().contains(action)).map(InterruptLine::irq).filter(OptionalInt::isPresent).findFirst()
                .orElse(OptionalInt.empty());
    }

    // Format of /etc/resolv.conf: "nameserver 10.255.255.53" a line, among others
    private static Optional<InetSocketAddress> resolver() {
        return HOST.read("/etc/resolv.conf").flatMap(text -> text.lines().map(String::strip).filter(line -> line.startsWith("nameserver "))
                .map(line -> new InetSocketAddress(line.substring("nameserver ".length()).strip(), 53)).filter(address -> !address.isUnresolved())
                .findFirst());
    }

    /** A DNS query to {@code resolver} every 20 ms while {@code sending}: each answer is a receive interrupt on eth0. */
    private static void queryWhile(InetSocketAddress resolver, AtomicBoolean sending) {
        try (DatagramSocket socket = new DatagramSocket()) {
            socket.setSoTimeout(300);
            byte[] answer = new byte[512];
            while (sending.get()) {
                socket.send(new DatagramPacket(DNS_QUERY, DNS_QUERY.length, resolver));
                try {
                    socket.receive(new DatagramPacket(answer, answer.length));
                } catch (SocketTimeoutException unanswered) {
                    // The next query may be answered.
                }
                Thread.sleep(20);
            }
        } catch (IOException | InterruptedException e) {
            // The test's assertions tell whether enough was received.
        }
    }

    private static void write(String path, String value) throws IOException {
        Files.writeString(Path.of(path), value + "\n");
    }
}
