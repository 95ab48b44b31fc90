package dev.asios.host.pci;

import java.util.Optional;

/**
 * One port of an RDMA device ({@code /sys/class/infiniband/DEV/ports/N}). Immutable.
 *
 * @param number the port number, from 1
 * @param state the logical state: {@code ACTIVE}, {@code DOWN}, {@code INIT}, {@code ARMED}
 * @param physicalState the physical state, for example {@code LinkUp} or {@code Disabled}
 * @param linkLayer {@code InfiniBand} or {@code Ethernet} (RoCE)
 * @param rate the signalling rate
 * @param netDevice the network interface of a RoCE port (its default GID's interface)
 */
public record RdmaPort(
        int number,
        Optional<String> state,
        Optional<String> physicalState,
        Optional<String> linkLayer,
        Optional<RdmaRate> rate,
        Optional<String> netDevice) {

    /** True when the port's logical state is ACTIVE: it can carry traffic. */
    public boolean active() {
        return state.filter("ACTIVE"::equals).isPresent();
    }
}
