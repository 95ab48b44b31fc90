package dev.asios.host.kernel;

import dev.asios.host.parse.CpuSet;
import dev.asios.host.parse.ParseException;
import dev.asios.host.sysroot.Diagnostics;
import java.util.Map;
import java.util.Optional;

/** Finds the irqbalance process and the CPUs it is told to leave alone. */
final class IrqbalanceReader {

    private final ProcessTable processes;
    private final Diagnostics diagnostics;

    IrqbalanceReader(ProcessTable processes, Diagnostics diagnostics) {
        this.processes = processes;
        this.diagnostics = diagnostics;
    }

    Irqbalance read() {
        if (!processes.hasProcesses()) {
            return new Irqbalance(Optional.empty(), Optional.empty());
        }
        Optional<Integer> pid = processes.findByComm("irqbalance");
        if (pid.isEmpty()) {
            return new Irqbalance(Optional.of(false), Optional.empty());
        }
        Optional<CpuSet> banned = processes.environ(pid.get()).flatMap(env -> banned(env, "/proc/" + pid.get() + "/environ"));
        return new Irqbalance(Optional.of(true), banned);
    }

    private Optional<CpuSet> banned(Map<String, String> environment, String path) {
        try {
            String list = environment.get("IRQBALANCE_BANNED_CPULIST");
            if (list != null) {
                return Optional.of(CpuSet.parseList(list));
            }
            String mask = environment.get("IRQBALANCE_BANNED_CPUS");
            return mask == null ? Optional.empty() : Optional.of(CpuSet.parseMask(mask));
        } catch (ParseException e) {
            diagnostics.warn(path, "irqbalance banned CPUs: " + e.getMessage());
            return Optional.empty();
        }
    }
}
