package dev.asios.cli;

import dev.asios.agent.AgentException;
import dev.asios.host.sysroot.SysrootException;
import dev.asios.tune.imports.TunedConfException;
import dev.asios.tune.journal.JournalException;
import dev.asios.tune.profile.ProfileException;
import picocli.CommandLine;

/**
 * The exit codes of {@code asios}, stable for scripts.
 *
 * <ul>
 *   <li>0: success
 *   <li>1: the command ran and found the host failing (for example a failed check)
 *   <li>2: bad command line (unknown option, bad value)
 *   <li>3: bad input: a sysroot that does not exist or is not a Linux tree, a damaged journal, a
 *       bad profile or tuned profile, a change to the host asked without root
 *   <li>4: the agent cannot start or run here: its port is taken, its state folder is not
 *       writable, its store is corrupt
 *   <li>70: an internal error (a bug: please report it with the stack trace printed)
 * </ul>
 */
public final class ExitCodes {

    /** Success. */
    public static final int OK = 0;
    /** The command ran and the host failed what was asked. */
    public static final int HOST_FAILED = 1;
    /** Bad command line. */
    public static final int USAGE = 2;
    /** Bad input named by the user. */
    public static final int BAD_INPUT = 3;
    /** A resource the agent needs is taken or unusable. */
    public static final int UNAVAILABLE = 4;
    /** A bug. */
    public static final int INTERNAL = 70;

    private ExitCodes() {
    }

    /** The exit code for an exception that escaped a command. */
    public static int of(Throwable error) {
        if (error instanceof CommandLine.ParameterException) {
            return USAGE;
        }
        if (error instanceof AgentException) {
            return UNAVAILABLE;
        }
        return error instanceof SysrootException || error instanceof UserException || error instanceof JournalException
                || error instanceof ProfileException || error instanceof TunedConfException
                ? BAD_INPUT : INTERNAL;
    }
}
