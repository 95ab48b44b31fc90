package dev.asios.host.kernel;

import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * How CPUs idle: the cpuidle driver and governor, the idle states, and the boot limits on them.
 * Immutable.
 *
 * @param driver {@code /sys/devices/system/cpu/cpuidle/current_driver}, for example
 *     {@code intel_idle}, {@code acpi_idle}, {@code haltpoll}; absent without cpuidle
 * @param governor {@code current_governor}, else {@code current_governor_ro}: {@code menu},
 *     {@code teo}, {@code ladder}, {@code haltpoll}
 * @param statesCpu the CPU whose states are listed (the first online CPU); absent with no online CPU
 * @param states the idle states of that CPU, shallowest first; empty when it has none
 * @param intelIdleMaxCstate {@code /sys/module/intel_idle/parameters/max_cstate}
 * @param bootProcessorMaxCstate {@code processor.max_cstate=} on the command line
 * @param bootIntelIdleMaxCstate {@code intel_idle.max_cstate=} on the command line
 * @param bootIdle {@code idle=} on the command line: {@code poll}, {@code halt}, {@code nomwait}
 */
public record CpuIdle(
        Optional<String> driver,
        Optional<String> governor,
        OptionalInt statesCpu,
        List<CState> states,
        OptionalLong intelIdleMaxCstate,
        OptionalLong bootProcessorMaxCstate,
        OptionalLong bootIntelIdleMaxCstate,
        Optional<String> bootIdle) {

    /** Creates an immutable copy. */
    public CpuIdle {
        states = List.copyOf(states);
    }
}
