package dev.asios.tune.tunable;

import dev.asios.host.inspect.HostSnapshot;
import dev.asios.host.kernel.KernelCommandLine;
import dev.asios.host.parse.CpuSet;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.host.sysroot.SysrootValues;
import dev.asios.tune.boot.BootPlan;
import dev.asios.tune.boot.BootPlanner;
import dev.asios.tune.plan.Change;
import dev.asios.tune.plan.Plan;
import dev.asios.tune.profile.Profile;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Turns a profile and a host into a {@link Plan}, asking every tunable in order. Reads only: it
 * runs without root. A profile that cannot fit this host (isolating CPUs it does not have) fails
 * here with a {@link dev.asios.tune.profile.ProfileException}, before anything is touched.
 */
public final class Planner {

    private final List<Tunable> tunables;

    /** A planner over the given tunables. */
    public Planner(List<Tunable> tunables) {
        this.tunables = List.copyOf(tunables);
    }

    /** Every tunable ASIOS has, in the order their changes are applied. */
    public static Planner builtIn() {
        return new Planner(Stream.concat(
                FileSettings.all().stream(),
                Stream.of(new HugepagesTunable(), new CpuFrequencyTunable(), new CStateTunable(), new CpuDmaLatencyTunable(), new BlockQueueTunable(), new CpuIsolationTunable(), new IrqSteeringTunable(),
                        new IrqbalanceConfigTunable(), new NetworkQueueTunable()))
                .map(Tunable.class::cast)
                .toList());
    }

    /** The tunables asked, in order. */
    public List<Tunable> tunables() {
        return tunables;
    }

    /**
     * What the profile asks of the boot loader on {@code host}: applied only on request, effective
     * after a reboot.
     */
    public BootPlan bootPlan(Profile profile, HostSnapshot host) {
        CpuSet isolated = profile.isolatedCpus(host.cpu(), host.numa()).orElse(CpuSet.empty());
        return BootPlanner.plan(profile.name(), profile.boot(), isolated,
                host.kernel().kernel().commandLine().orElse(KernelCommandLine.EMPTY));
    }

    /** The plan of {@code profile} on {@code host}, read through {@code sysroot}. */
    public Plan plan(Profile profile, HostSnapshot host, Sysroot sysroot) {
        CpuSet isolated = profile.isolatedCpus(host.cpu(), host.numa()).orElse(CpuSet.empty());
        TuneContext context = new TuneContext(host, profile, new SysrootValues(sysroot), isolated);
        List<Change> changes = new ArrayList<>();
        List<Plan.Skipped> skipped = new ArrayList<>();
        for (Tunable tunable : tunables) {
            Tunable.Result result = tunable.plan(context);
            changes.addAll(result.changes());
            skipped.addAll(result.skipped());
        }
        return new Plan(profile.name(), changes, skipped);
    }
}
