package dev.asios.run.launch;

import dev.asios.host.inspect.HostSnapshot;
import dev.asios.host.pci.PciDevice;
import dev.asios.run.place.PlacedGpu;
import dev.asios.run.place.Placement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The environment variables a run gets for its placement: each vendor's visible-device list in
 * PCI bus order ({@code CUDA_VISIBLE_DEVICES} with {@code CUDA_DEVICE_ORDER=PCI_BUS_ID},
 * {@code ROCR_VISIBLE_DEVICES}, {@code ZE_AFFINITY_MASK}), empty for a vendor whose GPUs the run
 * did not get (as Slurm hides GPUs not allocated), NCCL's NIC hints, {@code OMP_NUM_THREADS}
 * when the caller has not set it, and {@code GLIBC_TUNABLES} for hugepages. Pure.
 */
public final class RunEnvironment {

    private static final int NVIDIA = 0x10de;
    private static final int AMD = 0x1002;
    private static final int INTEL = 0x8086;

    private RunEnvironment() {
    }

    /** The variables to add to (or replace in) {@code inherited}, the caller's environment. */
    public static Map<String, String> of(HostSnapshot host, Placement placement, HugepageMode hugepages, Map<String, String> inherited) {
        Map<String, String> env = new LinkedHashMap<>();
        Set<String> placed = placement.gpus().stream().map(g -> g.address().toString()).collect(Collectors.toSet());
        visible(env, host, placed, NVIDIA, "CUDA_VISIBLE_DEVICES");
        if (env.containsKey("CUDA_VISIBLE_DEVICES")) {
            env.put("CUDA_DEVICE_ORDER", "PCI_BUS_ID");
        }
        visible(env, host, placed, AMD, "ROCR_VISIBLE_DEVICES");
        visible(env, host, placed, INTEL, "ZE_AFFINITY_MASK");
        placement.nic().ifPresent(nic -> {
            nic.rdmaDevice().ifPresent(rdma -> env.put("NCCL_IB_HCA", "=" + rdma));
            env.put("NCCL_SOCKET_IFNAME", "=" + nic.netDevice());
        });
        if (!inherited.containsKey("OMP_NUM_THREADS")) {
            env.put("OMP_NUM_THREADS", String.valueOf(placement.cpus().size()));
        }
        if (hugepages != HugepageMode.NONE) {
            String existing = inherited.getOrDefault("GLIBC_TUNABLES", "");
            env.put("GLIBC_TUNABLES", existing.isEmpty() ? hugepages.glibcTunable() : existing + ":" + hugepages.glibcTunable());
        }
        return env;
    }

    /** The vendor's GPUs the run got, as indices among that vendor's GPUs in PCI bus order; nothing when the host has none of that vendor. */
    private static void visible(Map<String, String> env, HostSnapshot host, Set<String> placed, int vendor, String variable) {
        List<PciDevice> gpus = host.pci().gpus().stream().filter(g -> g.ids().vendorId().orElse(-1) == vendor)
                .sorted((a, b) -> a.address().compareTo(b.address())).toList();
        if (gpus.isEmpty()) {
            return;
        }
        StringBuilder list = new StringBuilder();
        for (int i = 0; i < gpus.size(); i++) {
            if (placed.contains(gpus.get(i).address().toString())) {
                list.append(list.isEmpty() ? "" : ",").append(i);
            }
        }
        env.put(variable, list.toString());
    }

    /** The GPUs of a placement as a list for a report: {@code 0 (0000:3b:00.0)}. */
    public static String describe(List<PlacedGpu> gpus) {
        return gpus.stream().map(g -> g.index() + " (" + g.address() + ")").collect(Collectors.joining(", "));
    }
}
