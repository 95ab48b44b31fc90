package dev.asios.run.place;

import dev.asios.host.pci.PciAddress;
import java.util.Optional;

/**
 * The NIC a run gets for its GPU traffic.
 *
 * @param netDevice the network interface ({@code ib0}, {@code eth2}); the RDMA device name when the
 *     function has no interface
 * @param rdmaDevice the RDMA device ({@code mlx5_0}), for {@code NCCL_IB_HCA}
 * @param address the PCI function of the NIC
 * @param linkToGpus the best link between the NIC and any of the run's GPUs; for a run without
 *     GPUs, {@link LinkClass#NODE} when it is on a node of the run's CPUs, else {@link LinkClass#SYS}
 */
public record PlacedNic(String netDevice, Optional<String> rdmaDevice, PciAddress address, LinkClass linkToGpus) {
}
