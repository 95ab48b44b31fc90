package dev.asios.agent.health;

import dev.asios.host.inspect.HostSnapshot;
import dev.asios.host.pci.DeviceKind;
import dev.asios.host.pci.PciAddress;
import dev.asios.host.pci.PciDevice;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The PCI address of an NVIDIA GPU from the index the GPU collector labels it with: NVML and
 * {@code nvidia-smi} number GPUs in PCI bus order, as {@code asios run} does, so index {@code i}
 * is the {@code i}-th NVIDIA GPU on the bus. Thread-safe.
 */
final class GpuAddresses implements Function<String, Optional<PciAddress>> {

    private final Supplier<HostSnapshot> host;

    GpuAddresses(Supplier<HostSnapshot> host) {
        this.host = host;
    }

    @Override
    public Optional<PciAddress> apply(String index) {
        if (index.isEmpty() || index.length() > 4 || !index.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        List<PciDevice> nvidia = host.get().pci().gpus().stream().filter(g -> g.ids().vendorId().orElse(-1) == DeviceKind.VENDOR_NVIDIA).toList();
        int i = Integer.parseInt(index);
        return i < nvidia.size() ? Optional.of(nvidia.get(i).address()) : Optional.empty();
    }
}
