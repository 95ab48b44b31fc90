package dev.asios.cli;

import dev.asios.cli.bench.BenchCommand;
import dev.asios.cli.events.EventsCommand;
import dev.asios.cli.inspect.InspectCommand;
import dev.asios.cli.run.RunCommand;
import dev.asios.cli.run.RunsCommand;
import dev.asios.cli.top.TopCommand;
import dev.asios.cli.tune.TuneCommand;
import dev.asios.cli.up.UpCommand;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code asios} command: the entry point of every ASIOS feature. Each feature is a
 * subcommand. User errors print one line to standard error and exit with a code from
 * {@link ExitCodes}; they never print a stack trace.
 */
@Command(
        name = "asios",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "Makes a Linux host fit for AI work, keeps it fit, and proves it with numbers.",
        subcommands = {InspectCommand.class, TuneCommand.class, RunCommand.class, RunsCommand.class, UpCommand.class, TopCommand.class, EventsCommand.class, BenchCommand.class, AutoComplete.GenerateCompletion.class, CommandLine.HelpCommand.class})
public final class AsiosCommand {

    private AsiosCommand() {
    }

    /** Runs the command line and exits with its code. */
    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code. */
    public static int run(String... args) {
        return commandLine().execute(args);
    }

    /** The configured command line, for running and for tests that capture its output. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new AsiosCommand());
        cli.setExecutionExceptionHandler(new UserErrorHandler());
        cli.setExitCodeExceptionMapper(ExitCodes::of);
        // Everything after the command's name is the command's own: `asios run python -u train.py`.
        cli.getSubcommands().get("run").setStopAtPositional(true);
        return cli;
    }
}
