package dev.asios.cli.tune;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code asios tune plan}: the diff a profile would make, without changing anything. Works without root. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Shows every setting a profile would change: current value, desired value, why; and what this host cannot take, and why. Changes nothing.")
public final class TunePlanCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private TuneOptions options;

    @Mixin
    private ProfileOptions profiles;

    @Mixin
    private PlannedProfile profile;

    @Override
    public Integer call() {
        var plans = profile.plan(options.sysroot(), profiles);
        if (options.json) {
            spec.commandLine().getOut().println(PlanOutput.toJson(plans.runtime(), plans.boot()).toPrettyString());
            spec.commandLine().getOut().flush();
        } else {
            PlanOutput.printText(plans.runtime(), plans.boot(), false, spec.commandLine().getOut());
        }
        return 0;
    }
}
