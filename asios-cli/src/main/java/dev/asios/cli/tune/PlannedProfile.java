package dev.asios.cli.tune;

import dev.asios.host.inspect.HostInspector;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.tune.plan.Plan;
import dev.asios.tune.tunable.Planner;
import picocli.CommandLine.Option;

/** The {@code --profile} option and the plan it makes on the host. */
public final class PlannedProfile {

    @Option(names = {"-p", "--profile"}, required = true, paramLabel = "NAME", description = "The profile: see 'asios tune profiles'.")
    String name;

    Plan plan(Sysroot sysroot, ProfileOptions profiles) {
        var profile = profiles.loader().load(name);
        var host = new HostInspector(sysroot).inspect();
        return Planner.builtIn().plan(profile, host, sysroot);
    }
}
