package dev.asios.tune.tunable;

import dev.asios.host.numa.NodeKind;
import dev.asios.host.numa.NumaNode;
import dev.asios.tune.plan.ValueFormat;
import dev.asios.tune.profile.HugepageReservation;
import java.util.List;

/** Reserves hugepages of each size the profile names on every NUMA node that has CPUs. */
public final class HugepagesTunable implements Tunable {

    @Override
    public String id() {
        return "memory.hugepages";
    }

    @Override
    public Result plan(TuneContext context) {
        List<HugepageReservation> reservations = context.profile().memory().hugepages().orElse(List.of());
        Results results = new Results();
        for (HugepageReservation reservation : reservations) {
            for (NumaNode node : context.host().numa().nodes()) {
                if (node.kind() != NodeKind.CPU) {
                    continue;
                }
                String path = "/sys/devices/system/node/node" + node.osIndex() + "/hugepages/hugepages-" + reservation.sizeKib() + "kB/nr_hugepages";
                results.add(Tunable.fileChange(context, id(), path, ValueFormat.PLAIN, String.valueOf(reservation.perNode()),
                        reservation.perNode() + " pages of " + reservation.sizeKib() + " KiB on node " + node.osIndex()));
            }
        }
        return results.result();
    }
}
