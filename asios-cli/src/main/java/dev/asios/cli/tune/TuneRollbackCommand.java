package dev.asios.cli.tune;

import dev.asios.tune.apply.ExecutionListener;
import dev.asios.tune.apply.Rollback;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code asios tune rollback}: restores every original value, newest change first. */
@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = "Restores every original value from the journal, in reverse order, trying every file and reporting all failures. Exit 1 if any failed (run it again to retry).")
public final class TuneRollbackCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private TuneOptions options;

    @Override
    public Integer call() {
        options.requireRootForHost("rollback");
        var outcomes = new Rollback(options.sysroot(), options.journal, Clock.systemUTC(), ExecutionListener.NONE).run();
        return OutcomeOutput.print("rollback", outcomes, options.json, spec.commandLine().getOut());
    }
}
