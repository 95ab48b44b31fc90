package dev.asios.run.place;

import dev.asios.host.inspect.HostSnapshot;
import dev.asios.host.pci.PciAddress;
import dev.asios.host.pci.PciDevice;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The GPUs of a host in PCI bus order, the order of {@code CUDA_DEVICE_ORDER=PCI_BUS_ID}: a GPU's
 * index is its position here. Resolves the GPUs a request names. Thread-safe.
 */
final class GpuCatalog {

    private final List<PciDevice> gpus;

    GpuCatalog(HostSnapshot host) {
        this.gpus = host.pci().gpus();
    }

    /** All GPUs, by index. */
    List<PciDevice> all() {
        return gpus;
    }

    /** The index of {@code gpu}. */
    int indexOf(PciDevice gpu) {
        return gpus.indexOf(gpu);
    }

    /** The GPUs that {@code busy} does not hold and {@code unhealthy} does not name, by index. */
    List<PciDevice> free(Set<PciAddress> busy, Set<PciAddress> unhealthy) {
        return gpus.stream().filter(g -> !busy.contains(g.address()) && !unhealthy.contains(g.address())).toList();
    }

    /** "other runs hold 2; 1 is marked unhealthy: GPU 3 (0000:3b:00.0): ..." for the GPUs of this host among them. */
    String whyTaken(Set<PciAddress> busy, Map<PciAddress, String> unhealthy) {
        long held = gpus.stream().filter(g -> busy.contains(g.address()) && !unhealthy.containsKey(g.address())).count();
        List<String> marked = gpus.stream().filter(g -> unhealthy.containsKey(g.address()))
                .map(g -> "GPU " + label(g) + " " + unhealthy.get(g.address())).toList();
        List<String> parts = new ArrayList<>();
        if (held > 0) {
            parts.add("other runs hold " + held);
        }
        if (!marked.isEmpty()) {
            parts.add(marked.size() + " marked unhealthy: " + String.join("; ", marked));
        }
        return String.join("; ", parts);
    }

    /**
     * The GPUs named by index or PCI address, in the order given.
     *
     * @throws PlacementException if a name is unknown or repeated, or a GPU is busy or marked unhealthy
     */
    List<PciDevice> resolve(List<String> names, Set<PciAddress> busy, Map<PciAddress, String> unhealthy) throws PlacementException {
        Set<PciDevice> chosen = new LinkedHashSet<>();
        for (String name : names) {
            PciDevice gpu = resolve(name);
            if (!chosen.add(gpu)) {
                throw new PlacementException("GPU " + label(gpu) + " is named twice in --gpus " + String.join(",", names));
            }
            String why = unhealthy.get(gpu.address());
            if (busy.contains(gpu.address()) || why != null) {
                List<PciDevice> free = free(busy, unhealthy.keySet());
                throw new PlacementException("GPU " + label(gpu) + (why != null ? " is marked unhealthy " + why : " is busy with another run"),
                        free.isEmpty() ? null : "--gpus " + indexes(free));
            }
        }
        return new ArrayList<>(chosen);
    }

    /** "3 (0000:3b:00.0)". */
    String label(PciDevice gpu) {
        return indexOf(gpu) + " (" + gpu.address() + ")";
    }

    /** "0,1,3" for the given GPUs. */
    String indexes(List<PciDevice> chosen) {
        return String.join(",", chosen.stream().map(g -> String.valueOf(indexOf(g))).toList());
    }

    /** "GPUs 0-7", "GPU 0", or "no GPUs". */
    String describeAll() {
        return switch (gpus.size()) {
            case 0 -> "no GPUs";
            case 1 -> "GPU 0";
            default -> "GPUs 0-" + (gpus.size() - 1);
        };
    }

    private PciDevice resolve(String name) throws PlacementException {
        String text = name.strip();
        if (!text.isEmpty() && text.length() <= 6 && text.chars().allMatch(Character::isDigit)) {
            int index = Integer.parseInt(text);
            if (index >= gpus.size()) {
                throw new PlacementException("GPU " + index + ": this host has " + describeAll());
            }
            return gpus.get(index);
        }
        Optional<PciAddress> address = PciAddress.find(text).or(() -> PciAddress.find("0000:" + text));
        if (address.isEmpty()) {
            throw new PlacementException("GPU '" + name + "' is neither an index nor a PCI address like 0000:3b:00.0 or 3b:00.0");
        }
        return gpus.stream().filter(g -> g.address().equals(address.get())).findFirst()
                .orElseThrow(() -> new PlacementException("GPU " + address.get() + ": no GPU at that address; this host has "
                        + describeAll() + (gpus.isEmpty() ? "" : " at " + String.join(", ", gpus.stream().map(g -> g.address().toString()).toList()))));
    }
}
