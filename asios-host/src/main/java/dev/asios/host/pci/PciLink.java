package dev.asios.host.pci;

import java.util.OptionalDouble;
import java.util.OptionalInt;

/**
 * The PCI Express link of a function: the speed and width it trained to and the most it can do.
 * Each value is absent when the kernel does not show it (conventional PCI, kernels before 4.13,
 * an unknown speed, a link that is down). Immutable.
 *
 * @param currentSpeedGtPerSec the speed now, in gigatransfers per second per lane (16.0 for PCIe 4.0)
 * @param currentWidthLanes the lanes in use now
 * @param maxSpeedGtPerSec the highest speed the function supports, in GT/s
 * @param maxWidthLanes the most lanes the function supports
 */
public record PciLink(
        OptionalDouble currentSpeedGtPerSec,
        OptionalInt currentWidthLanes,
        OptionalDouble maxSpeedGtPerSec,
        OptionalInt maxWidthLanes) {

    /**
     * True when the link runs slower or narrower than the function supports. A GPU at idle lowers
     * its speed on purpose to save power, so judge a GPU's link under load.
     */
    public boolean belowMaximum() {
        boolean slower = currentSpeedGtPerSec.isPresent() && maxSpeedGtPerSec.isPresent()
                && currentSpeedGtPerSec.getAsDouble() < maxSpeedGtPerSec.getAsDouble();
        boolean narrower = currentWidthLanes.isPresent() && maxWidthLanes.isPresent()
                && currentWidthLanes.getAsInt() < maxWidthLanes.getAsInt();
        return slower || narrower;
    }
}
