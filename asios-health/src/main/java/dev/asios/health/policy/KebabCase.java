package dev.asios.health.policy;

import java.util.Locale;
import java.util.Optional;

/**
 * The stable lower-kebab names under which the health layer's enums are written to files, the
 * API and the command line ({@code DRY_RUN} as {@code dry-run}). Renaming a constant changes its
 * name on disk, so constants are never renamed. Pure and thread-safe.
 */
public final class KebabCase {

    private KebabCase() {
    }

    /** The constant's name in lower kebab case: {@code MOVE_IRQ_OFF_ISOLATED_CPU} as {@code move-irq-off-isolated-cpu}. */
    public static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The constant of {@code type} whose kebab name is exactly {@code name}, if any. */
    public static <E extends Enum<E>> Optional<E> parse(Class<E> type, String name) {
        for (E constant : type.getEnumConstants()) {
            if (of(constant).equals(name)) {
                return Optional.of(constant);
            }
        }
        return Optional.empty();
    }

    /** The kebab names of all constants of {@code type}, comma-separated, for "expected one of" messages. */
    public static String all(Class<? extends Enum<?>> type) {
        StringBuilder names = new StringBuilder();
        for (Enum<?> constant : type.getEnumConstants()) {
            names.append(names.isEmpty() ? "" : ", ").append(of(constant));
        }
        return names.toString();
    }
}
