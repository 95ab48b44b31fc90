package dev.asios.tune.tunable;

import dev.asios.host.sysroot.Sysroot;
import dev.asios.tune.plan.Change;
import dev.asios.tune.plan.Operation;
import dev.asios.tune.plan.ValueFormat;
import java.util.List;

/**
 * Tells irqbalance to keep interrupts off the isolated CPUs, with {@code irq.irqbalanceBanIsolated}:
 * its environment file ({@value #DEBIAN} on Debian and Ubuntu, {@value #RED_HAT} on RHEL and
 * Fedora) gets {@code IRQBALANCE_BANNED_CPULIST=<isolated CPUs>} (irqbalance 1.8 or later), every
 * other line kept byte for byte. Without either file irqbalance is not installed and the setting
 * is skipped, unless irqbalance is seen running: then {@value #DEBIAN} is created. irqbalance reads
 * the file only when it starts, so whoever applies the change restarts it.
 */
public final class IrqbalanceConfigTunable implements Tunable {

    /** irqbalance's environment file on Debian and Ubuntu. */
    public static final String DEBIAN = "/etc/default/irqbalance";

    /** irqbalance's environment file on RHEL and Fedora. */
    public static final String RED_HAT = "/etc/sysconfig/irqbalance";

    /** The environment files irqbalance's service reads, in the order they are looked for. */
    public static final List<String> FILES = List.of(DEBIAN, RED_HAT);

    private static final String VARIABLE = "IRQBALANCE_BANNED_CPULIST";

    @Override
    public String id() {
        return "irq.irqbalanceBanIsolated";
    }

    @Override
    public Result plan(TuneContext context) {
        if (!context.profile().irq().irqbalanceBanIsolated().orElse(false) || context.isolated().isEmpty()) {
            return Result.NONE;
        }
        Sysroot sysroot = context.values().sysroot();
        String cpus = context.isolated().toList();
        String reason = "irqbalance never moves interrupts to the isolated CPUs " + cpus;
        for (String file : FILES) {
            if (sysroot.exists(file)) {
                return sysroot.read(file)
                        .map(content -> change(file, content, withBannedCpuList(content, cpus), reason))
                        .orElseGet(() -> Result.skipped(id(), file + " cannot be read (run as root)"));
            }
        }
        if (!context.host().kernel().irqbalance().running().orElse(false)) {
            return Result.skipped(id(), "irqbalance is not installed (no " + DEBIAN + " or " + RED_HAT + "): nothing to tell it");
        }
        if (!sysroot.isDirectory("/etc/default")) {
            return Result.skipped(id(), "irqbalance runs but has no environment file, and there is no /etc/default to make "
                    + DEBIAN + " in: set " + VARIABLE + "=" + cpus + " in its service's environment by hand");
        }
        return change(DEBIAN, Operation.ABSENT, withBannedCpuList("", cpus), reason);
    }

    private Result change(String file, String current, String desired, String reason) {
        return new Result(List.of(new Change(id(), Operation.WRITE_FILE, file, ValueFormat.PLAIN, current, desired, reason)), List.of());
    }

    /**
     * {@code content}, an environment file of shell-style {@code NAME=value} lines, with
     * {@code IRQBALANCE_BANNED_CPULIST} set to {@code cpus}: every uncommented assignment of it is
     * replaced (keeping a DOS line end); without one, a comment line and the assignment are
     * appended. Every other line stays as it is. Pure.
     */
    static String withBannedCpuList(String content, String cpus) {
        String assignment = VARIABLE + "=" + cpus;
        String[] lines = content.split("\n", -1);
        boolean replaced = false;
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].stripLeading().startsWith(VARIABLE + "=")) {
                lines[i] = lines[i].endsWith("\r") ? assignment + "\r" : assignment;
                replaced = true;
            }
        }
        if (replaced) {
            return String.join("\n", lines);
        }
        String separator = content.isEmpty() || content.endsWith("\n") ? "" : "\n";
        return content + separator + "# set by asios tune\n" + assignment + "\n";
    }
}
