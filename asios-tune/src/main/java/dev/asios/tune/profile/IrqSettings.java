package dev.asios.tune.profile;

import java.util.Optional;

/**
 * The {@code irq} section of a profile. Every setting is optional; absent means leave the host
 * as it is.
 *
 * @param steerOffIsolated move every movable interrupt off the isolated CPUs
 * @param pinDevicesToLocalNode pin each device's interrupts to CPUs of its own NUMA node
 * @param irqbalanceBanIsolated tell irqbalance never to put interrupts on the isolated CPUs
 */
public record IrqSettings(
        Optional<Boolean> steerOffIsolated,
        Optional<Boolean> pinDevicesToLocalNode,
        Optional<Boolean> irqbalanceBanIsolated) {

    /** No settings. */
    public static final IrqSettings NONE = new IrqSettings(Optional.empty(), Optional.empty(), Optional.empty());

    /** These settings, with the gaps filled from {@code base}. */
    public IrqSettings over(IrqSettings base) {
        return new IrqSettings(
                steerOffIsolated.or(base::steerOffIsolated),
                pinDevicesToLocalNode.or(base::pinDevicesToLocalNode),
                irqbalanceBanIsolated.or(base::irqbalanceBanIsolated));
    }
}
