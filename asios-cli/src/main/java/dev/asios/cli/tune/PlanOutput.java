package dev.asios.cli.tune;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.asios.tune.boot.BootPlan;
import dev.asios.tune.plan.Change;
import dev.asios.tune.plan.Operation;
import dev.asios.tune.plan.Plan;
import java.io.PrintWriter;

/** Prints a plan: every setting with its current and desired value and why, then what is skipped and why. */
final class PlanOutput {

    private PlanOutput() {
    }

    static ObjectNode toJson(Plan plan, BootPlan boot) {
        ObjectNode root = new ObjectMapper().createObjectNode();
        root.put("profile", plan.profile());
        ArrayNode changes = root.putArray("changes");
        for (Change c : plan.changes()) {
            changes.addObject().put("tunable", c.tunable()).put("operation", c.operation().name()).put("path", c.path()).put("current", c.current()).put("desired", c.desired())
                    .put("alreadyDone", c.alreadyDone()).put("needsRoot", true).put("needsReboot", false).put("reason", c.reason());
        }
        ArrayNode skipped = root.putArray("skipped");
        plan.skipped().forEach(s -> skipped.addObject().put("tunable", s.tunable()).put("reason", s.reason()));
        ObjectNode bootNode = root.putObject("boot");
        bootNode.put("needsReboot", true);
        boot.parameters().forEach(bootNode.putArray("parameters")::add);
        boot.missing().forEach(bootNode.putArray("missing")::add);
        bootNode.put("grubFile", boot.grubFile());
        bootNode.put("grubFileContent", boot.grubFileContent());
        return root;
    }

    /** The change in words: a value's old and new form, or what happens to a cgroup. */
    private static String what(Change c) {
        return switch (c.operation()) {
            case WRITE, SET_AFFINITY -> c.current() + " -> " + c.desired();
            case CREATE_CGROUP -> c.alreadyDone() ? "cgroup exists" : "create the cgroup";
            case MOVE_TASKS -> "move the movable tasks of " + c.desired() + " here";
            case HOLD_OPEN -> c.alreadyDone() ? "held open at " + c.desired() : c.current() + " -> hold open at " + c.desired();
            case WRITE_FILE -> c.alreadyDone() ? "as wanted" : Operation.ABSENT.equals(c.current()) ? "create the file" : "rewrite the file";
        };
    }

    /** Prints the plan and the boot plan; {@code bootWritten} when this apply writes the boot plan's drop-in too. */
    static void printText(Plan plan, BootPlan boot, boolean bootWritten, PrintWriter out) {
        out.println("plan for profile " + plan.profile() + ": " + plan.pending().size() + " of " + plan.changes().size()
                + " settings to change (writing needs root; none of these needs a reboot)");
        for (Change c : plan.changes()) {
            out.printf("  %s %-30s %s: %s  (%s)%n", c.alreadyDone() ? "=" : "*", c.tunable(), c.path(), what(c), c.reason());
        }
        for (Plan.Skipped s : plan.skipped()) {
            out.printf("  - %-30s skipped: %s%n", s.tunable(), s.reason());
        }
        if (!boot.parameters().isEmpty()) {
            out.println(boot.satisfied()
                    ? "boot: the running kernel already has " + String.join(" ", boot.parameters())
                    : "boot plan (needs a reboot; " + (bootWritten ? "written by --boot" : "written only by 'asios tune apply --boot'")
                            + "): add " + String.join(" ", boot.missing())
                            + "\n  as " + boot.grubFile() + ":\n    " + boot.grubFileContent().strip().replace("\n", "\n    ")
                            + (bootWritten ? "" : "\n  then: update-grub && reboot"));
        }
        out.flush();
    }
}
