package dev.asios.cli.run;

import dev.asios.host.sysroot.Sysroot;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Options {@code asios run} and {@code asios runs} share: the state folder, the host, the output form. */
public final class RunOptions {

    @Option(names = "--state", paramLabel = "DIR", description = "ASIOS's state folder, with the run store asios.db. Default: ${DEFAULT-VALUE}.",
            defaultValue = "/var/lib/asios")
    Path state;

    @Option(names = "--sysroot", paramLabel = "DIR", description = "Place on a recorded tree instead of this host (with --dry-run).")
    Path sysroot;

    @Option(names = "--json", description = "Print JSON instead of text.")
    boolean json;

    Sysroot sysroot() {
        return sysroot == null ? Sysroot.host() : Sysroot.of(sysroot);
    }
}
