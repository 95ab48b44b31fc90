package dev.asios.host.cpu;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The parsed content of {@code /proc/cpuinfo}: fields outside any processor block (ARM's
 * {@code Hardware}, POWER's {@code platform}) and one block of fields per processor, in file order.
 * Immutable.
 *
 * @param global fields that appear before the first {@code processor} line or in a block without one
 * @param processors one map per {@code processor : N} block, keys as the kernel writes them
 */
public record CpuInfo(Map<String, String> global, List<Map<String, String>> processors) {

    /** An empty cpuinfo, for trees that have none. */
    public static final CpuInfo EMPTY = new CpuInfo(Map.of(), List.of());

    /** Creates an immutable copy. */
    public CpuInfo {
        global = Map.copyOf(global);
        processors = processors.stream().map(m -> Map.copyOf(new LinkedHashMap<>(m))).toList();
    }

    /** The first value of {@code key} in any processor block, else among the global fields. */
    public Optional<String> first(String key) {
        for (Map<String, String> block : processors) {
            String value = block.get(key);
            if (value != null && !value.isEmpty()) {
                return Optional.of(value);
            }
        }
        return Optional.ofNullable(global.get(key)).filter(v -> !v.isEmpty());
    }

    /** The first value among several keys, tried in order. */
    public Optional<String> first(String... keys) {
        for (String key : keys) {
            Optional<String> value = first(key);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }
}
