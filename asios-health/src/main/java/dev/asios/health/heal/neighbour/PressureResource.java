package dev.asios.health.heal.neighbour;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * What a pressure finding says is short, and so which consumption picks the neighbour: memory
 * (size and growth), CPU (time used per second) or I/O (bytes and operations per second). A
 * finding names it in its {@code resource} detail by {@link #wireName()}.
 */
public enum PressureResource {

    /** Memory: the neighbour is the cgroup that holds the most memory, counting its growth. */
    MEMORY,
    /** CPU: the neighbour is the cgroup that uses the most CPU time. */
    CPU,
    /** I/O: the neighbour is the cgroup that moves the most bytes and operations. */
    IO;

    /** The name in a finding's {@code resource} detail: {@code memory}, {@code cpu}, {@code io}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The resource named {@code name}.
     *
     * @throws IllegalArgumentException naming the value and the names known, for any other
     */
    public static PressureResource parse(String name) {
        return Arrays.stream(values()).filter(r -> r.wireName().equals(name)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "unknown pressure resource '" + name + "'; known: " + Arrays.stream(values()).map(PressureResource::wireName).collect(Collectors.joining(", "))));
    }
}
