package dev.asios.cli.tune;

import dev.asios.tune.apply.ExecutionListener;
import dev.asios.tune.apply.Repair;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code asios tune repair}: re-applies what drifted. */
@Command(name = "repair", mixinStandardHelpOptions = true,
        description = "Writes again every setting of the active profiles that drifted; the journal keeps the first originals. Exit 1 if any failed.")
public final class TuneRepairCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private TuneOptions options;

    @Override
    public Integer call() {
        options.requireRootForHost("repair");
        var outcomes = new Repair(options.sysroot(), options.journal, Clock.systemUTC(), ExecutionListener.NONE).run();
        return OutcomeOutput.print("repair", outcomes, options.json, spec.commandLine().getOut());
    }
}
