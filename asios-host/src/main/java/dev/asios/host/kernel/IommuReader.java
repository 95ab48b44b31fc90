package dev.asios.host.kernel;

import dev.asios.host.sysroot.SysrootValues;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Reads {@link Iommu} from {@code /sys/class/iommu}, {@code /sys/kernel/iommu_groups} and the boot parameters. */
final class IommuReader {

    private static final List<String> BOOT_NAMES = List.of("intel_iommu", "amd_iommu", "iommu", "iommu.passthrough", "iommu.strict");
    private static final String GROUPS = "/sys/kernel/iommu_groups";

    private final SysrootValues values;

    IommuReader(SysrootValues values) {
        this.values = values;
    }

    Iommu read(KernelCommandLine commandLine) {
        Map<String, String> boot = new LinkedHashMap<>();
        for (String name : BOOT_NAMES) {
            if (commandLine.has(name)) {
                boot.put(name, commandLine.value(name).orElse(""));
            }
        }
        Map<String, Integer> types = new TreeMap<>();
        List<String> groups = values.sysroot().list(GROUPS).stream().filter(KernelText::isDigits).toList();
        for (String group : groups) {
            KernelFiles.name(values, GROUPS + "/" + group + "/type").ifPresent(type -> types.merge(type, 1, Integer::sum));
        }
        return new Iommu(values.sysroot().list("/sys/class/iommu"), boot, bootPassthrough(commandLine), groups.size(), types);
    }

    // Format: "iommu=pt,force" (x86 takes a comma list) / "iommu=nopt" / "iommu.passthrough=1|0|y|n|on|off"
    private static Optional<Boolean> bootPassthrough(KernelCommandLine commandLine) {
        Optional<Boolean> result = Optional.empty();
        for (KernelCommandLine.Parameter parameter : commandLine.parameters()) {
            String value = parameter.value().orElse("").strip().toLowerCase(Locale.ROOT);
            if (parameter.name().equals("iommu")) {
                for (String option : value.split(",")) {
                    if (option.equals("pt") || option.equals("nopt")) {
                        result = Optional.of(option.equals("pt"));
                    }
                }
            } else if (parameter.name().equals("iommu.passthrough")) {
                Optional<Boolean> flag = kernelBool(value);
                if (flag.isPresent()) {
                    result = flag;
                }
            }
        }
        return result;
    }

    /** The kernel's {@code kstrtobool}: y, 1, on are true; n, 0, off are false; anything else is not a boolean. */
    private static Optional<Boolean> kernelBool(String value) {
        if (value.startsWith("y") || value.startsWith("1") || value.equals("on")) {
            return Optional.of(true);
        }
        if (value.startsWith("n") || value.startsWith("0") || value.equals("off")) {
            return Optional.of(false);
        }
        return Optional.empty();
    }
}
