package dev.asios.health.adapt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.health.audit.AuditEvent;
import dev.asios.health.audit.AuditEventType;
import dev.asios.health.audit.AuditLog;
import dev.asios.health.audit.AuditLogSettings;
import dev.asios.health.audit.AuditQuery;
import dev.asios.health.policy.HealGate;
import dev.asios.health.policy.HealPolicy;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.observe.runs.TrackedRuns;
import dev.asios.tune.apply.ExecutionListener;
import dev.asios.tune.apply.Rollback;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pool manager on this host's node 0 with 2 MiB pages: 4 pages are held through a file on a
 * hugetlbfs mount, and the manager, in enforce mode with 10% headroom, grows the pool to 5; with
 * the file gone and the idle delay passed (the checks' time is stepped), it shrinks the pool to
 * what is held; the journal rollback restores the original size. Restores the size, unmounts and
 * removes everything whatever happens.
 */
@Tag("host")
@Tag("slow")
class HugepagePoolHostTest {

    private static final String SIZE = "/sys/devices/system/node/node0/hugepages/hugepages-2048kB/nr_hugepages";

    @TempDir
    Path state;

    @Test
    void theNode0PoolGrowsToWhatIsHeldPlusHeadroomAndShrinksWhenIdle() throws Exception {
        Sysroot host = Sysroot.host();
        Path journal = state.resolve("tune");
        Path mount = Files.createDirectories(state.resolve("hugetlbfs"));
        String original = host.readTrimmed(SIZE).orElseThrow();
        try (AuditLog audit = AuditLog.open(state.resolve("audit"), AuditLogSettings.STANDARD, InstantSource.system())) {
            HealGate gate = new HealGate(HealPolicy.parse(HugepagePoolManagerTest.POLICY, "hugepage-test"));
            HugepagePoolManager manager = new HugepagePoolManager(gate, audit, host, journal, Clock.systemUTC(), TrackedRuns.NONE);
            Files.writeString(Path.of(SIZE), "4\n");
            run("mount", "-t", "hugetlbfs", "-o", "pagesize=2M", "none", mount.toString());
            run("fallocate", "-l", "8M", mount.resolve("held").toString());
            long nowMs = System.currentTimeMillis();
            manager.onRound(nowMs);
            assertThat(host.readTrimmed(SIZE)).hasValue("5");
            AuditEvent grown = applied(audit).getLast();
            System.out.printf("grow: %s; before %s, after %s%n", grown.outcome(), grown.before(), grown.after());

            manager.onRound(nowMs += 61_000);
            assertThat(host.readTrimmed(SIZE)).as("never below what is held and its headroom").hasValue("5");
            Files.delete(mount.resolve("held"));
            manager.onRound(nowMs += 10_000);
            manager.onRound(nowMs += 61_000);
            assertThat(host.readTrimmed(SIZE)).hasValue("0");
            AuditEvent shrunk = applied(audit).getLast();
            System.out.printf("shrink: %s; why %s%n", shrunk.outcome(), shrunk.why());

            new Rollback(host, journal, Clock.systemUTC(), ExecutionListener.NONE).run();
            assertThat(host.readTrimmed(SIZE)).as("the journal holds the size before the first change").hasValue("4");
        } finally {
            new ProcessBuilder("umount", mount.toString()).start().waitFor(10, TimeUnit.SECONDS);
            Files.writeString(Path.of(SIZE), original + "\n");
        }
        assertThat(host.readTrimmed(SIZE)).hasValue(original);
    }

    private static List<AuditEvent> applied(AuditLog audit) {
        return audit.query(AuditQuery.all().withNewestFirst(false)).events().stream().filter(e -> e.type() == AuditEventType.REMEDIATION_APPLIED).toList();
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ": " + new String(process.getInputStream().readAllBytes())).isZero();
    }
}
