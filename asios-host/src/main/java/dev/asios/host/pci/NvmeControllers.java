package dev.asios.host.pci;

import dev.asios.host.sysroot.Sysroot;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the NVMe controller of a PCI function from its {@code nvme/} folder, and names the block
 * devices of the controller's namespaces. Stateless.
 */
final class NvmeControllers {

    private static final Pattern CONTROLLER = Pattern.compile("nvme\\d+");
    private static final Pattern NAMESPACE = Pattern.compile("nvme(\\d+)(?:c\\d+)?n(\\d+)");

    private NvmeControllers() {
    }

    /** The controller under {@code deviceDir/nvme}, or empty for a function that is not an NVMe controller. */
    static Optional<NvmeController> read(Sysroot sysroot, String deviceDir) {
        List<String> controllers = sysroot.list(deviceDir + "/nvme").stream().filter(n -> CONTROLLER.matcher(n).matches()).toList();
        if (controllers.isEmpty()) {
            return Optional.empty();
        }
        if (controllers.size() > 1) {
            sysroot.diagnostics().warn(deviceDir + "/nvme", "holds controllers " + controllers + "; only " + controllers.getFirst() + " reported");
        }
        String name = controllers.getFirst();
        List<String> namespaces = new ArrayList<>();
        for (String entry : sysroot.list(deviceDir + "/nvme/" + name)) {
            namespaceBlockDevice(entry).filter(n -> !namespaces.contains(n)).ifPresent(namespaces::add);
        }
        namespaces.sort(null);
        return Optional.of(new NvmeController(name, namespaces));
    }

    // Format: "nvme0n1" (namespace block device) or "nvme0c1n1" (path of a multipath namespace, whose block device is nvme0n1)
    /** The block device of a namespace entry in a controller folder, or empty if the entry is not a namespace. */
    static Optional<String> namespaceBlockDevice(String entry) {
        Matcher m = NAMESPACE.matcher(entry);
        return m.matches() ? Optional.of("nvme" + m.group(1) + "n" + m.group(2)) : Optional.empty();
    }
}
