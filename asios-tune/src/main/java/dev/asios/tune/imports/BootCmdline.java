package dev.asios.tune.imports;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * tuned's {@code [bootloader] cmdline} options: kernel parameters, each mapped on its own to an
 * ASIOS boot setting or skipped. The CPU lists of {@code isolcpus}, {@code nohz_full} and
 * {@code rcu_nocbs} go to {@link Isolation}.
 */
final class BootCmdline {

    private static final Set<String> ONE_GIB = Set.of("1G", "1g", "1024M", "1024m");
    private static final Pattern ISOLCPUS_FLAGS = Pattern.compile("^(?:(?:nohz|domain|managed_irq),)+");

    private BootCmdline() {
    }

    /** Maps every parameter of {@code setting}, a {@code cmdline} option; never throws {@link Unmapped}. */
    static void map(TunedSetting setting, TunedUnit unit, ProfileDraft draft) {
        // tuned marks a value to add to an included profile's value of the same option with a leading '+'
        String value = setting.value().strip();
        String[] parameters = (value.startsWith("+") ? value.substring(1) : value).strip().split("\\s+");
        for (int i = 0; i < parameters.length; i++) {
            boolean pool = i + 1 < parameters.length && oneGibPool(parameters[i], parameters[i + 1]);
            TunedSetting one = setting.withValue(pool ? parameters[i] + " " + parameters[i + 1] : parameters[i]);
            try {
                if (pool) {
                    i++;
                    draft.set("boot.hugepages1g", (int) TunedValues.integer(argument(parameters[i]), 0, Integer.MAX_VALUE), one, "");
                } else if (!parameters[i].isEmpty()) {
                    parameter(one, draft);
                }
            } catch (Unmapped e) {
                draft.skip(one, e.getMessage());
            }
        }
    }

    // "hugepagesz=1G hugepages=16": the count applies to the size just before it
    private static boolean oneGibPool(String size, String count) {
        return (size.startsWith("hugepagesz=") || size.startsWith("default_hugepagesz=")) && ONE_GIB.contains(argument(size))
                && count.startsWith("hugepages=");
    }

    private static void parameter(TunedSetting one, ProfileDraft draft) {
        String parameter = one.value();
        String name = parameter.contains("=") ? parameter.substring(0, parameter.indexOf('=')) : parameter;
        String argument = argument(parameter);
        switch (name) {
            case "isolcpus" -> draft.isolation().applyTo("boot.isolcpus", ISOLCPUS_FLAGS.matcher(argument).replaceFirst(""), one);
            case "nohz_full" -> draft.isolation().applyTo("boot.nohzFull", argument, one);
            case "rcu_nocbs" -> draft.isolation().applyTo("boot.rcuNocbs", argument, one);
            case "skew_tick" -> draft.set("boot.skewTick", TunedValues.flag(argument), one, "");
            case "iommu" -> {
                if (!argument.equals("pt")) {
                    throw new Unmapped("ASIOS sets only iommu=pt (boot.iommuPassthrough)");
                }
                draft.set("boot.iommuPassthrough", true, one, "");
            }
            case "intel_iommu", "amd_iommu" ->
                throw new Unmapped("ASIOS sets only iommu=pt (boot.iommuPassthrough); whether the IOMMU is on stays the kernel's default");
            case "processor.max_cstate", "intel_idle.max_cstate" -> draft.set("boot.maxCstate", (int) TunedValues.integer(argument, 0, Integer.MAX_VALUE), one,
                    "ASIOS sets processor.max_cstate and intel_idle.max_cstate together");
            case "hugepages", "hugepagesz", "default_hugepagesz" -> throw new Unmapped("ASIOS reserves only 1 GiB pages at boot "
                    + "(hugepagesz=1G hugepages=N, boot.hugepages1g), and 2 MiB pages per NUMA node at run time (memory.hugepages)");
            default -> throw new Unmapped("a kernel parameter with no ASIOS boot setting");
        }
    }

    private static String argument(String parameter) {
        int equals = parameter.indexOf('=');
        return equals < 0 ? "" : parameter.substring(equals + 1);
    }
}
