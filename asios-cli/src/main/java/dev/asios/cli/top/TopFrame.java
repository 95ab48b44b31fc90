package dev.asios.cli.top;

import dev.asios.cli.Bytes;
import dev.asios.observe.metric.HistogramValue;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * One screen of {@code asios top}, computed from two consecutive samples of the agent's metrics:
 * rates are the change between them over the time between them. Pure: text in, text out.
 */
final class TopFrame {

    private static final List<String> BUSY_MODES = List.of("user", "nice", "system", "irq", "softirq", "steal");
    private static final int BAR = 20;

    private final MetricsSample before;
    private final MetricsSample now;
    private final double seconds;
    private final StringBuilder out = new StringBuilder();

    private TopFrame(MetricsSample before, MetricsSample now) {
        this.before = before;
        this.now = now;
        this.seconds = Math.max(1e-3, (now.timeMs() - before.timeMs()) / 1000.0);
    }

    /** The screen for the change from {@code before} to {@code now}, under {@code header}. */
    static String render(String header, MetricsSample before, MetricsSample now) {
        TopFrame frame = new TopFrame(before, now);
        frame.out.append(header).append('\n');
        frame.cpus();
        frame.memory();
        frame.pressure();
        frame.devices("Disk", "asios_disk_read_bytes_total", "asios_disk_written_bytes_total", "device", "read", "write");
        frame.devices("Network", "asios_network_receive_bytes_total", "asios_network_transmit_bytes_total", "interface", "receive", "transmit");
        frame.gpus();
        frame.agent();
        return frame.out.toString();
    }

    private void cpus() {
        List<String> cpus = now.labelValues("asios_cpu_seconds_total", "cpu");
        if (cpus.isEmpty()) {
            out.append("CPU: no data yet\n");
            return;
        }
        out.append(String.format(Locale.ROOT, "%n%-5s %-" + (BAR + 2) + "s %5s %5s %5s %6s %9s %10s%n", "CPU", "busy", "busy", "user", "sys", "iowait", "irq/s", "runq p99"));
        for (String cpu : cpus) {
            double total = 0;
            double busy = 0;
            for (Map<String, String> labels : now.series("asios_cpu_seconds_total")) {
                if (cpu.equals(labels.get("cpu"))) {
                    double delta = rate("asios_cpu_seconds_total", labels).orElse(0.0);
                    total += delta;
                    if (BUSY_MODES.contains(labels.get("mode"))) {
                        busy += delta;
                    }
                }
            }
            double share = total > 0 ? busy / total : 0;
            boolean isolated = now.value("asios_cpu_isolated", Map.of("cpu", cpu)).orElse(0.0) > 0;
            out.append(String.format(Locale.ROOT, "%-5s %s %4.0f%% %4.0f%% %4.0f%% %5.0f%% %9s %10s%n", cpu + (isolated ? "*" : ""), bar(share),
                    share * 100, modeShare(cpu, "user", total), modeShare(cpu, "system", total), modeShare(cpu, "iowait", total),
                    rate("asios_cpu_interrupts_total", Map.of("cpu", cpu)).map(TopFrame::count).orElse("-"),
                    p99("asios_runqueue_latency_seconds", Map.of("cpu", cpu)).map(TopFrame::duration).orElse("-")));
        }
        if (cpus.stream().anyMatch(c -> now.value("asios_cpu_isolated", Map.of("cpu", c)).orElse(0.0) > 0)) {
            out.append("      * isolated\n");
        }
    }

    private double modeShare(String cpu, String mode, double total) {
        return total > 0 ? rate("asios_cpu_seconds_total", Map.of("cpu", cpu, "mode", mode)).orElse(0.0) / total * 100 : 0;
    }

    private void memory() {
        out.append('\n');
        Optional<Double> total = now.value("asios_memory_total_bytes", Map.of());
        Optional<Double> available = now.value("asios_memory_available_bytes", Map.of());
        if (total.isPresent() && available.isPresent()) {
            out.append("Memory  ").append(bytes(total.get() - available.get())).append(" used of ").append(bytes(total.get()));
            now.value("asios_swap_total_bytes", Map.of()).filter(t -> t > 0).ifPresent(t -> out.append(", swap ")
                    .append(bytes(t - now.value("asios_swap_free_bytes", Map.of()).orElse(t))).append(" used of ").append(bytes(t)));
            out.append('\n');
        } else {
            out.append("Memory: no data yet\n");
        }
        for (String node : now.labelValues("asios_node_memory_total_bytes", "node")) {
            Map<String, String> labels = Map.of("node", node);
            out.append("  node ").append(node).append(": ").append(bytes(now.value("asios_node_memory_used_bytes", labels).orElse(0.0)))
                    .append(" used of ").append(bytes(now.value("asios_node_memory_total_bytes", labels).orElse(0.0))).append('\n');
        }
    }

    private void pressure() {
        StringBuilder line = new StringBuilder();
        for (String resource : List.of("cpu", "memory", "io")) {
            rate("asios_pressure_stalled_seconds_total", Map.of("resource", resource, "kind", "some"))
                    .ifPresent(r -> line.append(String.format(Locale.ROOT, "  %s %.1f%%", resource, r * 100)));
        }
        if (!line.isEmpty()) {
            out.append("Pressure (share of time some task stalled):").append(line).append('\n');
        }
    }

    private void devices(String title, String readName, String writeName, String label, String readTitle, String writeTitle) {
        List<String> names = now.labelValues(readName, label);
        if (names.isEmpty()) {
            return;
        }
        out.append(String.format(Locale.ROOT, "%n%-16s %12s %12s%n", title, readTitle + "/s", writeTitle + "/s"));
        for (String name : names) {
            Map<String, String> labels = Map.of(label, name);
            out.append(String.format(Locale.ROOT, "  %-14s %12s %12s%n", name, rate(readName, labels).map(TopFrame::bytes).orElse("-"),
                    rate(writeName, labels).map(TopFrame::bytes).orElse("-")));
        }
    }

    private void gpus() {
        List<String> gpus = now.labelValues("asios_gpu_utilization_ratio", "gpu");
        for (String gpu : gpus) {
            Map<String, String> labels = now.series("asios_gpu_utilization_ratio").stream().filter(l -> gpu.equals(l.get("gpu"))).findFirst().orElseThrow();
            out.append(String.format(Locale.ROOT, "GPU %-3s %s %4.0f%%  memory %s of %s  %s  %s%n", gpu, bar(now.value("asios_gpu_utilization_ratio", labels).orElse(0.0)),
                    now.value("asios_gpu_utilization_ratio", labels).orElse(0.0) * 100,
                    bytes(now.value("asios_gpu_memory_used_bytes", labels).orElse(0.0)), bytes(now.value("asios_gpu_memory_total_bytes", labels).orElse(0.0)),
                    now.value("asios_gpu_temperature_celsius", labels).map(t -> String.format(Locale.ROOT, "%.0f°C", t)).orElse(""),
                    now.value("asios_gpu_power_watts", labels).map(w -> String.format(Locale.ROOT, "%.0f W", w)).orElse("")));
        }
    }

    private void agent() {
        double cpu = rate("asios_agent_cpu_seconds_total", Map.of("mode", "user")).orElse(0.0)
                + rate("asios_agent_cpu_seconds_total", Map.of("mode", "system")).orElse(0.0);
        out.append(String.format(Locale.ROOT, "%nagent: %.2f%% of one CPU, %s resident%n", cpu * 100,
                bytes(now.value("asios_agent_resident_memory_bytes", Map.of()).orElse(0.0))));
    }

    private Optional<Double> rate(String name, Map<String, String> labels) {
        Optional<Double> a = before.value(name, labels);
        Optional<Double> b = now.value(name, labels);
        if (a.isEmpty() || b.isEmpty() || b.get() < a.get()) {
            return Optional.empty();
        }
        return Optional.of((b.get() - a.get()) / seconds);
    }

    private Optional<Double> p99(String name, Map<String, String> labels) {
        Optional<long[]> a = before.histogram(name, labels);
        Optional<long[]> b = now.histogram(name, labels);
        Optional<double[]> bounds = now.bounds(name);
        if (a.isEmpty() || b.isEmpty() || bounds.isEmpty() || a.get().length != b.get().length || b.get().length != bounds.get().length) {
            return Optional.empty();
        }
        long[] delta = new long[b.get().length];
        for (int i = 0; i < delta.length; i++) {
            delta[i] = Math.max(0, b.get()[i] - a.get()[i]);
        }
        double p99 = new HistogramValue(bounds.get(), delta, 0).quantileUpperBound(0.99);
        return Double.isNaN(p99) ? Optional.empty() : Optional.of(p99);
    }

    private static String bar(double share) {
        int filled = (int) Math.round(Math.max(0, Math.min(1, share)) * BAR);
        return "[" + "#".repeat(filled) + " ".repeat(BAR - filled) + "]";
    }

    private static String bytes(double value) {
        return Bytes.human(Math.round(value));
    }

    private static String count(double perSecond) {
        return perSecond >= 10_000 ? String.format(Locale.ROOT, "%.1fk", perSecond / 1000) : String.format(Locale.ROOT, "%.0f", perSecond);
    }

    private static String duration(double seconds) {
        return seconds >= 1e-3 ? String.format(Locale.ROOT, "%.1f ms", seconds * 1e3) : String.format(Locale.ROOT, "%.0f us", seconds * 1e6);
    }
}
