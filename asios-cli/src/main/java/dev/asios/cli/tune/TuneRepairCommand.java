package dev.asios.cli.tune;

import dev.asios.host.sysroot.Sysroot;
import dev.asios.tune.apply.ExecutionListener;
import dev.asios.tune.apply.Outcome;
import dev.asios.tune.apply.Repair;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code asios tune repair}: re-applies what drifted. */
@Command(name = "repair", mixinStandardHelpOptions = true,
        description = "Writes again every setting of the active profiles that drifted; the journal keeps the first originals. Exit 1 if any failed.")
public final class TuneRepairCommand extends HostChangeCommand {

    @Override
    String action() {
        return "repair";
    }

    @Override
    List<Outcome> run(Sysroot sysroot, Path journal) {
        return new Repair(sysroot, journal, Clock.systemUTC(), ExecutionListener.NONE).run();
    }
}
