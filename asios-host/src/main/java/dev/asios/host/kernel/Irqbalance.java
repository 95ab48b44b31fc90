package dev.asios.host.kernel;

import dev.asios.host.parse.CpuSet;
import java.util.Optional;

/**
 * The irqbalance daemon, which moves IRQs between CPUs every few seconds unless told to keep off
 * some. Immutable.
 *
 * @param running whether a process named {@code irqbalance} runs; absent when the sysroot has no
 *     process table (a recorded tree), so it cannot be told
 * @param bannedCpus the CPUs it must not move IRQs to, from its environment:
 *     {@code IRQBALANCE_BANNED_CPULIST} (a list), else {@code IRQBALANCE_BANNED_CPUS} (a mask);
 *     absent when it does not run, sets neither, or its environment is unreadable (not root)
 */
public record Irqbalance(Optional<Boolean> running, Optional<CpuSet> bannedCpus) {
}
