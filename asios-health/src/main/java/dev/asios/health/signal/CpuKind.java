package dev.asios.health.signal;

import dev.asios.health.signal.SignalNames.Cpu;
import dev.asios.observe.metric.Series;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code cpu/N} for every CPU of {@code asios_cpu_seconds_total{cpu,mode}}: the shares of its
 * time by mode (changes of the mode counters over the change of their sum),
 * {@code asios_cpu_interrupts_total} and {@code asios_cpu_runqueue_wait_seconds_total} as rates,
 * and the p50 and p99 of {@code asios_runqueue_latency_seconds{cpu}} over the round.
 */
final class CpuKind extends SignalKind {

    static final String SECONDS = "asios_cpu_seconds";
    static final String INTERRUPTS = "asios_cpu_interrupts";
    static final String RUNQUEUE_WAIT = "asios_cpu_runqueue_wait_seconds";
    static final String RUNQUEUE_LATENCY = "asios_runqueue_latency_seconds";

    private static final List<String> BUSY_MODES = List.of("user", "nice", "system", "irq", "softirq");

    CpuKind() {
        super(SECONDS, INTERRUPTS, RUNQUEUE_WAIT, RUNQUEUE_LATENCY);
    }

    @Override
    void build(KindBuild build) {
        SeriesLookup lookup = build.lookup();
        for (String cpu : lookup.firstLabels(SECONDS)) {
            List<Series> all = lookup.withFirstLabel(SECONDS, cpu);
            build.group(Cpu.KIND, cpu)
                    .add(Cpu.BUSY_RATIO, build.changeRatio(modes(lookup, cpu, BUSY_MODES), all, Double.NaN))
                    .add(Cpu.IOWAIT_RATIO, build.changeRatio(modes(lookup, cpu, List.of("iowait")), all, Double.NaN))
                    .add(Cpu.IRQ_SOFTIRQ_RATIO, build.changeRatio(modes(lookup, cpu, List.of("irq", "softirq")), all, Double.NaN))
                    .add(Cpu.STEAL_RATIO, build.changeRatio(modes(lookup, cpu, List.of("steal")), all, Double.NaN))
                    .add(Cpu.INTERRUPTS_PER_SECOND, build.rate(lookup.series(INTERRUPTS, cpu)))
                    .add(Cpu.RUNQUEUE_WAIT_SECONDS_PER_SECOND, build.rate(lookup.series(RUNQUEUE_WAIT, cpu)))
                    .add(Cpu.RUNQUEUE_P50_SECONDS, build.quantile(lookup.histogram(RUNQUEUE_LATENCY, cpu), 0.5))
                    .add(Cpu.RUNQUEUE_P99_SECONDS, build.quantile(lookup.histogram(RUNQUEUE_LATENCY, cpu), 0.99))
                    .done();
        }
    }

    // A mode the collector lacks makes the list hold null, and the signal missing.
    private static List<Series> modes(SeriesLookup lookup, String cpu, List<String> modes) {
        List<Series> series = new ArrayList<>();
        for (String mode : modes) {
            series.add(lookup.series(SECONDS, cpu, mode));
        }
        return series;
    }
}
