package dev.asios.bench.jitter;

import dev.asios.bench.LatencyCounts;
import java.io.PrintStream;
import java.time.Duration;
import java.util.OptionalInt;

/**
 * Runs one jitter probe in a process of its own, for a CPU that only processes inside the isolated
 * cpuset may use ({@link JitterBenchmark} starts it there).
 *
 * <p>Arguments: {@code wakeup CPU INTERVAL_US DURATION_MS PRIORITY} (PRIORITY a SCHED_FIFO priority,
 * or {@code -}) prints a {@code latency} and a {@code counts} line; {@code noise CPU THRESHOLD_NS
 * DURATION_MS} prints a {@code noise} line (see {@link JitterProbeLines}). Exits 0; on a bad
 * argument or a failed probe it prints {@code error MESSAGE} and exits 1.
 */
public final class JitterProbeMain {

    private JitterProbeMain() {
    }

    /** Runs the probe as described above; ends the JVM. */
    public static void main(String[] args) {
        PrintStream out = System.out;
        try {
            if (args.length == 5 && args[0].equals("wakeup")) {
                OptionalInt priority = args[4].equals("-") ? OptionalInt.empty() : OptionalInt.of(Integer.parseInt(args[4]));
                LatencyCounts counts = new LatencyCounts();
                WakeupLatency latency = new TimerWakeupProbe(Integer.parseInt(args[1]), Long.parseLong(args[2]), priority)
                        .run(Duration.ofMillis(Long.parseLong(args[3])), counts);
                out.println(JitterProbeLines.latency(latency));
                StringBuilder line = new StringBuilder(JitterProbeLines.COUNTS);
                counts.distribution("", "", "").buckets().forEach(b -> line.append(' ').append((long) b.from()).append(':').append(b.count()));
                out.println(line);
            } else if (args.length == 4 && args[0].equals("noise")) {
                OsNoise noise = new OsNoiseProbe(Integer.parseInt(args[1]), Long.parseLong(args[2])).run(Duration.ofMillis(Long.parseLong(args[3])));
                out.println(JitterProbeLines.noise(noise));
            } else {
                throw new IllegalArgumentException("usage: JitterProbeMain wakeup CPU INTERVAL_US DURATION_MS PRIORITY|-"
                        + " or JitterProbeMain noise CPU THRESHOLD_NS DURATION_MS");
            }
            out.flush();
            System.exit(0);
        } catch (Exception e) {
            out.println("error " + e.getMessage());
            out.flush();
            System.exit(1);
        }
    }
}
