package dev.asios.health.rules;

import dev.asios.health.policy.RemediationKind;
import dev.asios.health.signal.SignalRound;
import dev.asios.host.findings.Severity;
import dev.asios.host.kernel.InterruptLine;
import dev.asios.host.kernel.Interrupts;
import dev.asios.host.kernel.InterruptsParser;
import dev.asios.host.parse.CpuSet;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.host.sysroot.SysrootValues;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@value #ID}: a device interrupt handled on an isolated CPU since the previous check. Every
 * {@code interval}, {@code /proc/interrupts} is read and parsed by asios-host's
 * {@link InterruptsParser}; for each numbered IRQ the count of every isolated CPU's column is
 * compared with the previous check's (the first check only records them; a count that went down,
 * a driver that freed and took the IRQ again, is not counted). The evidence names the IRQ, its
 * handlers and controller, and its {@code smp_affinity_list} and {@code effective_affinity_list}.
 * Architecture rows ({@code LOC}, {@code RES}, ...) are not device interrupts and are left out.
 * Without isolated CPUs nothing is read, and the next check after CPUs are isolated starts again
 * by recording the counts.
 * Subject {@code cpu/N}, one finding per IRQ ({@code irq/N}); the remediation is to move the IRQ
 * off.
 */
public final class IrqOnIsolatedRule extends RuleBase {

    /** The rule's id. */
    public static final String ID = "irq-on-isolated-cpu";
    /** By default: a check every 2 seconds. */
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(2);
    /** By default: fire on the first check that counts one, clear after 2 checks without. */
    public static final Hysteresis DEFAULT_HYSTERESIS = new Hysteresis(1, 2);

    static final String INTERRUPTS = "/proc/interrupts";

    private final Sysroot sysroot;
    private final SysrootValues values;
    private final Supplier<CpuSet> isolatedCpus;
    /** The counts of the previous check on the isolated CPUs, by {@link #key}; null before the first. */
    private Map<Long, Long> previous;

    /**
     * A rule reading {@code sysroot}'s interrupts for the CPUs {@code isolatedCpus} gives.
     *
     * @throws IllegalArgumentException if the interval is outside 100 ms .. 1 h
     */
    public IrqOnIsolatedRule(Sysroot sysroot, Supplier<CpuSet> isolatedCpus, Duration interval, Hysteresis hysteresis) {
        super(ID, hysteresis, "IRQ check interval", interval);
        this.sysroot = sysroot;
        this.values = new SysrootValues(sysroot);
        this.isolatedCpus = isolatedCpus;
    }

    /**
     * Compares the counts with the previous check's.
     *
     * @throws IOException if {@code /proc/interrupts} is missing or unreadable
     * @throws dev.asios.host.parse.ParseException if it is garbled
     */
    @Override
    public List<Symptom> check(SignalRound round) throws IOException {
        CpuSet isolated = isolatedCpus.get();
        if (isolated.isEmpty()) {
            previous = null;
            return List.of();
        }
        String text = sysroot.read(INTERRUPTS).orElseThrow(() -> new IOException(INTERRUPTS + " is missing or unreadable"));
        Interrupts interrupts = InterruptsParser.parse(text);
        Map<Long, Long> counts = new HashMap<>();
        List<Symptom> symptoms = new ArrayList<>();
        for (InterruptLine line : interrupts.lines()) {
            if (line.irq().isEmpty() || line.counts().size() != interrupts.cpus().size()) {
                continue;
            }
            int irq = line.irq().getAsInt();
            for (int column = 0; column < interrupts.cpus().size(); column++) {
                int cpu = interrupts.cpus().get(column);
                if (!isolated.contains(cpu)) {
                    continue;
                }
                long count = line.counts().get(column);
                counts.put(key(irq, cpu), count);
                Long before = previous == null ? null : previous.get(key(irq, cpu));
                if (before != null && count > before) {
                    symptoms.add(symptom(line, irq, cpu, count - before));
                }
            }
        }
        previous = counts;
        return symptoms;
    }

    private static long key(int irq, int cpu) {
        return (long) irq << 32 | cpu;
    }

    private Symptom symptom(InterruptLine line, int irq, int cpu, long handled) {
        String dir = "/proc/irq/" + irq;
        String allowed = values.cpuList(dir + "/smp_affinity_list").map(CpuSet::toList).orElse("?");
        String effective = values.cpuList(dir + "/effective_affinity_list").map(CpuSet::toList).orElse("?");
        String actions = line.actions().isEmpty() ? "no handler shown" : String.join(", ", line.actions());
        return new Symptom("cpu/" + cpu, "irq/" + irq, Severity.WARNING,
                "IRQ " + irq + " (" + actions + line.chip().map(chip -> "; " + chip).orElse("") + ") was handled " + handled + " time(s) on isolated CPU "
                        + cpu + sincePreviousCheck() + "; smp_affinity_list " + allowed + ", effective_affinity_list " + effective,
                Optional.of(RemediationKind.MOVE_IRQ_OFF_ISOLATED_CPU),
                Map.of("irq", Integer.toString(irq), "cpu", Integer.toString(cpu), "actions", String.join(",", line.actions()), "count", Long.toString(handled),
                        "smp_affinity_list", allowed, "effective_affinity_list", effective));
    }
}
