package dev.asios.host.kernel;

import java.util.List;
import java.util.Optional;

/**
 * The kernel's boot command line ({@code /proc/cmdline}) as ordered parameters. A name may repeat
 * ({@code console=tty0 console=ttyS0}); the kernel applies most parameters in order, so the last
 * value wins for {@link #value(String)}. Names are compared as the kernel compares them:
 * {@code -} and {@code _} are the same character ({@code nohz-full} is {@code nohz_full}).
 * Immutable.
 *
 * @param parameters the parameters before {@code --}, in command-line order
 * @param initArguments the words after {@code --}, which the kernel hands to init unparsed
 */
public record KernelCommandLine(List<Parameter> parameters, List<String> initArguments) {

    /** A command line with no parameters. */
    public static final KernelCommandLine EMPTY = new KernelCommandLine(List.of(), List.of());

    /**
     * One parameter: a flag ({@code quiet}: no value) or {@code name=value}. Quotes around the
     * value have been removed; {@code name=} has the empty value.
     *
     * @param name the name, as written
     * @param value the value, absent for a flag
     */
    public record Parameter(String name, Optional<String> value) {
    }

    /** Creates an immutable copy. */
    public KernelCommandLine {
        parameters = List.copyOf(parameters);
        initArguments = List.copyOf(initArguments);
    }

    /** True if the parameter appears at all, as a flag or with a value. */
    public boolean has(String name) {
        return parameters.stream().anyMatch(p -> sameName(p.name(), name));
    }

    /** The value of the last occurrence that has one; empty if there is none. */
    public Optional<String> value(String name) {
        List<String> all = values(name);
        return all.isEmpty() ? Optional.empty() : Optional.of(all.getLast());
    }

    /** The values of every occurrence that has one, in command-line order. */
    public List<String> values(String name) {
        return parameters.stream().filter(p -> sameName(p.name(), name)).flatMap(p -> p.value().stream()).toList();
    }

    private static boolean sameName(String a, String b) {
        return a.replace('-', '_').equals(b.replace('-', '_'));
    }
}
