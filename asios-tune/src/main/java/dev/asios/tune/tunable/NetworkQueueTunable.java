package dev.asios.tune.tunable;

import dev.asios.host.parse.CpuSet;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.tune.plan.ValueFormat;
import java.util.Optional;

/**
 * Packet steering kept off isolated CPUs, with {@code network.rpsOffIsolated}. For every queue of
 * every network interface but {@code lo}, a receive ({@code queues/rx-N/rps_cpus}) or transmit
 * ({@code queues/tx-N/xps_cpus}) mask that reaches an isolated CPU loses it, or becomes the
 * housekeeping CPUs when nothing is left. A zero mask (steering off, the kernel's default) is left
 * alone, as is an interface without queues. Many drivers have no readable {@code xps_cpus}
 * (reading it fails with EINVAL): that queue is passed over. A queue without a readable
 * {@code rps_cpus} (a kernel built without RPS) is skipped with the reason. Nothing is planned
 * when the profile isolates no CPU.
 */
public final class NetworkQueueTunable implements Tunable {

    private static final String NET = "/sys/class/net/";

    @Override
    public String id() {
        return "network.rpsOffIsolated";
    }

    @Override
    public Result plan(TuneContext context) {
        if (!context.profile().network().rpsOffIsolated().orElse(false) || context.isolated().isEmpty()) {
            return Result.NONE;
        }
        Sysroot sysroot = context.values().sysroot();
        Results results = new Results();
        for (String nic : sysroot.list(NET)) {
            if (nic.equals("lo")) {
                continue;
            }
            for (String queue : sysroot.list(NET + nic + "/queues")) {
                if (queue.startsWith("rx-")) {
                    results.add(queue(context, nic, queue, "rps_cpus", "receive"));
                } else if (queue.startsWith("tx-")) {
                    results.add(queue(context, nic, queue, "xps_cpus", "transmit"));
                }
            }
        }
        return results.result();
    }

    /** The change to one queue's steering mask, if it reaches an isolated CPU. */
    private Result queue(TuneContext context, String nic, String queue, String file, String direction) {
        String path = NET + nic + "/queues/" + queue + "/" + file;
        Optional<CpuSet> mask = context.values().cpuMask(path);
        if (mask.isEmpty()) {
            return file.equals("rps_cpus")
                    ? Result.skipped(id(), path + " is missing or unreadable (kernel without RPS): " + nic + " " + queue + " left as it is")
                    : Result.NONE;
        }
        CpuSet target = context.offIsolated(mask.get());
        if (target.equals(mask.get())) {
            return Result.NONE;
        }
        return Tunable.fileChange(context, id(), path, ValueFormat.CPU_MASK, target.toMask(context.host().cpu().pus().size()),
                direction + " packet steering of " + nic + " " + queue + " kept off isolated CPUs");
    }
}
