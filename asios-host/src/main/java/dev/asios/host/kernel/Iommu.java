package dev.asios.host.kernel;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The IO memory management unit: whether there is one, how it was asked to run at boot, and how
 * its groups actually translate DMA. Passthrough ({@code identity}) costs nothing per DMA;
 * translated domains ({@code DMA}, {@code DMA-FQ}) isolate devices but add IOTLB work, which
 * matters for GPU and RDMA traffic. Immutable.
 *
 * @param hardwareUnits the IOMMU hardware units in {@code /sys/class/iommu} ({@code dmar0}, {@code ivhd0}), sorted;
 *     empty when the IOMMU is off or absent
 * @param bootParameters the IOMMU boot parameters given, name to value ({@code ""} for a bare
 *     flag): {@code intel_iommu}, {@code amd_iommu}, {@code iommu}, {@code iommu.passthrough},
 *     {@code iommu.strict}
 * @param bootPassthrough what the command line asks for: true for {@code iommu=pt} or
 *     {@code iommu.passthrough=1}, false for {@code iommu=nopt} or {@code iommu.passthrough=0};
 *     absent when it says nothing (the kernel's build default applies)
 * @param groupCount the folders in {@code /sys/kernel/iommu_groups}
 * @param groupTypes how many groups have each default domain type
 *     ({@code /sys/kernel/iommu_groups/N/type}: {@code identity}, {@code DMA}, {@code DMA-FQ}, …), sorted by type
 */
public record Iommu(
        List<String> hardwareUnits,
        Map<String, String> bootParameters,
        Optional<Boolean> bootPassthrough,
        int groupCount,
        Map<String, Integer> groupTypes) {

    /** Creates an immutable copy. */
    public Iommu {
        hardwareUnits = List.copyOf(hardwareUnits);
        bootParameters = Collections.unmodifiableMap(new TreeMap<>(bootParameters));
        groupTypes = Collections.unmodifiableMap(new TreeMap<>(groupTypes));
    }

    /** True if the kernel runs an IOMMU (it registered at least one unit). */
    public boolean present() {
        return !hardwareUnits.isEmpty();
    }

    /**
     * Whether DMA bypasses translation: true when every group with a known type is
     * {@code identity}, false when any is translated; without typed groups, what the command line
     * asked for.
     */
    public Optional<Boolean> passthrough() {
        if (groupTypes.isEmpty()) {
            return bootPassthrough;
        }
        return Optional.of(groupTypes.keySet().stream().allMatch(type -> type.equals("identity")));
    }
}
