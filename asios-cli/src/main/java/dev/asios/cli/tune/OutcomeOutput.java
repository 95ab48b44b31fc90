package dev.asios.cli.tune;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.asios.cli.ExitCodes;
import dev.asios.tune.apply.Outcome;
import java.io.PrintWriter;
import java.util.List;

/** Prints the outcomes of a repair or rollback, as text or JSON, and gives the exit code. */
final class OutcomeOutput {

    private OutcomeOutput() {
    }

    /** Prints the outcomes; returns 0 when all succeeded, 1 when any failed. */
    static int print(String action, List<Outcome> outcomes, boolean json, PrintWriter out) {
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
                out.println((o.ok() ? "  ok      " : "  FAILED  ") + o.path() + " = " + o.value() + o.error().map(e -> "  (" + e + ")").orElse(""));
            }
            out.println(action + ": " + (outcomes.size() - failed) + " of " + outcomes.size() + " files done" + (failed > 0 ? ", " + failed + " failed" : ""));
        }
        out.flush();
        return failed == 0 ? ExitCodes.OK : ExitCodes.HOST_FAILED;
    }
}
