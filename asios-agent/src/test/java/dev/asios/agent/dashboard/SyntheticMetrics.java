package dev.asios.agent.dashboard;

import dev.asios.observe.metric.HistogramSeries;
import dev.asios.observe.metric.MetricFamily;
import dev.asios.observe.metric.MetricRegistry;
import dev.asios.observe.metric.Series;
import java.util.Random;

/**
 * Plausible, changing values for the metrics the dashboard draws, under the names the collectors
 * expose: 2 CPUs (CPU 1 isolated and nearly idle), 1 NUMA node with 2 MiB hugepages, a run-queue
 * latency histogram that grows, one NVMe disk and one NIC, a root file system filling slowly, and
 * the agent's own cost. No GPU
 * families: the dashboard shows why. {@link #advance} moves every counter on by a time step;
 * call it from one thread.
 */
final class SyntheticMetrics {

    private volatile long advancedAtMs;
    private static final String[] MODES = {"user", "nice", "system", "idle", "iowait", "irq", "softirq", "steal"};
    private static final double[] LOG2_MICROSECONDS = log2MicrosecondBounds(20);
    private static final double GIB = 1024.0 * 1024 * 1024;

    private final Random random = new Random(42);
    private final Series[][] cpuSeconds = new Series[2][MODES.length];
    private final double[][] cpuTotals = new double[2][MODES.length];
    private final Series nodeUsed;
    private final Series nodeFree;
    private final Series available;
    private final Series hugepagesFree;
    private final Series rootAvailable;
    private final Series memoryStalled;
    private final HistogramSeries runqueue;
    private final long[] runqueueCounts = new long[LOG2_MICROSECONDS.length + 1];
    private final HistogramSeries blockLatency;
    private final long[] blockCounts = new long[LOG2_MICROSECONDS.length + 1];
    private final Series[] byteCounters;
    private final double[] bytes = new double[4];
    private final Series agentUser;
    private double runqueueSum;
    private double blockSum;
    private double stalledSeconds;
    private double agentSeconds;
    private double elapsedSeconds;

    SyntheticMetrics(MetricRegistry registry) {
        MetricFamily cpu = registry.counter("asios_cpu_seconds", "Time each CPU spent in each mode.", "seconds", "cpu", "mode");
        for (int c = 0; c < 2; c++) {
            for (int m = 0; m < MODES.length; m++) {
                cpuSeconds[c][m] = cpu.series(String.valueOf(c), MODES[m]);
            }
        }
        MetricFamily isolated = registry.gauge("asios_cpu_isolated", "1 if the CPU is isolated from the scheduler's load balancing.", null, "cpu");
        isolated.series("0").set(0);
        isolated.series("1").set(1);
        registry.gauge("asios_node_memory_total_bytes", "Memory of each NUMA node.", "bytes", "node").series("0").set(16 * GIB);
        nodeUsed = registry.gauge("asios_node_memory_used_bytes", "Used memory of each NUMA node.", "bytes", "node").series("0");
        nodeFree = registry.gauge("asios_node_memory_free_bytes", "Free memory of each NUMA node.", "bytes", "node").series("0");
        MetricFamily hugepages = registry.gauge("asios_hugepages", "Hugepages of each NUMA node by page size and state.", null, "node", "page_size_bytes", "state");
        hugepages.series("0", "2097152", "total").set(512);
        hugepages.series("0", "2097152", "surplus").set(0);
        hugepagesFree = hugepages.series("0", "2097152", "free");
        String[] root = {"/", "/dev/nvme0n1p2", "ext4"};
        registry.gauge("asios_filesystem_size_bytes", "Size of the file system.", "bytes", "mountpoint", "device", "fstype").series(root).set(512 * GIB);
        rootAvailable = registry.gauge("asios_filesystem_avail_bytes", "Free space a user may fill.", "bytes", "mountpoint", "device", "fstype")
                .series(root);
        registry.gauge("asios_memory_total_bytes", "Memory of the host.", "bytes").series().set(16 * GIB);
        available = registry.gauge("asios_memory_available_bytes", "Memory available to new work.", "bytes").series();
        memoryStalled = registry.counter("asios_pressure_stalled_seconds", "Time tasks stalled on a resource.", "seconds", "resource", "kind").series("memory", "some");
        runqueue = registry.histogram("asios_runqueue_latency_seconds", "Time runnable tasks waited for a CPU.", "seconds", LOG2_MICROSECONDS, "cpu").histogram("0");
        blockLatency = registry.histogram("asios_block_io_latency_seconds", "Block I/O latency per device.", "seconds", LOG2_MICROSECONDS, "device").histogram("nvme0n1");
        byteCounters = new Series[] {
            registry.counter("asios_disk_read_bytes", "Bytes read from each disk.", "bytes", "device").series("nvme0n1"),
            registry.counter("asios_disk_written_bytes", "Bytes written to each disk.", "bytes", "device").series("nvme0n1"),
            registry.counter("asios_network_receive_bytes", "Bytes received on each interface.", "bytes", "interface").series("eth0"),
            registry.counter("asios_network_transmit_bytes", "Bytes sent on each interface.", "bytes", "interface").series("eth0"),
        };
        agentUser = registry.counter("asios_agent_cpu_seconds", "CPU time the agent process used, by mode.", "seconds", "mode").series("user");
        registry.gauge("asios_agent_resident_memory_bytes", "Resident memory of the agent process.", "bytes").series().set(96 * 1024 * 1024);
        advance(0.2);
    }

    private static double[] log2MicrosecondBounds(int count) {
        double[] bounds = new double[count];
        for (int i = 0; i < count; i++) {
            bounds[i] = Math.scalb(1e-6, i);
        }
        return bounds;
    }

    /** When {@link #advance} last ran, epoch ms: the agent's "collected at". */
    long advancedAtMs() {
        return advancedAtMs;
    }

    /** Moves every counter on by {@code seconds} of a host that is busy in waves. */
    void advance(double seconds) {
        advancedAtMs = System.currentTimeMillis();
        elapsedSeconds += seconds;
        double wave = 0.5 + 0.4 * Math.sin(elapsedSeconds / 2);
        advanceCpu(0, seconds, wave);
        advanceCpu(1, seconds, 0.03);
        double usedGib = 6 + 2 * wave;
        nodeUsed.set(usedGib * GIB);
        nodeFree.set((16 - usedGib) * GIB);
        available.set((16 - usedGib + 1.5) * GIB);
        hugepagesFree.set(100 + Math.round(50 * wave));
        rootAvailable.set(200 * GIB - elapsedSeconds * 0.01 * GIB);
        stalledSeconds += seconds * 0.02 * wave;
        memoryStalled.set(stalledSeconds);
        runqueueSum = grow(runqueue, runqueueCounts, runqueueSum, seconds * 4000, 3 + 4 * wave);
        blockSum = grow(blockLatency, blockCounts, blockSum, seconds * 800, 6 + wave);
        double[] perSecond = {180e6 * wave, 60e6 * (1 - wave), 12e6 * wave + 1e6, 3e6};
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] += perSecond[i] * seconds * (0.8 + 0.4 * random.nextDouble());
            byteCounters[i].set(Math.floor(bytes[i]));
        }
        agentSeconds += seconds * 0.004;
        agentUser.set(agentSeconds);
    }

    private void advanceCpu(int cpu, double seconds, double busy) {
        double[] shares = {busy * 0.7, 0, busy * 0.25, (1 - busy) * 0.95, (1 - busy) * 0.05, 0, busy * 0.05, 0};
        for (int m = 0; m < MODES.length; m++) {
            cpuTotals[cpu][m] += seconds * shares[m] * (0.9 + 0.2 * random.nextDouble());
            cpuSeconds[cpu][m].set(cpuTotals[cpu][m]);
        }
    }

    /** Adds {@code events} latencies around bucket {@code centre} (log-normal-ish); returns the new sum in seconds. */
    private double grow(HistogramSeries histogram, long[] counts, double previousSum, double events, double centre) {
        double sum = previousSum;
        for (int i = 0; i < events; i++) {
            int bucket = (int) Math.max(0, Math.min(counts.length - 1, Math.round(centre + random.nextGaussian() * 1.5)));
            counts[bucket]++;
            sum += bucket < LOG2_MICROSECONDS.length ? LOG2_MICROSECONDS[bucket] * 0.75 : LOG2_MICROSECONDS[LOG2_MICROSECONDS.length - 1];
        }
        histogram.set(counts, sum);
        return sum;
    }
}
