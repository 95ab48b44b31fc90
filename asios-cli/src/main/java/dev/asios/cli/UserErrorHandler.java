package dev.asios.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns exceptions from commands into output: a user error is one line on standard error, a bug
 * is its stack trace with a request to report it.
 */
final class UserErrorHandler implements IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception error, CommandLine cli, ParseResult parsed) {
        if (ExitCodes.of(error) == ExitCodes.BAD_INPUT || ExitCodes.of(error) == ExitCodes.UNAVAILABLE) {
            cli.getErr().println("asios: " + error.getMessage());
        } else {
            cli.getErr().println("asios: internal error, please report it with this trace:");
            error.printStackTrace(cli.getErr());
        }
        cli.getErr().flush();
        return ExitCodes.of(error);
    }
}
