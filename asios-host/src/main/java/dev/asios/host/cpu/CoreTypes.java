package dev.asios.host.cpu;

import java.util.Map;
import java.util.Optional;

/**
 * The core type of each CPU on a hybrid host (performance and efficiency cores). Empty on a host
 * with one kind of core. Immutable.
 *
 * @param typeByCpu type name by CPU number
 */
record CoreTypes(Map<Integer, String> typeByCpu) {

    static final CoreTypes NONE = new CoreTypes(Map.of());

    CoreTypes {
        typeByCpu = Map.copyOf(typeByCpu);
    }

    Optional<String> typeOf(int cpu) {
        return Optional.ofNullable(typeByCpu.get(cpu));
    }
}
