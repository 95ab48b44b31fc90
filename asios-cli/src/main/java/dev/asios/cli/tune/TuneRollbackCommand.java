package dev.asios.cli.tune;

import dev.asios.host.sysroot.Sysroot;
import dev.asios.tune.apply.ExecutionListener;
import dev.asios.tune.apply.Outcome;
import dev.asios.tune.apply.Rollback;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import picocli.CommandLine.Command;

/** {@code asios tune rollback}: restores every original value, newest change first. */
@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = "Restores every original value from the journal, in reverse order, trying every file and reporting all failures. Exit 1 if any failed (run it again to retry).")
public final class TuneRollbackCommand extends HostChangeCommand {

    @Override
    String action() {
        return "rollback";
    }

    @Override
    List<Outcome> run(Sysroot sysroot, Path journal) {
        return new Rollback(sysroot, journal, Clock.systemUTC(), ExecutionListener.NONE).run();
    }
}
