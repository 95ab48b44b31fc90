package dev.asios.host.kernel;

import java.util.Optional;

/**
 * The result of one virtualization check: a virtual machine check or a container check.
 * Immutable.
 *
 * @param kind what was found
 * @param name the hypervisor or container engine when known ({@code KVM}, {@code VMware},
 *     {@code docker}, {@code kubernetes}); absent when only the fact is known (the CPU's
 *     {@code hypervisor} flag) and for {@link VirtualizationKind#NONE} and {@link VirtualizationKind#UNKNOWN}
 * @param evidencePath the file that decided it, absent for {@link VirtualizationKind#UNKNOWN}
 */
public record Virtualization(VirtualizationKind kind, Optional<String> name, Optional<String> evidencePath) {

    /** Nothing could be read. */
    public static final Virtualization UNKNOWN = new Virtualization(VirtualizationKind.UNKNOWN, Optional.empty(), Optional.empty());

    static Virtualization found(VirtualizationKind kind, String name, String evidencePath) {
        return new Virtualization(kind, Optional.of(name), Optional.of(evidencePath));
    }

    static Virtualization none(String evidencePath) {
        return new Virtualization(VirtualizationKind.NONE, Optional.empty(), Optional.of(evidencePath));
    }
}
