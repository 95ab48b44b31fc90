package dev.asios.agent.health;

import dev.asios.host.inspect.HostSnapshot;
import dev.asios.host.parse.ParseException;
import dev.asios.host.pci.DeviceKind;
import dev.asios.host.pci.PciAddress;
import dev.asios.host.pci.PciDevice;
import dev.asios.observe.metric.MetricRegistry;
import dev.asios.observe.metric.Series;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The PCI address of an NVIDIA GPU from the index the GPU collector labels it with: the {@code pci}
 * label of its {@code asios_gpu_info} series, which NVML and {@code nvidia-smi} report; where that
 * is empty, the {@code i}-th NVIDIA GPU on the bus, since both number GPUs in PCI bus order by
 * default (as {@code asios run} does). Thread-safe.
 */
final class GpuAddresses implements Function<String, Optional<PciAddress>> {

    private static final String INFO = "asios_gpu_info";
    private static final int PCI_LABEL = 4;

    private final Supplier<HostSnapshot> host;
    private final MetricRegistry registry;

    GpuAddresses(Supplier<HostSnapshot> host, MetricRegistry registry) {
        this.host = host;
        this.registry = registry;
    }

    @Override
    public Optional<PciAddress> apply(String index) {
        if (index.isEmpty() || index.length() > 4 || !index.chars().allMatch(Character::isDigit)) {
            return Optional.empty();
        }
        Optional<PciAddress> reported = reported(index);
        if (reported.isPresent()) {
            return reported;
        }
        List<PciDevice> nvidia = host.get().pci().gpus().stream().filter(g -> g.ids().vendorId().orElse(-1) == DeviceKind.VENDOR_NVIDIA).toList();
        int i = Integer.parseInt(index);
        return i < nvidia.size() ? Optional.of(nvidia.get(i).address()) : Optional.empty();
    }

    private Optional<PciAddress> reported(String index) {
        for (Series info : registry.family(INFO).map(f -> f.allSeries()).orElse(List.of())) {
            List<String> labels = info.labelValues();
            if (labels.size() > PCI_LABEL && labels.getFirst().equals(index) && !labels.get(PCI_LABEL).isEmpty()) {
                try {
                    return Optional.of(PciAddress.parse(labels.get(PCI_LABEL)));
                } catch (ParseException e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }
}
