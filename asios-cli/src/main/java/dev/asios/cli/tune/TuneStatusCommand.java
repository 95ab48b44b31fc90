package dev.asios.cli.tune;

import dev.asios.agent.json.TuneStatusJson;
import dev.asios.tune.apply.TuneStatus;
import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code asios tune status}: the active profiles and a drift summary. Works without root. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Shows the active profiles, when they were applied, and how many settings drifted.")
public final class TuneStatusCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private TuneOptions options;

    @Override
    public Integer call() {
        TuneStatus status = TuneStatus.read(options.sysroot(), options.journal);
        PrintWriter out = spec.commandLine().getOut();
        if (options.json) {
            out.println(TuneStatusJson.render(status, false).toPrettyString());
        } else if (status.inactive()) {
            out.println("no profile active (journal " + options.journal + ")");
        } else {
            out.println("active: " + String.join(" + ", status.profiles()) + ", applied " + status.appliedAt().orElse("?"));
            out.println("  " + status.files().size() + " settings, " + status.drifted().size() + " drifted"
                    + (status.drifted().isEmpty() ? "" : ": run 'asios tune verify' for the list, 'asios tune repair' to fix"));
        }
        out.flush();
        return 0;
    }
}
