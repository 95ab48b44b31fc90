package dev.asios.tune.tunable;

import dev.asios.host.block.BlockDevice;
import dev.asios.tune.plan.ValueFormat;
import java.util.Optional;

/** I/O scheduler (NVMe and rotational apart), read-ahead and request queue depth of each real block device. */
public final class BlockQueueTunable implements Tunable {

    @Override
    public String id() {
        return "io";
    }

    @Override
    public Result plan(TuneContext context) {
        var io = context.profile().io();
        Results results = new Results();
        for (BlockDevice device : context.host().blockDevices()) {
            if (device.virtual()) {
                continue;
            }
            String queue = "/sys/block/" + device.name() + "/queue/";
            boolean nvme = device.name().startsWith("nvme");
            boolean rotational = device.rotational().orElse(false);
            Optional<String> scheduler = nvme ? io.nvmeScheduler() : rotational ? io.rotationalScheduler() : Optional.empty();
            scheduler.ifPresent(s -> results.add(Tunable.fileChange(context, "io.scheduler", queue + "scheduler", ValueFormat.BRACKETED, s,
                    device.name() + (nvme ? " is NVMe" : " is rotational"))));
            io.readAheadKib().ifPresent(r -> results.add(Tunable.fileChange(context, "io.readAheadKib", queue + "read_ahead_kb", ValueFormat.PLAIN,
                    String.valueOf(r), device.name() + " read-ahead")));
            io.nrRequests().ifPresent(n -> results.add(Tunable.fileChange(context, "io.nrRequests", queue + "nr_requests", ValueFormat.PLAIN,
                    String.valueOf(n), device.name() + " request queue depth")));
        }
        return results.result();
    }
}
