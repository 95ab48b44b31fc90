package dev.asios.host.kernel;

import dev.asios.host.parse.ParseException;
import dev.asios.host.sysroot.Diagnostics;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;

/**
 * Typed values of boot parameters: a value that does not parse becomes a warning on
 * {@code /proc/cmdline} and an absence, as {@link dev.asios.host.sysroot.SysrootValues} does for files.
 */
final class BootParameters {

    static final String PATH = "/proc/cmdline";

    private final KernelCommandLine commandLine;
    private final Diagnostics diagnostics;

    BootParameters(KernelCommandLine commandLine, Diagnostics diagnostics) {
        this.commandLine = commandLine;
        this.diagnostics = diagnostics;
    }

    Optional<String> string(String name) {
        return commandLine.value(name);
    }

    OptionalLong longValue(String name) {
        Optional<Long> value = parsed(name, text -> KernelText.parseLong(text.strip(), name));
        return value.map(OptionalLong::of).orElseGet(OptionalLong::empty);
    }

    /**
     * The parameter's value parsed by {@code parser}; a parameter given without a value is parsed
     * as the empty string ({@code rcu_nocbs} alone is the empty CPU list).
     */
    <T> Optional<T> parsed(String name, Function<String, T> parser) {
        if (!commandLine.has(name)) {
            return Optional.empty();
        }
        try {
            return Optional.of(parser.apply(commandLine.value(name).orElse("")));
        } catch (ParseException e) {
            diagnostics.warn(PATH, name + "=: " + e.getMessage());
            return Optional.empty();
        }
    }
}
