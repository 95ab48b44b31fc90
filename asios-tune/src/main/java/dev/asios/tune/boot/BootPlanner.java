package dev.asios.tune.boot;

import dev.asios.host.kernel.KernelCommandLine;
import dev.asios.host.parse.CpuSet;
import dev.asios.tune.profile.BootSettings;
import java.util.ArrayList;
import java.util.List;

/**
 * Computes the boot plan of a profile: the exact kernel parameters from its {@code boot} section
 * and the CPUs it isolates, the delta against the running command line, and the GRUB drop-in
 * that would add it. Pure.
 */
public final class BootPlanner {

    private BootPlanner() {
    }

    /**
     * The boot plan of {@code boot} for a host whose isolated set is {@code isolated} and whose
     * running command line is {@code running}.
     */
    public static BootPlan plan(String profile, BootSettings boot, CpuSet isolated, KernelCommandLine running) {
        List<String> parameters = new ArrayList<>();
        if (!isolated.isEmpty()) {
            String cpus = isolated.toList();
            boot.isolcpus().filter(Boolean::booleanValue).ifPresent(on -> parameters.add("isolcpus=managed_irq,domain," + cpus));
            boot.nohzFull().filter(Boolean::booleanValue).ifPresent(on -> parameters.add("nohz_full=" + cpus));
            boot.rcuNocbs().filter(Boolean::booleanValue).ifPresent(on -> parameters.add("rcu_nocbs=" + cpus));
        }
        boot.iommuPassthrough().filter(Boolean::booleanValue).ifPresent(on -> parameters.add("iommu=pt"));
        boot.skewTick().filter(Boolean::booleanValue).ifPresent(on -> parameters.add("skew_tick=1"));
        boot.hugepages1g().filter(n -> n > 0).ifPresent(n -> {
            parameters.add("hugepagesz=1G");
            parameters.add("hugepages=" + n);
        });
        boot.maxCstate().ifPresent(n -> {
            parameters.add("processor.max_cstate=" + n);
            parameters.add("intel_idle.max_cstate=" + n);
        });
        List<String> missing = parameters.stream().filter(p -> !has(running, p)).toList();
        return new BootPlan(profile, parameters, missing);
    }

    private static boolean has(KernelCommandLine running, String parameter) {
        int equals = parameter.indexOf('=');
        if (equals < 0) {
            return running.has(parameter);
        }
        return running.value(parameter.substring(0, equals)).filter(parameter.substring(equals + 1)::equals).isPresent();
    }
}
