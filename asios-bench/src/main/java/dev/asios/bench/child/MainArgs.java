package dev.asios.bench.child;

import dev.asios.host.parse.CpuSet;
import dev.asios.host.parse.ParseException;
import dev.asios.host.sys.Affinity;
import dev.asios.host.sys.NativeException;
import java.util.List;

/**
 * The command-line arguments of a benchmark's child JVM (a TCP endpoint, the inference server),
 * checked, and the affinity they ask for. The parent writes CPU arguments with
 * {@link #cpus(CpuSet)}; a bad argument is an {@link IllegalArgumentException} that names it.
 * Stateless and thread-safe.
 */
public final class MainArgs {

    /** The word for "no CPUs given: do not pin". */
    private static final String NO_CPUS = "-";

    private MainArgs() {
    }

    /**
     * {@code args}, checked for {@code names.size()} values.
     *
     * @throws IllegalArgumentException with the usage, if the count is wrong
     */
    public static String[] expect(String[] args, String program, List<String> names) {
        if (args.length != names.size()) {
            throw new IllegalArgumentException("usage: " + program + " " + String.join(" ", names) + " (got " + args.length + " arguments)");
        }
        return args;
    }

    /** The number {@code text} as an {@code int} from {@code min} to {@code max}; else an error naming {@code name}. */
    public static int intIn(String text, String name, int min, int max) {
        try {
            int value = Integer.parseInt(text);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a number from " + min + " to " + max + ", not \"" + text + "\"");
    }

    /** The number {@code text} as a fraction in (0, 1]; else an error naming {@code name}. */
    public static double fraction(String text, String name) {
        try {
            double value = Double.parseDouble(text);
            if (value > 0 && value <= 1) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a number above 0 and at most 1, not \"" + text + "\"");
    }

    /** The CPU list {@code text} (as {@code 0-3,6}), not empty; else an error naming {@code name}. */
    public static CpuSet cpuList(String text, String name) {
        try {
            CpuSet cpus = CpuSet.parseList(text);
            if (!cpus.isEmpty()) {
                return cpus;
            }
        } catch (ParseException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a list of CPUs such as 0-3,6, not \"" + text + "\"");
    }

    /** The argument that stands for {@code cpus}: their list, or {@code -} for none. */
    public static String cpus(CpuSet cpus) {
        return cpus.isEmpty() ? NO_CPUS : cpus.toList();
    }

    /**
     * Pins the calling thread, and so the threads it starts afterwards, to the CPUs of a {@link #cpus(CpuSet)}
     * argument; does nothing for {@code -}.
     *
     * @throws IllegalArgumentException if the list is malformed or the kernel refuses it
     */
    public static void pinTo(String cpus) {
        if (cpus.equals(NO_CPUS)) {
            return;
        }
        try {
            Affinity.setCurrentThread(CpuSet.parseList(cpus));
        } catch (NativeException | RuntimeException e) {
            throw new IllegalArgumentException("cannot pin to CPUs \"" + cpus + "\": " + e.getMessage(), e);
        }
    }
}
