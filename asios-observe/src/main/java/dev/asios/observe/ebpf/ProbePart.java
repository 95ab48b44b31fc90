package dev.asios.observe.ebpf;

import java.util.List;
import java.util.Set;

/**
 * One measurement inside a bpftrace script: its script text, what it needs from the kernel, the
 * maps it prints every second, and what it does with them. Several parts run in one bpftrace
 * process, so their map names are distinct and each has its own {@code interval} probe; a script
 * has no {@code END} probe of its own (bpftrace allows one per process), the
 * {@link ProbeScript} adds it.
 *
 * <p>{@link #accept} and {@link #restarted} are called from the probe's reader thread only.
 */
public interface ProbePart {

    /** A short lower-case name, such as {@code runqueue}. */
    String name();

    /**
     * The script, in today's bpftrace syntax ({@code args.field}, {@code delete(@map, key)});
     * {@link ScriptDialect} turns it into the installed release's.
     */
    String script();

    /** What the part attaches to; checked before the script starts. */
    List<ProbeRequirement> requirements();

    /** The maps whose printed values go to {@link #accept}, with their {@code @}. */
    Set<String> maps();

    /**
     * Maps that only carry state between events (start times): cleared in the script's
     * {@code END} probe so that bpftrace does not print them all when it stops.
     */
    List<String> scratchMaps();

    /** Takes a printed map of {@link #maps()}: a {@link BpftraceMessage.MapValues} or {@link BpftraceMessage.Histograms}. */
    void accept(BpftraceMessage message);

    /** A new bpftrace process starts: the maps it prints begin again from empty. */
    void restarted();
}
