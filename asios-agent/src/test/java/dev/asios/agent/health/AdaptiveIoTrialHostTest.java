package dev.asios.agent.health;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.agent.Agent;
import dev.asios.agent.AgentSettings;
import dev.asios.health.audit.AuditEvent;
import dev.asios.health.audit.AuditEventType;
import dev.asios.health.policy.HealPolicy;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.tune.apply.ExecutionListener;
import dev.asios.tune.apply.Rollback;
import dev.asios.tune.plan.ValueFormat;
import java.io.IOException;
import java.net.InetAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One real adaptive I/O scheduler trial on this host's virtio disk {@code vda}: the agent runs in
 * enforce mode with the {@code adaptive-io-scheduler} section enabled and 10 s trials, {@code fio}
 * reads 4 KiB blocks at random with 16 in flight (direct I/O on a file under /var/tmp); the agent
 * must start a trial, end it kept or reverted, leave the scheduler as it decided, and the journal
 * rollback must restore the original. Prints the trial's numbers. Restores the scheduler and the
 * read-ahead, stops fio and deletes its file whatever happens.
 */
@Tag("host")
@Tag("slow")
class AdaptiveIoTrialHostTest {

    private static final String DEVICE = "vda";
    private static final String SCHEDULER = "/sys/block/" + DEVICE + "/queue/scheduler";
    private static final String READ_AHEAD = "/sys/block/" + DEVICE + "/queue/read_ahead_kb";
    private static final Path FIO_FILE = Path.of("/var/tmp/asios-adaptive-io-trial.fio");
    private static final String POLICY = """
            mode: enforce
            remediations:
              adaptive-io-scheduler:
                enabled: true
                trial-duration: 10s
                min-improvement-percent: 10
            """;

    @TempDir
    Path state;

    @Test
    void aTrialOnTheRealDiskIsKeptOrRevertedAsDecidedAndTheJournalRestoresTheOriginal() throws Exception {
        Sysroot host = Sysroot.host();
        Path journal = state.resolve("tune");
        String originalScheduler = ValueFormat.BRACKETED.effective(host.readTrimmed(SCHEDULER).orElseThrow());
        String originalReadAhead = host.readTrimmed(READ_AHEAD).orElseThrow();
        Process fio = null;
        try {
            run(List.of("fio", "--name=layout", "--filename=" + FIO_FILE, "--size=512M", "--create_only=1"));
            HealthOptions health = new HealthOptions(HealPolicy.parse(POLICY, "adaptive-io-test"), Optional.empty(), HealthOptions.PROFILES_DIR,
                    HealthOptions.RETRY_AFTER);
            try (Agent agent = Agent.start(new AgentSettings(InetAddress.getLoopbackAddress(), 0, Duration.ofMillis(500), state, journal, host, true, health),
                    "test")) {
                assertThat(agent.collectors()).isNotEmpty();
                long startMs = System.currentTimeMillis();
                fio = new ProcessBuilder("fio", "--name=random-reads", "--filename=" + FIO_FILE, "--size=512M", "--rw=randread", "--bs=4k", "--iodepth=16",
                        "--ioengine=libaio", "--direct=1", "--time_based", "--runtime=90").redirectErrorStream(true).redirectOutput(state.resolve("fio.log").toFile())
                        .start();
                AuditEvent started = AuditEvents.await(state, AuditEventType.TRIAL_STARTED, startMs, Duration.ofSeconds(60));
                String tried = started.after().toString();
                System.out.printf("trial started after %d ms: %s; baseline %s%n", started.epochMs() - startMs, started.outcome(), started.before());
                AuditEvent ended = awaitEnd(startMs);
                System.out.printf("trial %s: %s%n  baseline %s%n  trial %s%n", ended.type().wireName(), ended.outcome(), ended.before(), ended.after());
                String path = started.before().toString().contains(SCHEDULER) ? SCHEDULER : READ_AHEAD;
                ValueFormat format = path.equals(SCHEDULER) ? ValueFormat.BRACKETED : ValueFormat.PLAIN;
                String original = path.equals(SCHEDULER) ? originalScheduler : originalReadAhead;
                String now = format.effective(host.readTrimmed(path).orElseThrow());
                assertThat(now).isEqualTo(ended.type() == AuditEventType.TRIAL_KEPT ? tried : original);
            }
            new Rollback(host, journal, Clock.systemUTC(), ExecutionListener.NONE).run();
            assertThat(ValueFormat.BRACKETED.effective(host.readTrimmed(SCHEDULER).orElseThrow())).isEqualTo(originalScheduler);
            assertThat(host.readTrimmed(READ_AHEAD)).hasValue(originalReadAhead);
        } finally {
            if (fio != null) {
                fio.destroy();
                fio.waitFor(10, TimeUnit.SECONDS);
            }
            new Rollback(host, journal, Clock.systemUTC(), ExecutionListener.NONE).run();
            Files.writeString(Path.of(SCHEDULER), originalScheduler + "\n");
            Files.writeString(Path.of(READ_AHEAD), originalReadAhead + "\n");
            Files.deleteIfExists(FIO_FILE);
        }
    }

    private AuditEvent awaitEnd(long sinceMs) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(40).toNanos();
        while (System.nanoTime() < deadline) {
            for (AuditEventType type : List.of(AuditEventType.TRIAL_KEPT, AuditEventType.TRIAL_REVERTED)) {
                List<AuditEvent> events = AuditEvents.since(state, type, sinceMs);
                if (!events.isEmpty()) {
                    return events.getFirst();
                }
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the trial did not end within 40 s");
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command)).isZero();
    }
}
