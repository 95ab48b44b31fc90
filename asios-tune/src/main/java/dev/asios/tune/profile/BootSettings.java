package dev.asios.tune.profile;

import java.util.Optional;

/**
 * The {@code boot} section of a profile: kernel command-line parameters, written as a plan for
 * the boot loader and effective after a reboot. Every setting is optional; absent means leave
 * the command line as it is.
 *
 * @param isolcpus add {@code isolcpus=} for the CPUs of {@code cpu.isolate}
 * @param nohzFull add {@code nohz_full=} for the CPUs of {@code cpu.isolate}
 * @param rcuNocbs add {@code rcu_nocbs=} for the CPUs of {@code cpu.isolate}
 * @param iommuPassthrough add {@code iommu=pt}
 * @param skewTick add {@code skew_tick=1}
 * @param hugepages1g reserve this many 1 GiB pages at boot, at least 0
 * @param maxCstate limit idle states with {@code processor.max_cstate} and
 *     {@code intel_idle.max_cstate}, at least 0
 */
public record BootSettings(
        Optional<Boolean> isolcpus,
        Optional<Boolean> nohzFull,
        Optional<Boolean> rcuNocbs,
        Optional<Boolean> iommuPassthrough,
        Optional<Boolean> skewTick,
        Optional<Integer> hugepages1g,
        Optional<Integer> maxCstate) {

    /** No settings. */
    public static final BootSettings NONE = new BootSettings(
            Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());

    /** These settings, with the gaps filled from {@code base}. */
    public BootSettings over(BootSettings base) {
        return new BootSettings(
                isolcpus.or(base::isolcpus),
                nohzFull.or(base::nohzFull),
                rcuNocbs.or(base::rcuNocbs),
                iommuPassthrough.or(base::iommuPassthrough),
                skewTick.or(base::skewTick),
                hugepages1g.or(base::hugepages1g),
                maxCstate.or(base::maxCstate));
    }
}
