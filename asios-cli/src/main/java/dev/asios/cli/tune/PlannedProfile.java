package dev.asios.cli.tune;

import dev.asios.host.inspect.HostInspector;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.tune.boot.BootPlan;
import dev.asios.tune.plan.Plan;
import dev.asios.tune.tunable.Planner;
import picocli.CommandLine.Option;

/** The {@code --profile} option and the plan it makes on the host. */
public final class PlannedProfile {

    @Option(names = {"-p", "--profile"}, required = true, paramLabel = "NAME", description = "The profile: see 'asios tune profiles'.")
    String name;

    /** The runtime plan and the boot plan of the profile on the host. */
    record Plans(Plan runtime, BootPlan boot) {
    }

    Plans plan(Sysroot sysroot, ProfileOptions profiles) {
        var profile = profiles.loader().load(name);
        var host = new HostInspector(sysroot).inspect();
        Planner planner = Planner.builtIn();
        return new Plans(planner.plan(profile, host, sysroot), planner.bootPlan(profile, host));
    }
}
