package dev.asios.cli.tune;

import dev.asios.tune.apply.ExecutionListener;
import dev.asios.tune.apply.PlanExecutor;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code asios tune apply}: journals, applies and verifies a profile. */
@Command(name = "apply", mixinStandardHelpOptions = true,
        description = {"Applies a profile: journals each original value to disk, writes the new one, reads it back.",
            "Prints what changed and what this host cannot take and why. Exit 1 only if a setting that exists failed."})
public final class TuneApplyCommand implements Callable<Integer> {

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
        options.requireRootForHost("apply");
        var plans = profile.plan(options.sysroot(), profiles);
        PrintWriter out = spec.commandLine().getOut();
        if (!options.json) {
            PlanOutput.printText(plans.runtime(), plans.boot(), out);
        }
        var outcomes = new PlanExecutor(options.sysroot(), options.journal, Clock.systemUTC(), ExecutionListener.NONE).apply(plans.runtime());
        return OutcomeOutput.print("apply", outcomes, options.json, out);
    }
}
