package dev.asios.cli.tune;

import dev.asios.agent.json.TuneStatusJson;
import dev.asios.cli.ExitCodes;
import dev.asios.tune.apply.TuneStatus;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code asios tune verify}: compares the host with the active profiles, setting by setting. */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Compares the host with what the active profiles applied, setting by setting. Exit 1 when anything drifted.")
public final class TuneVerifyCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private TuneOptions options;

    @Override
    public Integer call() {
        TuneStatus status = TuneStatus.read(options.sysroot(), options.journal);
        PrintWriter out = spec.commandLine().getOut();
        if (options.json) {
            out.println(TuneStatusJson.render(status, true).toPrettyString());
        } else if (status.inactive()) {
            out.println("no profile active: nothing to verify");
        } else {
            for (TuneStatus.FileState f : status.files()) {
                out.println((f.drifted() ? "  DRIFTED " : "  ok      ") + f.path() + " = " + OutcomeOutput.shown(f.current().orElse("(unreadable)"))
                        + (f.drifted() ? ", applied " + OutcomeOutput.shown(f.applied()) : ""));
            }
            out.println(status.drifted().isEmpty() ? "verify: no drift" : "verify: " + status.drifted().size() + " drifted; 'asios tune repair' re-applies them");
        }
        out.flush();
        return status.drifted().isEmpty() ? ExitCodes.OK : ExitCodes.HOST_FAILED;
    }
}
