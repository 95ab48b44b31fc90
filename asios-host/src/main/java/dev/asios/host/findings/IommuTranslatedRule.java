package dev.asios.host.findings;

import dev.asios.host.inspect.HostSnapshot;
import dev.asios.host.kernel.Iommu;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Fires when the IOMMU translates device DMA (not passthrough). A warning on hosts with GPUs or
 * RDMA NICs, where it costs the most; information elsewhere.
 */
final class IommuTranslatedRule extends BaseRule {

    IommuTranslatedRule() {
        super("iommu-translated", Severity.WARNING,
                "In translated (DMA) mode every device DMA goes through IOMMU page tables and IOTLB misses: GPUDirect "
                        + "RDMA and NVMe throughput drop and map/unmap costs CPU. Passthrough keeps the IOMMU for VFIO "
                        + "while host devices use identity mappings.");
    }

    @Override
    public Optional<Finding> check(HostSnapshot host) {
        Iommu iommu = host.kernel().iommu();
        if (!iommu.present() || iommu.passthrough().orElse(true)) {
            return Optional.empty();
        }
        List<Evidence> evidence = new ArrayList<>();
        for (Map.Entry<String, Integer> type : iommu.groupTypes().entrySet()) {
            evidence.add(new Evidence("/sys/kernel/iommu_groups/*/type", type.getKey() + " (" + type.getValue() + " groups)"));
        }
        iommu.bootParameters().forEach((name, value) -> evidence.add(new Evidence("/proc/cmdline", name + "=" + value)));
        boolean dmaHeavy = !host.pci().gpus().isEmpty() || !host.pci().rdmaDevices().isEmpty();
        return Optional.of(finding(dmaHeavy ? Severity.WARNING : Severity.INFO, "the IOMMU translates device DMA (not passthrough)", evidence,
                Fix.bootParameter("iommu=pt")));
    }
}
