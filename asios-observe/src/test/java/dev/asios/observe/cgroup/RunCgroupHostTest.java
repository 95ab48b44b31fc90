package dev.asios.observe.cgroup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.asios.host.kernel.CgroupMount;
import dev.asios.host.kernel.CgroupVersion;
import dev.asios.host.kernel.Cgroups;
import dev.asios.host.kernel.KernelStateReader;
import dev.asios.host.parse.CpuSet;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.host.sysroot.SysrootValues;
import dev.asios.observe.collect.Scrape;
import dev.asios.observe.metric.MetricRegistry;
import dev.asios.observe.runs.TrackedRun;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The collector on a real cgroup of this host: on cgroup v2 where its unified hierarchy has the
 * {@code cpu} controller, else in the v1 {@code cpuacct} hierarchy (as on a hybrid host). A busy
 * shell loop is moved into it and its CPU seconds must rise; the process is killed and the cgroup
 * removed whatever happens. Needs root.
 */
@Tag("host")
class RunCgroupHostTest {

    private static final long BUSY_MS = 600;

    @Test
    void aBusyProcessInARealCgroupRaisesTheRunsCpuSeconds() throws Exception {
        Sysroot host = Sysroot.host();
        String mount = cpuAccountingMount(host).orElse(null);
        Assumptions.assumeTrue(mount != null, "no cgroup hierarchy accounts CPU time on this host");
        String folder = mount + "/asios-observe-test-" + ProcessHandle.current().pid();
        try {
            host.createDirectory(folder);
        } catch (IOException e) {
            Assumptions.abort("cannot make a cgroup (root is needed): " + e.getMessage());
        }
        Process busy = null;
        try {
            busy = new ProcessBuilder("sh", "-c", "while :; do :; done").start();
            host.write(folder + "/cgroup.procs", busy.pid() + "\n");
            MetricRegistry registry = new MetricRegistry();
            RunCgroupCollector collector = new RunCgroupCollector(host, registry, () -> List.of(new TrackedRun("host-test", List.of(folder))));
            Scrape scrape = new Scrape(registry);
            collector.collect();
            double before = scrape.value("asios_run_cpu_seconds", "host-test");
            Thread.sleep(BUSY_MS);
            collector.collect();
            double after = scrape.value("asios_run_cpu_seconds", "host-test");
            assertThat(before).isNotNaN();
            assertThat(after - before).as("CPU seconds of a busy loop over %d ms", BUSY_MS).isGreaterThan(0.05);
            assertThat(scrape.value("asios_run_memory_bytes", "host-test")).as("no memory controller in this folder's hierarchy, or a value").satisfiesAnyOf(
                    v -> assertThat(v).isNaN(), v -> assertThat(v).isPositive());
        } finally {
            if (busy != null) {
                busy.destroyForcibly();
                busy.waitFor(10, TimeUnit.SECONDS);
            }
            removeWhenEmpty(host, folder);
        }
    }

    /** The unified hierarchy if it has the cpu controller, else the v1 hierarchy of cpuacct. */
    private static Optional<String> cpuAccountingMount(Sysroot host) {
        Optional<Cgroups> cgroups = new KernelStateReader(new SysrootValues(host)).read(CpuSet.empty()).cgroups();
        List<CgroupMount> mounts = cgroups.map(Cgroups::mounts).orElse(List.of());
        return mounts.stream().filter(m -> m.version() == CgroupVersion.V2 && m.controllers().contains("cpu")).findFirst()
                .or(() -> mounts.stream().filter(m -> m.version() == CgroupVersion.V1 && m.controllers().contains("cpuacct")).findFirst())
                .map(CgroupMount::mountPoint);
    }

    /** The kernel lets a cgroup go once its last task is reaped, which can take a moment after SIGKILL. */
    private static void removeWhenEmpty(Sysroot host, String folder) throws IOException, InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try {
                host.removeDirectory(folder);
                return;
            } catch (IOException e) {
                if (attempt == 50) {
                    throw e;
                }
                Thread.sleep(100);
            }
        }
    }
}
