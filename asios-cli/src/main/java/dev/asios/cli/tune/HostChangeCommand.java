package dev.asios.cli.tune;

import dev.asios.host.sysroot.Sysroot;
import dev.asios.tune.apply.Outcome;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * A tune subcommand that changes the host from the journal alone (repair, rollback): refuses
 * without root on the running host, runs, prints one line per file, runs what must follow (see
 * {@link FollowUpCommands}), exits 1 if any file or follow-up failed.
 */
abstract class HostChangeCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private TuneOptions options;

    /** The action's name, as the user typed it. */
    abstract String action();

    /** Does the work on {@code sysroot} with the journal in {@code journal}. */
    abstract List<Outcome> run(Sysroot sysroot, Path journal);

    @Override
    public final Integer call() {
        options.requireRootForHost(action());
        Sysroot sysroot = options.sysroot();
        List<Outcome> outcomes = run(sysroot, options.journal);
        return OutcomeOutput.printAndFollowUp(action(), sysroot, outcomes, options.json, spec.commandLine());
    }
}
