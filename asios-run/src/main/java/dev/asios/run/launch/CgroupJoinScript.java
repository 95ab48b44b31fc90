package dev.asios.run.launch;

import java.util.ArrayList;
import java.util.List;

/**
 * The command line of a small {@code sh} script that writes its own pid into a cgroup's join
 * files and then {@code exec}s a command: the command's first instruction already runs inside the
 * cgroup, under the same pid (so exit code and signals are the command's). Stateless.
 */
public final class CgroupJoinScript {

    /** The exit status of the script when the kernel refused its pid in a join file. */
    public static final int JOIN_FAILED = 125;

    // $1..: join files up to "--", then the command.
    private static final String JOIN = "while [ \"$1\" != -- ]; do echo $$ 2>/dev/null > \"$1\""
            + " || { echo \"asios: the kernel refused the process in $1\" >&2; exit " + JOIN_FAILED + "; }; shift; done; shift; ";

    private CgroupJoinScript() {
    }

    /** The script that joins {@code joinFiles} and runs {@code command}. */
    public static List<String> argv(List<String> joinFiles, List<String> command) {
        return argv(joinFiles, command, false, "asios");
    }

    /**
     * The script that joins {@code joinFiles}, stops itself with {@code SIGSTOP} when
     * {@code stopFirst} (to be let go with {@code SIGCONT}), and runs {@code command}.
     *
     * @param name the script's {@code $0}, as {@code ps} shows it until the {@code exec}
     */
    static List<String> argv(List<String> joinFiles, List<String> command, boolean stopFirst, String name) {
        String script = JOIN + (stopFirst ? "kill -STOP $$; " : "") + "exec \"$@\"";
        List<String> argv = new ArrayList<>(List.of("/bin/sh", "-c", script, name));
        argv.addAll(joinFiles);
        argv.add("--");
        argv.addAll(command);
        return argv;
    }
}
