package dev.asios.run.place;

import dev.asios.host.parse.ParseException;
import dev.asios.host.pci.PciAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The NVLinks between the GPUs of a host, by PCI address: what sysfs does not show. Immutable.
 *
 * @param nvlinks the number of NVLinks of each pair of GPUs that has any; pairs without NVLink are
 *     absent
 * @param unknownReason why the links are unknown (no {@code nvidia-smi}, it failed); empty when
 *     they were read. Unknown links count as none.
 */
public record GpuLinks(Map<GpuPair, Integer> nvlinks, Optional<String> unknownReason) {

    /** No NVLink information: every pair is placed by its PCIe path alone. */
    public static final GpuLinks NONE = unknown("NVLink topology not read");

    /**
     * Creates an immutable copy.
     *
     * @throws IllegalArgumentException if a count is below 1
     */
    public GpuLinks {
        nvlinks = Map.copyOf(nvlinks);
        nvlinks.forEach((pair, count) -> {
            if (count < 1) {
                throw new IllegalArgumentException("NVLink count " + count + " for " + pair + " is below 1");
            }
        });
    }

    /** Links that were read: {@code nvlinks} between the pairs that have any. */
    public static GpuLinks of(Map<GpuPair, Integer> nvlinks) {
        return new GpuLinks(nvlinks, Optional.empty());
    }

    /** No NVLink information, because of {@code reason}. */
    public static GpuLinks unknown(String reason) {
        return new GpuLinks(Map.of(), Optional.of(reason));
    }

    /**
     * The links of the outputs of {@code nvidia-smi topo -m} and
     * {@code nvidia-smi --query-gpu=index,pci.bus_id --format=csv,noheader}; the second maps
     * nvidia-smi's GPU indexes, which need not be in PCI bus order, to addresses.
     *
     * @throws ParseException if either text is garbled or a GPU of the matrix has no bus id
     */
    public static GpuLinks fromNvidiaSmi(String topologyText, String busIdText) {
        List<NvlinkCount> counts = NvidiaSmiParser.parseNvlinks(topologyText);
        Map<Integer, PciAddress> busIds = NvidiaSmiParser.parseBusIds(busIdText);
        Map<GpuPair, Integer> byAddress = new HashMap<>();
        for (NvlinkCount count : counts) {
            byAddress.put(new GpuPair(busId(busIds, count.gpuA()), busId(busIds, count.gpuB())), count.links());
        }
        return of(byAddress);
    }

    /** The NVLinks between {@code a} and {@code b}; 0 when none, unknown, or the same GPU. */
    public int between(PciAddress a, PciAddress b) {
        return a.equals(b) ? 0 : nvlinks.getOrDefault(new GpuPair(a, b), 0);
    }

    private static PciAddress busId(Map<Integer, PciAddress> busIds, int index) {
        PciAddress address = busIds.get(index);
        if (address == null) {
            throw new ParseException("GPU" + index + " of nvidia-smi topo -m has no bus id in the --query-gpu output (GPUs " + busIds.keySet() + ")");
        }
        return address;
    }
}
