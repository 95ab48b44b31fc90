package dev.asios.tune.tunable;

import dev.asios.tune.hold.DeviceHolder;
import dev.asios.tune.plan.Change;
import dev.asios.tune.plan.Operation;
import dev.asios.tune.plan.ValueFormat;
import java.util.List;

/**
 * Holds {@code /dev/cpu_dma_latency} open at the profile's bound while the profile is active: a
 * PM QoS request that keeps every CPU, also one brought online later, out of idle states that
 * take longer to exit. The request lives as long as the file is open, so a {@link DeviceHolder}
 * process keeps it; rollback stops the holder.
 */
public final class CpuDmaLatencyTunable implements Tunable {

    /** The kernel's CPU latency QoS device. */
    static final String DEVICE = "/dev/cpu_dma_latency";

    @Override
    public String id() {
        return "noise.holdCpuDmaLatencyUs";
    }

    @Override
    public Result plan(TuneContext context) {
        var bound = context.profile().noise().holdCpuDmaLatencyUs();
        if (bound.isEmpty()) {
            return Result.NONE;
        }
        var sysroot = context.values().sysroot();
        if (!sysroot.exists(DEVICE)) {
            return Result.skipped(id(), DEVICE + " does not exist on this host (kernel built without CPU latency QoS)");
        }
        String current = new DeviceHolder(sysroot).state(DEVICE);
        return new Result(List.of(new Change(id(), Operation.HOLD_OPEN, DEVICE, ValueFormat.PLAIN, current, bound.get().toString(),
                "idle states that take more than " + bound.get() + " us to exit stay unused while the profile is active")), List.of());
    }
}
