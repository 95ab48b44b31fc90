package dev.asios.host.kernel;

import dev.asios.host.parse.CpuSet;
import dev.asios.host.parse.ParseException;
import java.util.Collections;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code isolcpus=} boot parameter: which CPUs are kept away from what. Immutable.
 *
 * @param flags {@code domain} (no scheduler load balancing), {@code nohz} (no tick),
 *     {@code managed_irq} (no managed interrupts); the kernel's default without flags is {@code domain}
 * @param cpus the isolated CPUs
 */
public record IsolcpusParameter(Set<String> flags, CpuSet cpus) {

    private static final Set<String> KNOWN_FLAGS = Set.of("nohz", "domain", "managed_irq");

    /** Creates an immutable, sorted copy. */
    public IsolcpusParameter {
        flags = Collections.unmodifiableSet(new TreeSet<>(flags));
    }

    // Format: "[nohz,][domain,][managed_irq,]CPULIST", for example "nohz,managed_irq,2-5"
    /**
     * Parses the value of {@code isolcpus=} as the kernel does: leading words are flags, the rest
     * is a CPU list ({@code N} being {@code lastCpu}).
     *
     * @throws ParseException for an unknown flag (the kernel then ignores the whole parameter) or a
     *     bad CPU list
     */
    public static IsolcpusParameter parse(String value, int lastCpu) {
        Set<String> flags = new TreeSet<>();
        String rest = value.strip();
        while (!rest.isEmpty() && Character.isLetter(rest.charAt(0))) {
            int comma = rest.indexOf(',');
            String word = comma < 0 ? rest : rest.substring(0, comma);
            if (!KNOWN_FLAGS.contains(word) || comma < 0) {
                throw new ParseException("isolcpus flag '" + KernelText.abbreviate(word) + "' is not one of "
                        + new TreeSet<>(KNOWN_FLAGS) + " followed by a CPU list; the kernel ignores the parameter");
            }
            flags.add(word);
            rest = rest.substring(comma + 1);
        }
        if (flags.isEmpty()) {
            flags.add("domain");
        }
        return new IsolcpusParameter(flags, KernelValueParser.parseBootCpuList(rest, lastCpu));
    }
}
