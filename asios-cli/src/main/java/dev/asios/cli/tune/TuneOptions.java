package dev.asios.cli.tune;

import dev.asios.cli.Privileges;
import dev.asios.cli.UserException;
import dev.asios.host.sysroot.Sysroot;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options every {@code asios tune} subcommand takes: where the host is, where the journal is, the output form. */
public final class TuneOptions {

    @Option(names = "--sysroot", paramLabel = "DIR", description = "Act on a recorded tree instead of this host (for tests and dry runs). Default: /.")
    Path sysroot;

    @Option(names = "--journal", paramLabel = "DIR", description = "The rollback journal's folder. Default: ${DEFAULT-VALUE}.", defaultValue = "/var/lib/asios/tune")
    Path journal;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    Sysroot sysroot() {
        return sysroot == null ? Sysroot.host() : Sysroot.of(sysroot);
    }

    /** Refuses to change the running host without root, before anything is touched. */
    void requireRootForHost(String action) {
        if (sysroot == null && !Privileges.root()) {
            throw new UserException(action + " changes kernel settings and needs root: run it with sudo");
        }
    }
}
