package dev.asios.cli.tune;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.asios.cli.ExitCodes;
import dev.asios.host.sysroot.Sysroot;
import dev.asios.tune.apply.Outcome;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;

/** Prints the outcomes of an apply, repair or rollback, as text or JSON, and gives the exit code. */
final class OutcomeOutput {

    private OutcomeOutput() {
    }

    /**
     * Prints the outcomes, then runs what must follow the files they changed (see
     * {@link FollowUpCommands}; its lines go to standard error with JSON); returns 0 when all
     * succeeded, 1 when any file or follow-up failed.
     */
    static int printAndFollowUp(String action, Sysroot sysroot, List<Outcome> outcomes, boolean json, CommandLine cli) {
        int code = print(action, outcomes, json, cli.getOut());
        boolean followedUp = FollowUpCommands.after(sysroot, outcomes, json ? cli.getErr() : cli.getOut());
        return followedUp ? code : ExitCodes.HOST_FAILED;
    }

    /** Prints the outcomes; returns 0 when all succeeded, 1 when any failed. */
    private static int print(String action, List<Outcome> outcomes, boolean json, PrintWriter out) {
        long failed = outcomes.stream().filter(o -> !o.ok()).count();
        if (json) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode root = mapper.createObjectNode();
            root.put("action", action);
            root.put("failed", failed);
            ArrayNode files = root.putArray("files");
            for (Outcome o : outcomes) {
                ObjectNode f = files.addObject().put("path", o.path()).put("value", o.value()).put("ok", o.ok());
                f.put("error", o.error().orElse(null));
            }
            out.println(root.toPrettyString());
        } else if (outcomes.isEmpty()) {
            out.println(action + ": nothing to do");
        } else {
            for (Outcome o : outcomes) {
                out.println((o.ok() ? "  ok      " : "  FAILED  ") + o.path() + " = " + shown(o.value()) + o.error().map(e -> "  (" + e + ")").orElse(""));
            }
            out.println(action + ": " + (outcomes.size() - failed) + " of " + outcomes.size() + " files done" + (failed > 0 ? ", " + failed + " failed" : ""));
        }
        out.flush();
        return failed == 0 ? ExitCodes.OK : ExitCodes.HOST_FAILED;
    }

    /** A value on one line: a whole configuration file as its line count. */
    static String shown(String value) {
        return value.contains("\n") ? "a file of " + value.lines().count() + " lines" : value;
    }
}
