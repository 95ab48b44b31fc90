package dev.asios.cli.tune;

import picocli.CommandLine.Command;

/** {@code asios tune}: status, verification, repair and rollback of tuning profiles. */
@Command(
        name = "tune",
        mixinStandardHelpOptions = true,
        description = {
            "Applies AI tuning profiles and takes them back: every original value is journaled to disk",
            "before it is changed, so a rollback restores the host, also after a crash."
        },
        subcommands = {TuneProfilesCommand.class, TunePlanCommand.class, TuneApplyCommand.class, TuneStatusCommand.class, TuneVerifyCommand.class, TuneRepairCommand.class, TuneRollbackCommand.class,
            TuneImportTunedCommand.class})
public final class TuneCommand {
}
